/** Japanese analysis shapes (kuromoji IPADIC tokens, offsets relative to the sentence). */

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

// How a sentence ends (read by ending.ts).

export type EndingKind = 'polite' | 'request' | 'plain' | 'dearu' | 'noun' | 'interjection' | 'none';

export interface JaEnding {
  kind: EndingKind;
  /** Token index of the predicate's head (the content word), or -1 when there is no predicate. */
  head: number;
  /** Token index just after the predicate's last auxiliary. */
  to: number;
  /** Final particles after the predicate, in order (ね, よ, か …). */
  particles: string[];
  /** The sentence is a question (か, ？). */
  question: boolean;
  /** The sentence trails off on a conjunctive particle (〜ですが。〜ので。〜て). */
  trailing: string | undefined;
  /** A plain ending made conversational: final よ/ね/な/わ/の, the でしょ tag, a te-form request. */
  casual: boolean;
}

// Keigo constructions (read by keigo.ts).

export type KeigoType = 'sonkeigo' | 'kenjogo' | 'teichogo';

export type KeigoForm =
  // 尊敬語
  | 'o-ni-naru' // お待ちになる, ご覧になる
  | 'o-kudasai' // お待ちください, ご確認ください
  | 'o-desu' // お待ちです, お持ちですか
  | 'go-nasaru' // ご利用なさる
  | 'honorific-verb' // いらっしゃる, おっしゃる, なさる, 召し上がる
  | 'te-kudasaru' // 〜てくださる (the customer's favour)
  | 'kudasaru' // くださる as a main verb (gave)
  | 'honorific-noun' // ご存じ, ご覧, お越し
  | 'reru-honorific' // 来られる, 驚かれる
  // 謙譲語
  | 'o-suru' // お送りする, ご案内する
  | 'o-itasu' // ご連絡いたす
  | 'o-moushiageru' // お詫び申し上げる
  | 'o-itadaku' // ご確認いただく
  | 'o-negau' // ご確認願う
  | 'o-dekiru' // ご利用できる (humble potential)
  | 'humble-verb' // 申す, 伺う, 参る, 存じる, 承る, 差し上げる
  | 'humble-noun' // 拝見する, 頂戴する
  | 'te-itadaku' // 〜ていただく
  | 'sasete-itadaku' // 〜させていただく
  // 丁重語 / polite
  | 'itasu' // 確認いたします
  | 'oru' // 〜ております
  | 'gozaru'; // ございます, でございます

export interface KeigoMark {
  type: KeigoType;
  form: KeigoForm;
  /** Token range [from, to). */
  from: number;
  to: number;
  /** UTF-16 offsets in the sentence. */
  start: number;
  end: number;
  /** The base form of the lexical verb or noun the keigo is built on (伺う, 確認, 待ち …). */
  lexeme: string;
  /** An honorific れる/られる (or a second honorific) is stacked on it (ご覧になられる, おっしゃられる). */
  stackedReru?: boolean;
  /** Index of the stacked れる/られる token. */
  reruIndex?: number;
}
