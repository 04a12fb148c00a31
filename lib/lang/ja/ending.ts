/**
 * How a Japanese sentence ends: the final predicate (head word and its auxiliaries), what style that
 * predicate is in (polite です/ます, polite request ください, plain 常体, である, a noun, an
 * interjection), and what follows it (final particles, a trailing conjunctive, a question mark).
 *
 * The style is read from the *final* inflection only: 「そこでしている」 has a です-form inside
 * (kuromoji reads で+し as でし) but ends in plain いる; 「分かるでしょ？」 has でしょ but is the
 * casual tag question, not polite でしょう.
 */
import {
  isCasualDesho,
  isCasualFinalParticle,
  isColloquialParticle,
  isGozaru,
  isKudasaiRequest,
  isLaughterOrEmoticon,
  isPoliteAuxiliary,
  isPunctuation,
  isSentenceFinalParticle,
  isTrailingConjunctive,
} from './predicates';
import type { JaEnding, JaToken } from './types';

export type { EndingKind, JaEnding } from './types';

/** Auxiliaries that may follow です/ます and keep the sentence polite: た, う, ん (ません), でし (ませんでした). */
function isTailAuxiliary(tokens: readonly JaToken[], j: number): boolean {
  const t = tokens[j]!;
  if (t.pos !== '助動詞') return false;
  if (t.baseForm === 'た' || t.baseForm === 'う' || t.baseForm === 'ん' || t.baseForm === 'ぬ') return true;
  // ませんでした / ませんです: です after ん after ませ.
  const prev = tokens[j - 1];
  return t.baseForm === 'です' && !!prev && prev.pos === '助動詞' && (prev.baseForm === 'ん' || prev.baseForm === 'ぬ');
}

/** Tokens that belong to a predicate's chain after its head (auxiliaries, bound verbs, て before them). */
function isChainToken(tokens: readonly JaToken[], k: number): boolean {
  const t = tokens[k]!;
  if (t.pos === '助動詞') return true;
  if (t.pos === '動詞' && (t.posDetail1 === '非自立' || t.posDetail1 === '接尾')) return true;
  if (t.pos === '形容詞' && t.posDetail1 === '非自立') return true;
  if (t.pos === '名詞' && (t.posDetail1 === '非自立' || t.posDetail1 === '接尾') && (t.surface === 'ん' || t.surface === 'の' || t.surface === 'よう' || t.surface === 'そう')) return true;
  const next = tokens[k + 1];
  // 〜て + bound verb (している, してください, しておる): て belongs to the chain.
  if (t.pos === '助詞' && (t.surface === 'て' || t.surface === 'で') && next && (next.pos === '動詞' || next.pos === '助動詞')) return true;
  return false;
}

function headOf(tokens: readonly JaToken[], last: number): number {
  let k = last;
  while (k > 0 && (isChainToken(tokens, k) || isBoundPolite(tokens[k]!))) k--;
  const t = tokens[k]!;
  // The chain stopped on a particle or symbol: the predicate starts after it.
  if (k < last && (t.pos === '助詞' || t.pos === '記号')) return k + 1;
  // 確認 + する: the サ変 noun is the head.
  if (t.pos === '動詞' && t.baseForm === 'する' && tokens[k - 1]?.pos === '名詞') return k - 1;
  return k;
}

/** くださる after an お/ご stem (お越しください) is bound to it, whatever IPADIC tags it. */
function isBoundPolite(t: JaToken): boolean {
  return t.pos === '動詞' && (t.baseForm === 'くださる' || t.baseForm === '下さる');
}

const EMPTY: JaEnding = { kind: 'none', head: -1, to: 0, particles: [], question: false, trailing: undefined, casual: false };

export function endingOf(tokens: readonly JaToken[]): JaEnding {
  let i = tokens.length - 1;
  let question = false;
  while (i >= 0 && (isPunctuation(tokens[i]!) || isLaughterOrEmoticon(tokens[i]!))) {
    if (/[？?]/.test(tokens[i]!.surface)) question = true;
    i--;
  }
  if (i < 0) return { ...EMPTY, question };
  const particles: string[] = [];
  while (i >= 0) {
    const t = tokens[i]!;
    if (isSentenceFinalParticle(t) || (t.pos === '助動詞' && (t.baseForm === 'じゃん' || t.surface === 'っす')) || (isColloquialParticle(t) && i === tokens.length - 1)) {
      particles.unshift(t.surface);
      if (t.surface === 'か' || t.surface === 'かな' || t.surface === 'かしら') question = true;
      i--;
      continue;
    }
    if (isPunctuation(t)) {
      i--;
      continue;
    }
    break;
  }
  let trailing: string | undefined;
  if (i >= 0 && isTrailingConjunctive(tokens[i]!) && tokens[i]!.surface !== 'で') {
    trailing = tokens[i]!.surface;
    i--;
    while (i >= 0 && isPunctuation(tokens[i]!)) i--;
  }
  const casualParticle = particles.some((p) => isCasualFinalParticle({ pos: '助詞', surface: p } as JaToken)) || particles.includes('じゃん') || particles.includes('っす');
  if (i < 0) return { ...EMPTY, particles, question, trailing, casual: casualParticle };

  const last = i;
  let j = i;
  while (j > 0 && isTailAuxiliary(tokens, j)) j--;
  const core = tokens[j]!;
  const head = headOf(tokens, last);
  const base = { head, to: last + 1, particles, question, trailing };

  if (isPoliteAuxiliary(core)) {
    if (isCasualDesho(tokens, j)) return { ...base, kind: 'plain', casual: true };
    return { ...base, kind: 'polite', casual: false };
  }
  if (isGozaru(core)) return { ...base, kind: 'polite', casual: false };
  if (isKudasaiRequest(core)) return { ...base, kind: 'request', casual: false };
  if (core.baseForm === 'ある' && tokens[j - 1]?.surface === 'で' && tokens[j - 1]?.baseForm === 'だ') {
    return { ...base, kind: 'dearu', casual: casualParticle };
  }
  if (core.pos === '動詞' || core.pos === '形容詞' || core.pos === '助動詞') {
    // A bare te-form at the end is a casual request or a trailing clause (待って。見てね。).
    const teRequest = trailing === 'て' || trailing === 'で';
    return { ...base, kind: 'plain', casual: casualParticle || teRequest || particles.includes('じゃん') };
  }
  if (trailing === 'て' || trailing === 'で') {
    return { ...base, kind: 'plain', casual: true };
  }
  // A bare noun or adverb with a question mark (初めて？ お名前は？) is a casual question.
  const bareQuestion = question && particles.length === 0;
  if (core.pos === '名詞') {
    return { ...base, kind: 'noun', casual: casualParticle || bareQuestion };
  }
  if (core.pos === '感動詞') {
    // IPADIC lists some polite set phrases as one interjection (そうですね, おはようございます).
    if (/(?:です|ます)[ねよ]?$/.test(core.surface)) return { ...base, kind: 'polite', casual: false };
    return { ...base, kind: 'interjection', casual: casualParticle };
  }
  return { ...base, kind: 'none', casual: casualParticle || bareQuestion };
}

/** A sentence whose final predicate is plain (常体: だ, した, ない, する; である counts as plain too). */
export function isPlainFormEnding(tokens: readonly JaToken[]): boolean {
  const kind = endingOf(tokens).kind;
  return kind === 'plain' || kind === 'dearu';
}

/** A sentence that ends in です/ます, ございます or a polite request (ください). */
export function isPoliteEnding(tokens: readonly JaToken[]): boolean {
  const kind = endingOf(tokens).kind;
  return kind === 'polite' || kind === 'request';
}
