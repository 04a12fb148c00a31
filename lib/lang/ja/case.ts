/**
 * What one Japanese sentence says about the case, read from kuromoji tokens and base forms (so every
 * conjugation counts: ご不便をおかけいたしました, 届いておりません) — the parts the case reading
 * (lib/engine/case/ja.ts) assembles: a problem (negation- and condition-aware: 問題なく and
 * 不具合がございましたら are none), thanks, a question, an apology, a cause clause (〜ため, 〜ので,
 * 〜により, 〜が原因で, 〜のせいで, 〈cause noun〉で), blame laid on the customer, a finished remedy
 * (発送いたしました), a promise (ご連絡いたします) and whether it is dated, the case's owner (私が,
 * 担当の〇〇より, the agent's name + が), a refusal (いたしかねます, 返金はできません), an alternative,
 * and a request that puts effort on the customer (ご記入ください, ご返送をお願いいたします).
 *
 * Words come from dictionaries/ja/case.json and are compared with a token's base form (and its form
 * without お/ご), never searched for in the raw text. Hits are offsets in the sentence.
 */
import data from '../../../dictionaries/ja/case.json';
import type { JaToken } from './types';

export interface Hit {
  start: number;
  end: number;
}

export interface JaSentenceCase {
  /** A failure the sentence reports as having happened (or still happening). */
  problem: Hit | undefined;
  /** The reported failure is over (エラーは出なくなりました, 不具合は解消しました). */
  fixed: boolean;
  /** All is well (問題なく使えています, 正常に動作しております). */
  allWell: boolean;
  thanks: Hit | undefined;
  question: boolean;
  apology: Hit | undefined;
  /** The apology is a casual one (すみません, ごめん). */
  casualApology: boolean;
  cause: Hit | undefined;
  blame: Hit | undefined;
  owner: Hit | undefined;
  /** A remedy done (発送いたしました, 返金処理が完了いたしました, 発送済み). */
  remedyDone: Hit | undefined;
  /** A promise of what happens next (ご連絡いたします, お届けする予定です). */
  promise: Hit | undefined;
  /** The sentence names a date, time or deadline (明日12時までに, 19日, 24時間以内, 本日中). */
  dated: boolean;
  refusal: Hit | undefined;
  alternative: Hit | undefined;
  request: Hit | undefined;
}

const set = (list: readonly string[]) => new Set(list);
const PROBLEM_NOUNS = set(data.problemNouns);
const PROBLEM_VERBS = set([...data.problemVerbs, '誤る']);
const FAIL_WHEN_NEGATED = set(data.failWhenNegated);
const FIXED = set(data.fixedVerbs);
const THANKS = set(data.thanks);
const REMEDY = set(data.remedyVerbs);
const CONTACT = set(data.contactVerbs);
const PLAN = set(data.planNouns);
const TIME_WORDS = set(data.timeWords);
const COUNTERS = set(data.counters);
const CAUSE_NOUNS = set(data.causeNouns);
const PURPOSE_NOUNS = set(data.purposeNouns);
const SERVICE = set(data.serviceNouns);
const ALTERNATIVES = set(data.alternatives);
const OFFERS = set(data.offerVerbs);
const BLAME = set(data.blameNouns);

/** The token's base form, and the same without a leading お/ご (お届け → 届け). */
function forms(t: JaToken): string[] {
  const b = t.baseForm;
  const out = [b, t.surface];
  if (/^[おご御]./u.test(b)) out.push(b.slice(1));
  return out;
}

function inSet(s: ReadonlySet<string>, t: JaToken | undefined): boolean {
  return !!t && forms(t).some((f) => s.has(f));
}

const isPunct = (t: JaToken) => t.pos === '記号';
const isComma = (t: JaToken) => t.surface === '、' || t.surface === '，' || t.surface === ',';
const isPast = (t: JaToken) => t.pos === '助動詞' && (t.baseForm === 'た' || t.baseForm === 'だ') && t.surface.startsWith('た') || t.pos === '助動詞' && t.surface === 'だ' && t.baseForm === 'た';

/** A negation: ない (auxiliary or adjective, なく, なかっ), ぬ, ず, ん (ません). */
export function isNegation(t: JaToken): boolean {
  if (t.pos === '助動詞' && (t.baseForm === 'ない' || t.baseForm === 'ぬ' || t.baseForm === 'ん' || t.surface === 'ず')) return true;
  return t.pos === '形容詞' && (t.baseForm === 'ない' || t.baseForm === '無い');
}

/** Tokens that may stand between a word and its negation or its tense (は, が, いる, ます, れる, できる …). */
function isGlue(t: JaToken): boolean {
  if (t.pos === '助詞') return ['は', 'が', 'も', 'を', 'て', 'で', 'に', 'の'].includes(t.surface) && !isComma(t);
  if (t.pos === '助動詞') return t.baseForm === 'ます' || t.baseForm === 'です' || t.baseForm === 'だ' || t.baseForm === 'ござる' || t.baseForm === 'う';
  if (t.pos === '動詞') {
    if (t.posDetail1 === '接尾' || t.posDetail1 === '非自立') return true;
    return ['する', 'いたす', '致す', 'できる', '出来る', 'ある', 'ござる', '出る', '起きる', '起こる', 'なる', 'おる', 'いる', 'される'].includes(t.baseForm);
  }
  if (t.pos === '名詞') return ['発生', '確認', '検出', '見受け', 'よう'].includes(t.baseForm);
  if (t.pos === '接頭詞') return true;
  return false;
}

/** Whether the word at i is negated right after it (届いておりません, 問題なく, エラーは発生しておりません). */
export function negatedAfter(tokens: readonly JaToken[], i: number, window = 7): number {
  for (let j = i + 1; j < tokens.length && j <= i + window; j++) {
    const t = tokens[j]!;
    if (isNegation(t)) return j;
    if (!isGlue(t)) return -1;
  }
  return -1;
}

/** Whether the clause the word at i stands in is a condition or a supposition (〜ましたら, 〜場合, 万が一). */
function hypothetical(tokens: readonly JaToken[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 8; j--) {
    const t = tokens[j]!;
    if (isComma(t) || (isPunct(t) && t.surface !== ' ' && t.surface !== '　')) break;
    if (['万が一', '万一', 'もし', 'もしも', '仮に'].includes(t.surface)) return true;
  }
  for (let j = i + 1; j < tokens.length && j <= i + 10; j++) {
    const t = tokens[j]!;
    if (t.pos === '助動詞' && t.baseForm === 'た' && t.conjugatedForm.startsWith('仮定')) return true; // ましたら
    if (t.pos === '助詞' && (t.surface === 'ば' || t.surface === 'たら' || t.surface === 'なら' || t.surface === 'ても')) return true;
    if (t.pos === '助動詞' && t.conjugatedForm.startsWith('仮定')) return true; // でしたら
    if (t.pos === '名詞' && (t.baseForm === '場合' || t.baseForm === '際' || t.baseForm === '節' || t.baseForm === '限り' || t.baseForm === '可能' || t.baseForm === '恐れ' || t.baseForm === 'おそれ')) return true;
    if (t.pos === '動詞' && (t.baseForm === '防ぐ' || t.baseForm === '避ける' || t.baseForm === '防止' || t.baseForm === '回避')) return true;
    if (t.pos === '名詞' && (t.baseForm === '防止' || t.baseForm === '回避' || t.baseForm === '対策' || t.baseForm === '予防')) return true;
    if (isComma(t) || t.surface === '。' || (t.pos === '助詞' && t.posDetail1 === '接続助詞' && t.surface !== 'て' && t.surface !== 'で')) break;
  }
  return false;
}

/** After the problem word, in its clause: it is over (解消, 直りました, 出なくなりました). */
function fixedAfter(tokens: readonly JaToken[], i: number): boolean {
  for (let j = i + 1; j < tokens.length && j <= i + 8; j++) {
    const t = tokens[j]!;
    if (inSet(FIXED, t)) return true;
    if (isNegation(t) && tokens[j + 1]?.baseForm === 'なる') return true;
    if (t.surface === '。' || isComma(t)) break;
  }
  return false;
}

/** Whether the word at i is a verb or noun that names a failure when negated, and is (ログインできません). */
function failsNegated(tokens: readonly JaToken[], i: number): number {
  const t = tokens[i]!;
  if (!inSet(FAIL_WHEN_NEGATED, t)) return -1;
  const neg = negatedAfter(tokens, i);
  if (neg < 0) return -1;
  // 〜ないよう (to prevent), 〜ない場合 (a condition), 〜ないか (a question) are not reports.
  const after = tokens[neg + 1];
  if (after && (after.baseForm === 'よう' || after.baseForm === '場合' || after.baseForm === 'か' || after.baseForm === 'こと')) return -1;
  for (let j = i + 1; j < neg; j++) if (['いただく', 'いただける', '頂く', 'くださる', '必要'].includes(tokens[j]!.baseForm)) return -1;
  return neg;
}

function hitOf(tokens: readonly JaToken[], from: number, to: number): Hit {
  return { start: tokens[from]!.start, end: tokens[to]!.end };
}

function readProblem(tokens: readonly JaToken[]): { problem: Hit | undefined; fixed: boolean; allWell: boolean } {
  let problem: Hit | undefined;
  let fixed = false;
  let allWell = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // 二重請求 / 二重に: IPADIC cuts 二重 into 二 + 重.
    const doubled = (t.surface === '二' || t.surface === '２') && tokens[i + 1]?.surface === '重';
    const noun = (t.pos === '名詞' && inSet(PROBLEM_NOUNS, t)) || doubled;
    const verb = (t.pos === '動詞' || t.pos === '名詞') && inSet(PROBLEM_VERBS, t);
    if (noun || verb) {
      // 問題なく / 不具合はございません / 遅延は発生しておりません: negated.
      if (negatedAfter(tokens, i) >= 0) {
        if (t.baseForm === '問題' || t.baseForm === '異常' || t.baseForm === '不具合') allWell = true;
        continue;
      }
      if (hypothetical(tokens, i)) continue;
      // 再発防止, ミスのないよう: prevention, not a report; a compound like 問題点 stays.
      if (fixedAfter(tokens, i)) fixed = true;
      problem ??= hitOf(tokens, i, i);
      continue;
    }
    const neg = failsNegated(tokens, i);
    if (neg >= 0) {
      if (hypothetical(tokens, i)) continue;
      if (tokens[neg + 1]?.baseForm === 'なる' && t.baseForm === '出る') {
        fixed = true; // エラーが出なくなりました
        continue;
      }
      problem ??= hitOf(tokens, i, neg);
    }
  }
  // 正常に / 問題なく + a positive verb: all is well.
  if (!allWell) allWell = tokens.some((t, i) => t.baseForm === '正常' && tokens[i + 1]?.surface === 'に' && negatedAfter(tokens, i + 1) < 0);
  return { problem, fixed, allWell };
}

const SINCERE_HEADS = new Set(['申し訳', '申しわけ', '詫び', 'お詫び', 'おわび', '詫びる', '謝罪', '陳謝']);
const CASUAL_HEADS = new Set(['すみません', 'すいません', '済みません', 'ごめん', 'ごめんなさい', 'すまない', 'すまん']);
const TROUBLE_OBJECTS = new Set(['迷惑', '不便', '心配', '面倒', '不快', '手間', '負担', '混乱', 'ご迷惑', 'ご不便', 'ご心配', 'ご面倒', 'ご不快']);

function readApology(tokens: readonly JaToken[]): { apology: Hit | undefined; casual: boolean } {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (SINCERE_HEADS.has(t.baseForm) || SINCERE_HEADS.has(t.surface)) return { apology: hitOf(tokens, i, i), casual: false };
    if (t.baseForm === '失礼' && ['いたす', '致す', 'する'].includes(tokens[i + 1]?.baseForm ?? '') && tokens.slice(i + 2, i + 5).some(isPast)) {
      return { apology: hitOf(tokens, i, i + 1), casual: false };
    }
    // ご迷惑 / ご不便 / ご心配 を おかけ(いたし)ました — not お手数をおかけしますが (a cushion).
    if (TROUBLE_OBJECTS.has(t.baseForm) && tokens[i + 1]?.surface === 'を') {
      const v = tokens[i + 2];
      if (v && /^(?:お|御)?(?:かけ|掛け)/u.test(v.surface)) return { apology: hitOf(tokens, i, i + 2), casual: false };
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (CASUAL_HEADS.has(t.surface) || CASUAL_HEADS.has(t.baseForm)) return { apology: hitOf(tokens, i, i), casual: true };
    if (t.baseForm === 'すむ' || t.baseForm === '済む') {
      const n = tokens[i + 1];
      if (n && n.baseForm === 'ます' && tokens[i + 2] && isNegation(tokens[i + 2]!)) return { apology: hitOf(tokens, i, i + 2), casual: true };
    }
  }
  return { apology: undefined, casual: false };
}

function isTimeAt(tokens: readonly JaToken[], i: number): boolean {
  const t = tokens[i]!;
  if (TIME_WORDS.has(t.baseForm) || TIME_WORDS.has(t.surface)) return true;
  if (t.pos === '名詞' && t.posDetail1 === '数') {
    const n = tokens[i + 1];
    if (n && (COUNTERS.has(n.surface) || COUNTERS.has(n.baseForm) || n.surface === '/' || n.surface === '／' || n.surface === ':' || n.surface === '：')) return true;
  }
  return false;
}

export function isDated(tokens: readonly JaToken[]): boolean {
  return tokens.some((_, i) => isTimeAt(tokens, i));
}

const DOERS = new Set(['する', 'いたす', '致す', 'させる', 'せる', '申し上げる', '差し上げる', '申しあげる', 'さしあげる', 'れる', 'られる', 'おる', 'いる', 'ある', 'しまう', 'なる', 'ござる', 'おく']);
const RECEIVERS = new Set(['いただく', 'いただける', '頂く', '頂ける', 'くださる', '下さる', 'もらう', 'もらえる']);

/** The chain after a verb or verbal noun: its tense and who does it. */
function chainAfter(tokens: readonly JaToken[], i: number): { past: number; negated: boolean; received: boolean; plan: boolean; conditional: boolean; end: number } {
  let past = -1;
  let negated = false;
  let received = false;
  let plan = false;
  let conditional = false;
  let end = i;
  for (let j = i + 1; j < tokens.length && j <= i + 9; j++) {
    const t = tokens[j]!;
    if (t.pos === '助動詞') {
      if (t.baseForm === 'た' && t.conjugatedForm.startsWith('仮定')) conditional = true;
      else if (t.baseForm === 'た') past = j;
      else if (isNegation(t)) negated = true;
      else if (t.conjugatedForm.startsWith('仮定')) conditional = true;
      end = j;
      continue;
    }
    if (t.pos === '動詞' && (DOERS.has(t.baseForm) || RECEIVERS.has(t.baseForm) || t.posDetail1 === '接尾' || t.posDetail1 === '非自立')) {
      if (RECEIVERS.has(t.baseForm)) received = true;
      end = j;
      continue;
    }
    if (t.pos === '形容詞' && isNegation(t)) {
      negated = true;
      end = j;
      continue;
    }
    if (t.pos === '助詞' && (t.surface === 'て' || t.surface === 'で' || t.surface === 'を' || t.surface === 'が' && j === i + 1 || t.surface === 'と' || t.surface === 'に' && tokens[j + 1]?.baseForm === 'なる')) continue;
    if (t.pos === '名詞' && (PLAN.has(t.baseForm) || t.baseForm === '済み' || t.baseForm === '済' || t.baseForm === '完了' || t.baseForm === 'こと')) {
      if (PLAN.has(t.baseForm)) plan = true;
      if (t.baseForm === '済み' || t.baseForm === '済') past = j;
      end = j;
      continue;
    }
    if (t.pos === '助詞' && (t.surface === 'ば' || t.surface === 'たら')) conditional = true;
    break;
  }
  return { past, negated, received, plan, conditional, end };
}

function readRemedyAndPromise(tokens: readonly JaToken[]): { remedyDone: Hit | undefined; promise: Hit | undefined } {
  let remedyDone: Hit | undefined;
  let promise: Hit | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!(t.pos === '名詞' || t.pos === '動詞')) continue;
    const remedy = inSet(REMEDY, t);
    const contact = inSet(CONTACT, t);
    if (!remedy && !contact) continue;
    if (t.pos === '動詞' && (t.posDetail1 === '非自立' || t.posDetail1 === '接尾')) continue;
    const c = chainAfter(tokens, i);
    if (c.received || c.negated || c.conditional) continue;
    const next = tokens[c.end + 1];
    // 発送した商品, お送りいただいた写真: a description, not a report of what we did.
    const modifiesNoun = next && next.pos === '名詞' && !['ところ', 'ため', 'ので', '次第'].includes(next.baseForm);
    if (remedy && c.past >= 0 && !modifiesNoun) {
      remedyDone ??= hitOf(tokens, i, c.end);
      continue;
    }
    if (c.past < 0 && c.end > i && !modifiesNoun) {
      const last = tokens[c.end]!;
      const imperative = last.conjugatedForm.startsWith('命令');
      if (!imperative && !tokens.slice(i + 1, c.end + 1).some((x) => x.baseForm === 'くださる')) promise ??= hitOf(tokens, i, c.end);
    }
  }
  return { remedyDone, promise };
}

function readOwner(tokens: readonly JaToken[], agentSurname: string | undefined): Hit | undefined {
  const particleAt = (j: number) => {
    const t = tokens[j];
    return !!t && t.pos === '助詞' && ['が', 'から', 'より', 'まで', 'にて'].includes(t.surface);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // 私が / 私、佐藤が / 私 佐藤より / 私の方で
    if (t.pos === '名詞' && t.posDetail1 === '代名詞' && ['私', 'わたくし', 'わたし'].includes(t.surface)) {
      const n = tokens[i + 1];
      if (n && (n.surface === 'ども' || n.surface === '共' || n.surface === 'たち')) continue;
      let j = i + 1;
      while (j < tokens.length && j <= i + 4 && (isPunct(tokens[j]!) || (tokens[j]!.pos === '名詞' && (tokens[j]!.posDetail1 === '固有名詞' || tokens[j]!.posDetail2 === '人名')))) j++;
      if (particleAt(j)) return hitOf(tokens, i, j);
      if (tokens[j]?.surface === 'の' && tokens[j + 1]?.baseForm === '方' && ['で', 'から', 'より'].includes(tokens[j + 2]?.surface ?? '')) return hitOf(tokens, i, j + 2);
      continue;
    }
    // 担当の鈴木より / 担当いたします / 担当させていただきます
    if (t.baseForm === '担当') {
      const n = tokens[i + 1];
      if (n && n.surface === 'の' && tokens[i + 2] && tokens[i + 2]!.pos === '名詞' && tokens[i + 2]!.baseForm !== '者' && particleAt(i + 3)) return hitOf(tokens, i, i + 3);
      if (n && n.pos === '動詞' && ['いたす', '致す', 'する', 'させる', 'さ', 'おる'].includes(n.baseForm)) return hitOf(tokens, i, i + 1);
    }
    // 責任を持って / 責任をもって
    if (t.baseForm === '責任' && tokens[i + 1]?.surface === 'を' && ['持つ', 'もつ'].includes(tokens[i + 2]?.baseForm ?? '')) return hitOf(tokens, i, i + 2);
    // 窓口となります / 窓口を務めます
    if (t.baseForm === '窓口' && ['と', 'を'].includes(tokens[i + 1]?.surface ?? '') && ['なる', '務める', 'つとめる'].includes(tokens[i + 2]?.baseForm ?? '')) {
      return hitOf(tokens, i, i + 2);
    }
    // 佐藤よりご連絡いたします (a person's name, or the agent's, as the doer)
    const isName = t.pos === '名詞' && (t.posDetail2 === '人名' || (agentSurname !== undefined && t.surface === agentSurname));
    if (isName && particleAt(i + 1) && tokens[i + 1]!.surface !== 'まで') {
      const after = tokens.slice(i + 2);
      const ourAction = after.some((x) => ['いたす', '致す', '申し上げる', '差し上げる', 'させる', '伺う', '承る', '参る'].includes(x.baseForm));
      if (ourAction) return hitOf(tokens, i, i + 1);
    }
  }
  return undefined;
}

function clauseStart(tokens: readonly JaToken[], i: number): number {
  let j = i - 1;
  for (; j >= 0; j--) {
    const t = tokens[j]!;
    if (t.surface === '。' || isComma(t) || (t.pos === '助詞' && t.posDetail1 === '接続助詞' && t.surface !== 'て' && t.surface !== 'で')) break;
  }
  return j + 1;
}

function clauseHas(tokens: readonly JaToken[], from: number, to: number, p: (t: JaToken) => boolean): boolean {
  for (let j = from; j < to; j++) if (p(tokens[j]!)) return true;
  return false;
}

const problemOrCause = (t: JaToken) => inSet(PROBLEM_NOUNS, t) || inSet(PROBLEM_VERBS, t) || (t.pos === '名詞' && inSet(CAUSE_NOUNS, t));

function readCause(tokens: readonly JaToken[]): { cause: Hit | undefined; blame: Hit | undefined } {
  let cause: Hit | undefined;
  let blame: Hit | undefined;
  const found = (from: number, to: number) => {
    const hit = hitOf(tokens, from, to);
    cause ??= hit;
    // お客様の操作ミスにより / お客様の設定が原因で: the cause laid on the customer.
    for (let j = from; j < to; j++) {
      const t = tokens[j]!;
      if ((t.surface === 'お客様' || t.surface === 'お客さま' || t.surface === '貴社' || t.surface === '御社' || t.surface === 'ご自身') && tokens.slice(j + 1, to + 1).some((x) => inSet(BLAME, x))) {
        blame ??= hitOf(tokens, j, to);
      }
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    // 原因 (原因は〜, 〜が原因で, 原因を調査しております), 判明, 調査の結果, 調査中
    if (t.pos === '名詞' && (t.baseForm === '原因' || t.baseForm === '要因' || t.baseForm === '判明' || t.baseForm === '究明')) {
      found(clauseStart(tokens, i), i);
      continue;
    }
    if (t.baseForm === '調査' && (tokens[i + 1]?.baseForm === '中' || ['する', 'いたす', '致す', 'さ', 'させる'].includes(tokens[i + 1]?.baseForm ?? '') || (tokens[i + 1]?.surface === 'の' && tokens[i + 2]?.baseForm === '結果'))) {
      found(i, i + 1);
      continue;
    }
    // 〜ため / 〜ために
    if (t.baseForm === 'ため' && t.pos === '名詞' && prev) {
      const from = clauseStart(tokens, i);
      let isCause = false;
      if (prev.pos === '助動詞' && (prev.baseForm === 'た' || isNegation(prev) || prev.baseForm === 'だ' || prev.baseForm === 'です')) isCause = true;
      else if (prev.pos === '形容詞') isCause = true;
      else if (prev.pos === '動詞' && (['いる', 'おる', 'ある', 'ござる', 'れる', 'られる'].includes(prev.baseForm) || prev.posDetail1 === '接尾')) isCause = true;
      else if (prev.pos === '動詞' && inSet(PROBLEM_VERBS, prev)) isCause = true;
      else if (prev.surface === 'の' && tokens[i - 2] && tokens[i - 2]!.pos === '名詞' && !inSet(PURPOSE_NOUNS, tokens[i - 2])) isCause = true;
      else if (prev.surface === 'な' || prev.surface === 'である') isCause = true;
      if (isCause) found(from, i);
      continue;
    }
    // 〜ので / 〜から (reason), when the clause names a failure or a negation (在庫がございませんので)
    if (t.pos === '助詞' && t.posDetail1 === '接続助詞' && (t.surface === 'ので' || t.surface === 'から')) {
      const from = clauseStart(tokens, i);
      if (clauseHas(tokens, from, i, (x) => problemOrCause(x) || isNegation(x))) found(from, i);
      continue;
    }
    // 〈cause noun〉により / によって / による / で / のせいで
    if (t.pos === '助詞' && (t.surface.startsWith('によ') || (t.surface === 'に' && ['よる', 'より'].includes(tokens[i + 1]?.baseForm ?? tokens[i + 1]?.surface ?? '')))) {
      if (prev && prev.pos === '名詞' && problemOrCause(prev)) found(clauseStart(tokens, i), i);
      continue;
    }
    if (t.pos === '助詞' && t.posDetail1 === '格助詞' && t.surface === 'で' && prev && prev.pos === '名詞' && problemOrCause(prev) && prev.posDetail1 !== 'サ変接続') {
      found(clauseStart(tokens, i), i);
      continue;
    }
    if (t.baseForm === 'せい' && t.pos === '名詞' && prev?.surface === 'の') found(clauseStart(tokens, i), i);
  }
  return { cause, blame };
}

function readRefusal(tokens: readonly JaToken[]): Hit | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // いたしかねます / 応じかねます / できかねます
    if (t.pos === '動詞' && (t.baseForm === 'かねる' || t.baseForm === '兼ねる') && i > 0 && tokens[i - 1]!.pos === '動詞') {
      if (tokens.slice(i + 1, i + 4).some(isNegation)) continue; // しかねない: may well, not a refusal
      return hitOf(tokens, Math.max(0, i - 1), i);
    }
    // お断りいたします / お断りしております
    if ((t.baseForm === '断る' || t.baseForm === 'お断り') && !hypothetical(tokens, i)) return hitOf(tokens, i, i);
    // 返金はできません / お受けできません / 対応しておりません / 承れません
    if (inSet(SERVICE, t) && (t.pos === '名詞' || t.pos === '動詞')) {
      const neg = negatedAfter(tokens, i);
      if (neg < 0) continue;
      const between = tokens.slice(i + 1, neg);
      if (between.some((x) => RECEIVERS.has(x.baseForm))) continue; // ご対応いただけない: the customer's doing
      const after = tokens[neg + 1];
      if (after && (after.baseForm === '場合' || after.baseForm === 'よう' || after.baseForm === 'か' || after.surface === 'か')) continue;
      if (tokens.slice(neg + 1).some((x) => x.surface === 'でしょ' || (x.surface === 'か' && x.pos === '助詞'))) continue; // 〜できませんでしょうか: a request
      if (hypothetical(tokens, i)) continue;
      return hitOf(tokens, i, neg);
    }
  }
  return undefined;
}

function readAlternative(tokens: readonly JaToken[]): Hit | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.pos === '名詞' && inSet(ALTERNATIVES, t) && negatedAfter(tokens, i) < 0) {
      // 別の方法 / 他の手段 / 代わりに / 代替品 / ご提案
      if (t.baseForm === '別' || t.baseForm === '他' || t.baseForm === 'ほか') {
        if (tokens[i + 1]?.surface === 'の' || tokens[i + 1]?.pos === '名詞') return hitOf(tokens, i, i + 1);
        continue;
      }
      if (t.baseForm === '方法' || t.baseForm === '手段') {
        if (['が', 'も'].includes(tokens[i + 1]?.surface ?? '') && ['ある', 'ござる'].includes(tokens[i + 2]?.baseForm ?? '')) return hitOf(tokens, i, i + 2);
        if (tokens[i + 1]?.surface === 'を' && inSet(CONTACT, tokens[i + 2])) return hitOf(tokens, i, i + 2);
        continue;
      }
      return hitOf(tokens, i, i);
    }
    // 〜いただけます / 〜可能です / 〜ことができます (a way the customer can take), not negated, not asked
    if ((t.baseForm === 'いただける' || t.baseForm === '頂ける') && negatedAfter(tokens, i) < 0) {
      const rest = tokens.slice(i + 1);
      if (!rest.some((x) => x.surface === 'か' || x.surface === 'でしょ' || x.surface === '？' || x.surface === '?') && !hypothetical(tokens, i)) return hitOf(tokens, i, i);
    }
    if ((t.baseForm === '可能' || (t.baseForm === 'できる' && tokens[i - 1]?.surface === 'が' && tokens[i - 2]?.baseForm === 'こと')) && negatedAfter(tokens, i) < 0 && !hypothetical(tokens, i)) {
      return hitOf(tokens, i, i);
    }
  }
  return undefined;
}

function readRequest(tokens: readonly JaToken[], question: boolean): Hit | undefined {
  if (question) return undefined;
  // よろしくお願いいたします (a formula), ご不明な点がございましたら…ください (an offer)
  if (tokens.some((t) => t.baseForm === 'よろしく' || t.baseForm === '宜しく' || t.baseForm === '何卒' && tokens.some((x) => x.baseForm === 'よろしく'))) return undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const kudasai = (t.baseForm === 'くださる' || t.baseForm === '下さる') && t.conjugatedForm.startsWith('命令');
    const onegai = t.baseForm === 'お願い' || t.baseForm === '願う';
    const itadakitaku = (t.baseForm === 'いただく' || t.baseForm === '頂く') && tokens[i + 1]?.baseForm === 'たい';
    if (!kudasai && !onegai && !itadakitaku) continue;
    if (hypothetical(tokens, i) || tokens.slice(0, i).some((x, k) => hypothetical(tokens, k) && x.pos !== '記号' && k < i - 1 && tokens.slice(k, i).some(isComma))) continue;
    // What is asked: the verb or verbal noun before (ご記入ください, お待ちください, ご返送をお願いいたします)
    let j = i - 1;
    while (j >= 0 && (tokens[j]!.pos === '助詞' || tokens[j]!.pos === '接頭詞' || tokens[j]!.pos === '記号' || (tokens[j]!.pos === '動詞' && ['する', 'いたす', 'なさる', 'いる', 'おく'].includes(tokens[j]!.baseForm)))) j--;
    const asked = tokens[j];
    if (asked && inSet(OFFERS, asked)) return undefined;
    if (tokens.slice(0, i).some((x) => x.baseForm === '気軽' || x.baseForm === 'お気軽' || x.baseForm === '何なり' || x.baseForm === '遠慮')) return undefined;
    if (onegai && asked?.surface === 'ほど' && tokens.slice(0, j).some((x) => ['理解', 'ご理解', '了承', 'ご了承', '容赦', 'ご容赦', '協力', 'ご協力', '検討', 'ご検討'].includes(x.baseForm))) return undefined;
    return hitOf(tokens, Math.max(0, j), i);
  }
  return undefined;
}

function readThanks(tokens: readonly JaToken[]): Hit | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (inSet(THANKS, t) && negatedAfter(tokens, i) < 0) return hitOf(tokens, i, i);
  }
  return undefined;
}

function readQuestion(tokens: readonly JaToken[], endsAsQuestion: boolean): boolean {
  if (endsAsQuestion) return true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.surface === '？' || t.surface === '?') return true;
    if (t.baseForm === '教える' && tokens.slice(i + 1, i + 4).some((x) => ['くださる', 'いただく', 'いただける', 'ほしい', '欲しい', 'もらう', 'もらえる'].includes(x.baseForm))) return true;
    if ((t.baseForm === '知る' || t.baseForm === '伺う') && tokens[i + 1]?.baseForm === 'たい') return true;
  }
  return false;
}

export interface ReadOptions {
  /** The sentence ends as a question (JaEnding.question). */
  question?: boolean;
  /** The agent's surname, to recognise 佐藤よりご連絡いたします as the owner. */
  agentSurname?: string;
}

/** Reads one sentence. */
export function readJaSentence(tokens: readonly JaToken[], options: ReadOptions = {}): JaSentenceCase {
  const question = readQuestion(tokens, options.question ?? false);
  const { problem, fixed, allWell } = readProblem(tokens);
  const { apology, casual } = readApology(tokens);
  const { cause, blame } = readCause(tokens);
  const { remedyDone, promise } = readRemedyAndPromise(tokens);
  const refusal = readRefusal(tokens);
  // A refusal (返金はできません) is not a failure the customer reported.
  const problemHit = problem && refusal && problem.start >= refusal.start && problem.end <= refusal.end ? undefined : problem;
  return {
    problem: problemHit,
    fixed,
    allWell,
    thanks: readThanks(tokens),
    question,
    apology,
    casualApology: casual,
    cause,
    blame,
    owner: readOwner(tokens, options.agentSurname),
    remedyDone,
    promise,
    dated: isDated(tokens),
    refusal,
    alternative: readAlternative(tokens),
    request: readRequest(tokens, question),
  };
}
