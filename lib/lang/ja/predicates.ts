/**
 * Token predicates in the words of Japanese grammar, so detectors read like the rules they check
 * (after textlint-ja's `isTargetVerb` style). Tokens are kuromoji IPADIC tokens; every predicate is a
 * cheap test on one token (or a token and its neighbours) — they run on every keystroke.
 */
import type { JaToken } from './types';

// ---------------------------------------------------------------------------------------------
// Polite auxiliaries and endings (丁寧語)

/** です / ます and their forms (でし, ませ, まし, でしょ …) — the polite auxiliaries of 敬体. */
export function isPoliteAuxiliary(t: JaToken): boolean {
  return t.pos === '助動詞' && (t.baseForm === 'です' || t.baseForm === 'ます');
}

/** ござる (ございます, でございます): the 丁重 polite verb; kuromoji tags it 動詞 or 助動詞. */
export function isGozaru(t: JaToken): boolean {
  return t.baseForm === 'ござる' || t.baseForm === '御座る';
}

/** ください / くださいませ: the polite request (命令形 of くださる). */
export function isKudasaiRequest(t: JaToken): boolean {
  return (t.baseForm === 'くださる' || t.baseForm === '下さる') && t.conjugatedForm.startsWith('命令');
}

/** でしょ without う at the end: the casual tag question (分かるでしょ？), not polite でしょう. */
export function isCasualDesho(tokens: readonly JaToken[], i: number): boolean {
  const t = tokens[i]!;
  if (!(t.pos === '助動詞' && t.baseForm === 'です' && t.surface === 'でしょ')) return false;
  const next = tokens[i + 1];
  return !(next && next.pos === '助動詞' && next.baseForm === 'う');
}

// ---------------------------------------------------------------------------------------------
// Punctuation, particles, the copula

/** Punctuation and symbols that do not count as a sentence's last word. */
export function isPunctuation(t: JaToken): boolean {
  return t.pos === '記号' || /^[\s。、，．,.！？!?…‥・「」『』（）()【】〜~ー―\-／/]+$/.test(t.surface);
}

/**
 * Chat laughter and emoticons at the end of a line (笑, ｗｗ, (笑), :) ^^, ☆, 😅): not the predicate.
 * One set of single characters repeated (a class, the variation selector, the joiner) — linear on any input. (It was a repeated group of repeated runs,
 * `(?:[wｗ]+|…)+$`, which backtracked exponentially on a customer's 「ｗｗｗ…a」: issue 14.)
 */
// eslint-disable-next-line no-misleading-character-class -- the selector and the joiner are listed as characters on purpose
const LAUGHTER_OR_EMOTICON = /^[wｗ笑（）:;=^_\-()<>*'"~\u2600-\u27bf\u{1F000}-\u{1FAFF}\ufe0f\u200d]+$/u;
export function isLaughterOrEmoticon(t: JaToken): boolean {
  return LAUGHTER_OR_EMOTICON.test(t.surface);
}

/** Sentence-final particles (ね, よ, か, わ, な, の …) that follow the predicate. */
export function isSentenceFinalParticle(t: JaToken): boolean {
  if (t.pos !== '助詞') return false;
  if (t.posDetail1 === '終助詞' || t.posDetail1.endsWith('終助詞')) return true;
  // 「行くの？」「いいのよ」: の at the very end reads as a final particle even when tagged 連体化.
  return false;
}

/** Conjunctive particles a sentence may trail off on (〜ですが。〜ますので。〜けど). */
const TRAILING_CONJUNCTIVE = new Set(['が', 'けど', 'けれど', 'けれども', 'から', 'ので', 'のに', 'し', 'て', 'で', 'ば', 'たら', 'ながら', 'つつ']);
export function isTrailingConjunctive(t: JaToken): boolean {
  return t.pos === '助詞' && (t.posDetail1 === '接続助詞' || t.posDetail1 === '格助詞') && TRAILING_CONJUNCTIVE.has(t.surface);
}

/** The copula だ (だ, だっ, で, な …); である is で + ある. */
export function isPlainCopula(t: JaToken): boolean {
  return t.pos === '助動詞' && t.baseForm === 'だ';
}

/** である / であります / であった: で (だ 連用形) followed by ある. */
export function isDearuAt(tokens: readonly JaToken[], i: number): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  return !!t && !!prev && t.baseForm === 'ある' && prev.surface === 'で' && prev.baseForm === 'だ';
}

// ---------------------------------------------------------------------------------------------
// Keigo vocabulary (the constructions are found in keigo.ts)

/** お / ご / 御 as a prefix token (接頭詞): ご確認, お客様's お when split. */
export function isHonorificPrefix(t: JaToken): boolean {
  return t.pos === '接頭詞' && (t.surface === 'お' || t.surface === 'ご' || t.surface === '御' || t.surface === 'おん');
}

/**
 * A noun that carries its own お/ご (お待ち, お送り, ご覧, お越し): IPADIC lists many prefixed verb
 * stems as single nouns.
 */
export function isPrefixedNoun(t: JaToken): boolean {
  return t.pos === '名詞' && t.surface.length >= 2 && /^[おご御]/.test(t.surface) && /^[オゴギ]/.test(t.reading || 'オ');
}

/**
 * 謙譲語 verbs: one's own actions lowered toward the customer (申す, 伺う, 参る, 存じる, 承る,
 * いただく, 差し上げる …). いたす and おる are 丁重語 (謙譲語Ⅱ): see isCourteousVerb.
 */
const HUMBLE_VERBS = new Set([
  '申す', '申し上げる', '申しあげる', '伺う', 'うかがう', '参る', 'まいる', '存じる', '存ずる', '存じ上げる',
  '承る', 'うけたまわる', 'いただく', '頂く', '戴く', 'いただける', '頂ける', '差し上げる', 'さしあげる', '賜る', 'たまわる',
  '申し受ける', '仰せつかる', 'お目にかかる', 'お目にかける', '拝する',
]);
export function isHumbleVerb(t: JaToken): boolean {
  return t.pos === '動詞' && HUMBLE_VERBS.has(t.baseForm);
}

/** 拝見 / 拝読 / 拝借 / 拝聴 / 拝受 / 拝察 / 頂戴: humble Sino-Japanese nouns used with する. */
const HUMBLE_NOUNS = new Set(['拝見', '拝読', '拝借', '拝聴', '拝受', '拝察', '拝領', '拝謁', '頂戴', '拝顔', '拝送', '拝眉']);
export function isHumbleNoun(t: JaToken): boolean {
  return t.pos === '名詞' && HUMBLE_NOUNS.has(t.baseForm);
}

/** 丁重語 (謙譲語Ⅱ): いたす, おる — one's own action stated with courtesy to the listener. */
export function isCourteousVerb(t: JaToken): boolean {
  return t.pos === '動詞' && (t.baseForm === 'いたす' || t.baseForm === '致す' || t.baseForm === 'おる' || t.baseForm === '居る' && t.surface.startsWith('お'));
}

/** 尊敬語 verbs: the customer's actions raised (いらっしゃる, おっしゃる, なさる, 召し上がる, くださる …). */
const HONORIFIC_VERBS = new Set([
  'いらっしゃる', 'おっしゃる', '仰る', 'なさる', '為さる', '召し上がる', 'めしあがる', '召す', 'くださる', '下さる',
  'あそばす', '遊ばす', 'おいでになる', 'お見えになる', '思し召す',
]);
export function isHonorificVerb(t: JaToken): boolean {
  return t.pos === '動詞' && HONORIFIC_VERBS.has(t.baseForm);
}

/** Nouns that are themselves 尊敬語 (ご存じ, ご覧, お越し, お見え, ご高覧 …). */
const HONORIFIC_NOUNS = new Set(['ご存じ', 'ご存知', '御存知', '御存じ', 'ご覧', '御覧', 'お越し', 'お見え', 'おいで', 'ご高覧', 'ご査収', 'ご笑納', 'ご高配', 'ご清栄', 'ご健勝', 'ご自愛', 'ご来社', 'ご来店', 'ご来場']);
export function isHonorificNoun(t: JaToken): boolean {
  return t.pos === '名詞' && HONORIFIC_NOUNS.has(t.surface);
}

/** The same list by surface, for a prefix and noun kuromoji split (ご + 清栄). */
export function isHonorificNounSurface(surface: string): boolean {
  return HONORIFIC_NOUNS.has(surface);
}

/** The honorific (or passive/potential) suffix れる / られる after a verb's 未然形. */
export function isReruRareru(t: JaToken): boolean {
  return t.pos === '動詞' && t.posDetail1 === '接尾' && (t.baseForm === 'れる' || t.baseForm === 'られる');
}

/** The causative suffix せる / させる. */
export function isCausative(t: JaToken): boolean {
  return t.pos === '動詞' && t.posDetail1 === '接尾' && (t.baseForm === 'せる' || t.baseForm === 'させる');
}

/** いただく / もらう after て (〜ていただく), the receiving auxiliaries. */
export function isReceivingAuxiliary(t: JaToken): boolean {
  return t.pos === '動詞' && (t.baseForm === 'いただく' || t.baseForm === '頂く' || t.baseForm === 'もらう' || t.baseForm === '貰う');
}

// ---------------------------------------------------------------------------------------------
// Verbs by conjugation class

export function isVerb(t: JaToken): boolean {
  return t.pos === '動詞';
}

/** 一段 verbs (見る, 食べる) — their potential is 〜られる, so 〜れる is ら抜き. */
export function isIchidanVerb(t: JaToken): boolean {
  return t.pos === '動詞' && t.posDetail1 === '自立' && t.conjugatedType === '一段';
}

/** カ変 来る. */
export function isKuruVerb(t: JaToken): boolean {
  return t.pos === '動詞' && t.conjugatedType.startsWith('カ変');
}

/** 五段 verbs (読む, 行く) — their causative is 〜せる, so 〜させる is さ入れ. */
export function isGodanVerb(t: JaToken): boolean {
  return t.pos === '動詞' && t.conjugatedType.startsWith('五段');
}

/** 未然形 (the form before ない / れる / せる). */
export function isMizenkei(t: JaToken): boolean {
  return t.conjugatedForm.startsWith('未然');
}

// ---------------------------------------------------------------------------------------------
// Casual register

/** Contracted auxiliaries of speech: 〜ちゃう/じゃう (てしまう), 〜てる/でる (ている), 〜とく (ておく). */
const CONTRACTED_AUX = new Set(['ちゃう', 'じゃう', 'ちまう', 'てる', 'でる', 'とく', 'どく', 'てく', 'でく', 'たげる', 'ちゃる']);
export function isCasualContraction(t: JaToken): boolean {
  if (t.pos === '動詞' && t.posDetail1 === '非自立' && CONTRACTED_AUX.has(t.baseForm)) return true;
  if (t.pos === '助動詞' && (t.baseForm === 'じゃん' || t.baseForm === 'っす' || t.surface === 'じゃ')) return true;
  return false;
}

/** Final particles that make a plain sentence conversational (よ, ね, な, わ, さ, ぞ, ぜ, の, かな, っけ). */
const CASUAL_FINALS = new Set(['よ', 'ね', 'な', 'わ', 'さ', 'ぞ', 'ぜ', 'の', 'かな', 'かしら', 'っけ', 'け', 'よね', 'じゃん', 'もん', 'ねえ', 'なあ', 'よお', 'っす', 'ってば', 'ってね']);
export function isCasualFinalParticle(t: JaToken): boolean {
  return (t.pos === '助詞' || t.pos === '助動詞') && CASUAL_FINALS.has(t.surface);
}

/** Conversational interjections and fillers (うん, ほら, ええと, じゃあ, まあ …). */
const CASUAL_INTERJECTIONS = new Set(['うん', 'ううん', 'ほら', 'ええと', 'えーと', 'えっと', 'あのー', 'あー', 'えー', 'おい', 'やあ', 'よう', 'ねえ', 'ねぇ', 'へえ', 'へー', 'ふーん', 'わあ', 'うわ', 'まじ', 'マジ', 'いや', 'いいや', 'ああ', 'おお', 'あら', 'まあ', 'じゃあ', 'じゃ', 'ありがとう', 'おめでとう', 'ごめん', 'おはよう', 'じゃあね', 'バイバイ', 'サンキュー', 'オッケー', 'OK', 'ok', 'よろしく']);
export function isCasualInterjection(t: JaToken): boolean {
  return (t.pos === '感動詞' || t.pos === '接続詞' || t.pos === 'フィラー') && CASUAL_INTERJECTIONS.has(t.surface);
}

/** Colloquial particles: って (= は / と), なんか, とか used as hedges. */
export function isColloquialParticle(t: JaToken): boolean {
  return t.pos === '助詞' && (t.surface === 'って' || t.surface === 'なんか' || t.surface === 'なんて' || t.surface === 'っけ');
}

/** Familiar pronouns that never address a customer (俺, 僕, 君, あんた, お前). */
const FAMILIAR_PRONOUNS = new Set(['俺', 'おれ', 'オレ', '僕', 'ぼく', 'ボク', '君', 'きみ', 'キミ', 'あんた', 'お前', 'おまえ', 'あたし', 'うち', 'こいつ', 'そいつ', 'あいつ']);
export function isFamiliarPronoun(t: JaToken): boolean {
  return t.pos === '名詞' && FAMILIAR_PRONOUNS.has(t.surface);
}

// ---------------------------------------------------------------------------------------------
// The sentence's ending

/** The last token that carries meaning, skipping punctuation and final particles. */
export function lastPredicateIndex(tokens: readonly JaToken[]): number {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (isPunctuation(t) || isSentenceFinalParticle(t)) continue;
    return i;
  }
  return -1;
}
