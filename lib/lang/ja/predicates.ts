/**
 * Token predicates in the words of Japanese grammar, so detectors read like the rules they check
 * (after textlint-ja's `isTargetVerb` style). Tokens are kuromoji IPADIC tokens.
 */
import type { JaToken } from './types';

/** です / ます and their forms (でし, ませ, まし …) — the polite auxiliaries of 敬体. */
export function isPoliteAuxiliary(t: JaToken): boolean {
  return t.pos === '助動詞' && (t.baseForm === 'です' || t.baseForm === 'ます');
}

/** Punctuation and symbols that do not count as a sentence's last word. */
export function isPunctuation(t: JaToken): boolean {
  return t.pos === '記号' || /^[\s\u3000。、！？!?…・「」『』（）()【】]+$/.test(t.surface);
}

/** Sentence-final particles (ね, よ, か …) that follow the predicate. */
export function isSentenceFinalParticle(t: JaToken): boolean {
  return t.pos === '助詞' && t.posDetail1 === '終助詞';
}

/** The copula だ / である family. */
export function isPlainCopula(t: JaToken): boolean {
  return t.pos === '助動詞' && t.baseForm === 'だ';
}

/** 謙譲語 verbs: one's own actions lowered (いたす, 申す, 伺う, 参る, 拝見する …). */
const HUMBLE_VERBS = new Set(['いたす', '致す', '申す', '申し上げる', '伺う', 'うかがう', '参る', 'まいる', '拝見', '拝見する', '拝読', '存じる', '存ずる', '承る', 'いただく', '頂く', '差し上げる', 'おる', '拝借', '頂戴']);
export function isHumbleVerb(t: JaToken): boolean {
  return HUMBLE_VERBS.has(t.baseForm) && (t.pos === '動詞' || t.pos === '名詞');
}

/** 尊敬語 verbs: the customer's actions raised (いらっしゃる, おっしゃる, ご覧になる, なさる, くださる …). */
const HONORIFIC_VERBS = new Set(['いらっしゃる', 'おっしゃる', '仰る', 'なさる', '召し上がる', 'くださる', '下さる', 'ござる']);
export function isHonorificVerb(t: JaToken): boolean {
  return t.pos === '動詞' && HONORIFIC_VERBS.has(t.baseForm);
}

/** The last token that carries meaning, skipping punctuation and final particles. */
export function lastPredicateIndex(tokens: readonly JaToken[]): number {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (isPunctuation(t) || isSentenceFinalParticle(t)) continue;
    return i;
  }
  return -1;
}

/**
 * A sentence that ends in a plain (常体) form: a verb, adjective or だ/た/ない without です/ます.
 * A sentence ending in a noun (体言止め) is neither plain nor polite.
 */
export function isPlainFormEnding(tokens: readonly JaToken[]): boolean {
  const i = lastPredicateIndex(tokens);
  if (i < 0) return false;
  const t = tokens[i]!;
  if (isPoliteAuxiliary(t)) return false;
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) if (isPoliteAuxiliary(tokens[j]!)) return false;
  if (t.pos === '動詞' || t.pos === '形容詞') return true;
  if (t.pos === '助動詞') return ['だ', 'た', 'ない', 'ん', 'ぬ', 'う', 'よう', 'まい', 'れる', 'られる', 'せる', 'させる', 'たい'].includes(t.baseForm);
  return false;
}

/** A sentence that ends in です/ます (or ございます, ください). */
export function isPoliteEnding(tokens: readonly JaToken[]): boolean {
  const i = lastPredicateIndex(tokens);
  if (i < 0) return false;
  for (let j = i; j >= Math.max(0, i - 3); j--) {
    const t = tokens[j]!;
    if (isPoliteAuxiliary(t)) return true;
    if (t.pos === '動詞' && (t.baseForm === 'くださる' || t.baseForm === '下さる' || t.baseForm === 'ござる')) return true;
  }
  return false;
}
