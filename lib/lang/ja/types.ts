/** Japanese analysis shapes (kuromoji IPADIC tokens, offsets relative to the sentence). */
import type { JaEnding } from './ending';
import type { KeigoMark } from './keigo';

export type { JaEnding, EndingKind } from './ending';
export type { KeigoForm, KeigoMark, KeigoType } from './keigo';

export interface JaToken {
  surface: string;
  /** UTF-16 offsets relative to the sentence. */
  start: number;
  end: number;
  /** 品詞, e.g. 名詞, 動詞, 助動詞. */
  pos: string;
  /** 品詞細分類1–3. */
  posDetail1: string;
  posDetail2: string;
  posDetail3: string;
  /** 活用型, e.g. 五段・カ行イ音便, サ変・スル. */
  conjugatedType: string;
  /** 活用形, e.g. 基本形, 連用形. */
  conjugatedForm: string;
  /** 基本形 (dictionary form); the surface for unknown words. */
  baseForm: string;
  /** 読み in katakana; empty for unknown words. */
  reading: string;
}

/** What moved a sentence's formality score, for explanations (`keigo:o-ni-naru` +0.15). */
export interface JaRegisterCue {
  cue: string;
  weight: number;
  /** Offsets in the sentence. */
  start: number;
  end: number;
}

/** Register features of one sentence. */
export interface JaRegister {
  /** Ends in です/ます (or their past/negative/volitional forms), ございます or ください. */
  polite: boolean;
  /** Ends in a plain form (常体: だ, した, ない, する …); である counts as plain. */
  plain: boolean;
  /** である style. */
  dearu: boolean;
  /** Contains 尊敬語 (respectful forms for the customer's actions). */
  sonkeigo: boolean;
  /** Contains 謙譲語 (humble forms for one's own actions). */
  kenjogo: boolean;
  /** Reads as conversation: contractions (ちゃう, てる), casual particles on plain endings, slang. */
  casual: boolean;
  /** Formality of the sentence in [0, 1]; undefined when the sentence gives nothing to judge. */
  formality: number | undefined;
  /** The cues behind the formality score. */
  cues: JaRegisterCue[];
}

export interface JaSentence {
  tokens: JaToken[];
  /** How the sentence ends (its final predicate and style). */
  ending: JaEnding;
  /** Keigo constructions, in order. */
  keigo: KeigoMark[];
  register: JaRegister;
}
