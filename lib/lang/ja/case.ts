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
  /** The promise is of a further contact (ご連絡いたします, お知らせいたします), not of a remedy. */
  promisesContact: boolean;
  /** The sentence names a date, time or deadline (明日12時までに, 19日, 24時間以内, 本日中). */
  dated: boolean;
  refusal: Hit | undefined;
  alternative: Hit | undefined;
  request: Hit | undefined;
  /** ご期待に沿えず / ご希望に添いかねる: we could not do what was wished — a no, when the customer asked for something. */
  regretNo: Hit | undefined;
  /** The request only asks the customer to wait (もう少しお待ちください): the case still waits on us. */
  waitOnly: boolean;
  /** The next step is the customer's: a request, a request asked as a question (ご返送いただけますでしょうか) or an offer that waits for their answer (ご返信いただければ). */
  asksCustomer: boolean;
  /** The writer owns up to a mistake of their own (住所を書き忘れていました, 入力を間違えました). */
  ownMistake: boolean;
  /** The writer clearly owns up to a slip of their own (サイズを間違えてしまいました). */
  ownSlip: boolean;
  /** The sentence ends in the past (困りました, 届きませんでした): a report of what was. */
  past: boolean;
  /** It works again now (現在は正常に稼働しております, 正常にご利用いただけます) — said in the draft. */
  workingNow: Hit | undefined;
  /** A step against it happening again (今後は〜を徹底いたします, 再発防止に努めます). */
  prevention: boolean;
  /**
   * Sympathy for a misfortune that is not of our making: 心よりお見舞い申し上げます, さぞお疲れのことと存じます,
   * どうぞご無理をなさらず, 大変な状況のなか, 心よりお悔やみ申し上げます.
   */
  sympathy: boolean;
  /** Work of ours still under way or to come (調査しております, 確認中でございます, 原因を調査いたします). */
  investigating: boolean;
}

const set = (list: readonly string[]) => new Set(list);
const PROBLEM_NOUNS = set(data.problemNouns);
const PROBLEM_VERBS = set([...data.problemVerbs, '誤る']);
const FAIL_WHEN_NEGATED = set(data.failWhenNegated);
const FIXED = set(data.fixedVerbs);
/** What a customer complains of in a word: a hazard (危ないです) or a let-down (残念です). */
const COMPLAINTS = new Set(['危ない', '危険', '危うい', '怖い', '恐ろしい', '残念']);
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
const WEAK_PROBLEM = set(data.weakProblemVerbs);
const ECHO = set(data.echoNouns);
const PUNCTUAL = set(data.punctualRemedies);
const EFFORT = set(data.effortVerbs);
const LIGHT_EFFORT = set(data.lightEffort);
const INSTRUCTIONS = set(data.instructionVerbs);
const CUSHIONS = set(data.cushionWords);

/** The token's base form, and the same without a leading お/ご (お届け → 届け). */
function forms(t: JaToken): string[] {
  const b = t.baseForm;
  const out = [b, t.surface, `お${b}`, `ご${b}`];
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
/** The passive (or potential) suffix れる / られる (更新され, 送られ, 見られ). */
const isPassiveSuffix = (t: JaToken) => t.pos === '動詞' && t.posDetail1 === '接尾' && (t.baseForm === 'れる' || t.baseForm === 'られる');

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
  // (免除することはできません / 遅延することはございません: こと carries the act to its negation.)
  if (t.pos === '名詞') return ['発生', '確認', '検出', '見受け', 'よう', 'こと'].includes(t.baseForm);
  if (t.pos === '接頭詞') return true;
  return false;
}

/** 〜ないといけない / 〜なければならない / 〜ないとだめ: an obligation (must), not a failure. */
function obligationAfter(tokens: readonly JaToken[], neg: number): boolean {
  const rest = tokens.slice(neg + 1, neg + 4);
  return rest.some((x) => ['いける', 'なる', 'だめ', 'ダメ'].includes(x.baseForm)) && rest.some((x) => isNegation(x) || x.baseForm === 'だめ' || x.baseForm === 'ダメ');
}

/** 〜なくて大丈夫です / 〜なくても構いません / 〜ずに済みます: no need to, not a failure or a refusal. */
function noNeedAfter(tokens: readonly JaToken[], neg: number): boolean {
  const rest = tokens.slice(neg + 1, neg + 4);
  return rest.some((x) => ['いい', '良い', 'よい', '大丈夫', '構う', 'かまう', '結構', '済む', 'すむ'].includes(x.baseForm));
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
    // (IPADIC cuts おそれがございます into お + それ.)
    if (t.surface === 'それ' && tokens[j - 1]?.surface === 'お' && tokens[j - 1]!.pos === '接頭詞' && ['が', 'も', 'は'].includes(tokens[j + 1]?.surface ?? '')) return true;
    if (t.pos === '動詞' && (t.baseForm === '防ぐ' || t.baseForm === '避ける' || t.baseForm === '防止' || t.baseForm === '回避')) return true;
    if (t.pos === '名詞' && (t.baseForm === '防止' || t.baseForm === '回避' || t.baseForm === '対策' || t.baseForm === '予防')) return true;
    if (isComma(t) || t.surface === '。' || (t.pos === '助詞' && t.posDetail1 === '接続助詞' && t.surface !== 'て' && t.surface !== 'で')) break;
  }
  return false;
}

/** The word at i sits in a 〜と / 〜ば clause of a general consequence (誤って入力するとロックがかかり). */
function genericConsequence(tokens: readonly JaToken[], i: number): boolean {
  for (let j = i + 1; j < tokens.length && j <= i + 8; j++) {
    const t = tokens[j]!;
    if (t.pos === '助詞' && t.posDetail1 === '接続助詞' && (t.surface === 'と' || t.surface === 'ば')) return true;
    if (isComma(t) || t.surface === '。') break;
  }
  return false;
}

/** A caution to the reader (〜ので、ご注意ください): what it names may happen, it did not. */
function caution(tokens: readonly JaToken[]): boolean {
  return tokens.some((t, k) => t.baseForm === '注意' && tokens.slice(k + 1, k + 4).some((x) => x.baseForm === 'くださる'));
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
/** The writer's own availability (参加できない, 出席できません): their schedule, not a failure of ours. */
const AVAILABILITY = new Set(['参加', '出席', '出社', '来店', '来場', '出勤', '出張', '外出', '同席', '立ち会い', '立会い', '都合']);

function failsNegated(tokens: readonly JaToken[], i: number, role: Role): number {
  const t = tokens[i]!;
  // From the customer, a verb in the potential and negated is a failure: 映像が見られません, 数字が変えられません
  // (what they cannot do).
  // (Only られる: a godan verb's れる is the passive — 含まれません, a fact, not something they cannot do.)
  const potential = t.pos === '動詞' && t.posDetail1 === '自立' && tokens[i + 1]?.posDetail1 === '接尾' && tokens[i + 1]!.baseForm === 'られる';
  // (…not the writer's own schedule: 平日は電話に出られません, その日は来られません.)
  if (potential && ['出る', '来る', '行く', '伺う'].includes(t.baseForm)) return -1;
  // (…in the present: 前回は何も言われませんでした is an account, not a failure.)
  const now = potential && role === 'customer' && !tokens.slice(i + 2, i + 7).some(isPast);
  if (!now && !inSet(FAIL_WHEN_NEGATED, t)) return -1;
  if ((t.baseForm === 'できる' || t.baseForm === '出来る') && AVAILABILITY.has(tokens[i - 1]?.baseForm ?? '')) return -1;
  const neg = negatedAfter(tokens, i);
  if (neg < 0) return -1;
  // 〜ないよう (to prevent), 〜ない場合 (a condition), 〜ないか (a question) are not reports; nor is
  // 入っていないですよね？ (asking to confirm).
  for (let j = neg + 1; j < neg + 4 && j < tokens.length; j++) {
    if (tokens[j]!.surface === 'よね' || (tokens[j]!.surface === 'よ' && tokens[j + 1]?.surface === 'ね')) return -1;
  }
  const after = tokens[neg + 1];
  if (after && (after.baseForm === 'よう' || after.baseForm === '場合' || after.baseForm === 'か' || after.baseForm === 'こと')) return -1;
  if (noNeedAfter(tokens, neg)) return -1;
  // 振り込まないといけない / 払わなければならない: must, not a failure.
  if (obligationAfter(tokens, neg)) return -1;
  for (let j = i + 1; j < neg; j++) if (['いただく', 'いただける', '頂く', 'くださる', '必要'].includes(tokens[j]!.baseForm)) return -1;
  return neg;
}

/** The last token of the predicate that starts or continues at i (its ます, ん, です, た …). */
function predicateEnd(tokens: readonly JaToken[], i: number): number {
  let j = i;
  while (j + 1 < tokens.length) {
    const n = tokens[j + 1]!;
    if (n.pos === '助動詞' || (n.pos === '動詞' && (n.posDetail1 === '非自立' || n.posDetail1 === '接尾'))) j++;
    else break;
  }
  return j;
}

/** i, or the お/ご prefix right before it. */
function withPrefix(tokens: readonly JaToken[], i: number): number {
  return i > 0 && tokens[i - 1]!.pos === '接頭詞' ? i - 1 : i;
}

function hitOf(tokens: readonly JaToken[], from: number, to: number): Hit {
  return { start: tokens[from]!.start, end: tokens[to]!.end };
}

/** Activities that cause trouble only when something goes wrong in them. */
const ACTIVITIES = new Set(['作業', '工事', '点検', 'メンテナンス', '更新']);

/** What one passes or fails: 審査に落ちる, 試験に落ちる. */
const EVALUATIONS = new Set(['審査', '試験', '選考', '抽選', '面接', '検定', '入試', '受験']);

/** What 問題 is a question of, in a test (リスニング問題, 過去問題). */
const EXAM_PARTS = new Set(['リスニング', 'リーディング', '筆記', '記述', '選択', '計算', '文章', '応用', '模擬', '練習', '過去', '演習', '試験', '入試', '検定', '出題', '例題']);

/** Faculties a disability is named by (聴覚に障害, 視覚障害). */
const FACULTIES = new Set(['聴覚', '視覚', '身体', '発達', '学習', '知的', '精神', '言語', '運動', '嚥下', '肢体', '聴力', '視力']);

/**
 * 障害 at i names a disability: after a faculty, or before のある / を持つ / 者 / 児 / 手帳 — or another 障害
 * in the sentence does (障害の状況が分かる書類（身体障害者手帳の写し）).
 */
function disability(tokens: readonly JaToken[], i: number): boolean {
  if (tokens[i]!.baseForm !== '障害') return false;
  return namesDisability(tokens, i) || tokens.some((x, k) => k !== i && x.baseForm === '障害' && namesDisability(tokens, k));
}

function namesDisability(tokens: readonly JaToken[], i: number): boolean {
  const before = tokens[i - 1]?.pos === '助詞' ? tokens[i - 2] : tokens[i - 1];
  if (before && FACULTIES.has(before.baseForm)) return true;
  const next = tokens[i + 1];
  if (next && ['者', '児', '手帳', '年金', '福祉'].includes(next.baseForm)) return true;
  return (next?.surface === 'の' || next?.surface === 'が') && ['ある', '持つ'].includes(tokens[i + 2]?.baseForm ?? '');
}

function readProblem(tokens: readonly JaToken[], role: Role, question: boolean): { problem: Hit | undefined; fixed: boolean; allWell: boolean } {
  let problem: Hit | undefined;
  let fixed = false;
  let allWell = false;
  // 来月で車検が切れます: an event still to come, not a failure reported.
  const upcoming = tokens.some((t) => UPCOMING.has(t.baseForm)) && !tokens.slice(-5).some(isPast);
  for (let i = 0; i < tokens.length; i++) {
    if (upcoming) break;
    const t = tokens[i]!;
    // 二重請求 / 二重に: IPADIC cuts 二重 into 二 + 重.
    const doubled = (t.surface === '二' || t.surface === '２') && tokens[i + 1]?.surface === '重';
    // 危ないです / 危険な状態です / 残念です: a hazard or a let-down the customer reports (in the draft it
    // is a warning, 危険ですので〜, or our regret).
    const hazard = role === 'customer' && COMPLAINTS.has(t.baseForm) && (t.pos === '形容詞' || t.pos === '名詞') && !tokens.slice(i + 1).some(isNegation);
    const noun = (t.pos === '名詞' && inSet(PROBLEM_NOUNS, t)) || doubled || hazard;
    const verb = (t.pos === '動詞' || t.pos === '名詞') && inSet(PROBLEM_VERBS, t);
    if (noun || verb) {
      // いつもと違うのですが、なぜですか: a difference asked about is a question; in the draft a difference
      // is a description (通常と異なる金額となっております) unless owned as a slip (異なる商品をお届けしてしまい).
      if (inSet(WEAK_PROBLEM, t) && (question || (role === 'draft' && !tokens.some((x) => x.baseForm === 'しまう' || SINCERE_HEADS.has(x.baseForm))))) continue;
      // 思ったのと違った: a let-down expectation of the customer's own, not a failure of ours.
      if (inSet(WEAK_PROBLEM, t) && tokens.slice(Math.max(0, i - 4), i).some((x) => ['思う', 'イメージ', '想像', '期待', '好み'].includes(x.baseForm))) continue;
      // 住宅ローンの審査に落ちました: an evaluation the customer did not pass (someone else's decision),
      // not a failure of ours.
      if (t.baseForm === '落ちる' && tokens[i - 1]?.surface === 'に' && EVALUATIONS.has(tokens[i - 2]?.baseForm ?? '')) continue;
      // 聴覚に障害のある娘 / 障害者手帳: a disability, not an outage; リスニング問題: a question of a test.
      if (disability(tokens, i) || (t.baseForm === '問題' && EXAM_PARTS.has(tokens[i - 1]?.baseForm ?? ''))) continue;
      // 自然故障による修理: a kind of failure named to describe a service, not a report of one.
      if (role === 'draft' && tokens[i + 1]?.surface === 'による' && tokens[i + 2]?.pos === '名詞') continue;
      // ご不便 / ご迷惑 in the draft are what an apology or a cushion names (ご不便をおかけいたしますが), not a failure.
      if (role === 'draft' && TROUBLE_OBJECTS.has(t.baseForm)) continue;
      // 問題なく / 不具合はございません / 遅延は発生しておりません: negated.
      if (negatedAfter(tokens, i) >= 0) {
        if (t.baseForm === '問題' || t.baseForm === '異常' || t.baseForm === '不具合') allWell = true;
        continue;
      }
      if (hypothetical(tokens, i)) continue;
      // 5回続けて誤って入力するとロックがかかり…ご注意ください: a consequence explained, a caution — not a report.
      if (role === 'draft' && (genericConsequence(tokens, i) || caution(tokens))) continue;
      // 再発防止, ミスのないよう: prevention, not a report; a compound like 問題点 stays.
      if (fixedAfter(tokens, i)) fixed = true;
      problem ??= hitOf(tokens, i, i);
      continue;
    }
    const neg = failsNegated(tokens, i, role);
    if (neg >= 0) {
      if (hypothetical(tokens, i)) continue;
      // 届かないと思ったら: a thought, not a report.
      if (tokens[neg + 1]?.surface === 'と' && ['思う', '存じる'].includes(tokens[neg + 2]?.baseForm ?? '')) continue;
      // In the draft a negated capability is a limitation (削除後は復元できません) unless it echoes the
      // customer's trouble (ログインできない件 / 状態 / とのこと).
      if (role === 'draft' && !tokens.slice(neg + 1, neg + 4).some((x) => inSet(ECHO, x) || x.surface === 'とのこと')) continue;
      if (tokens[neg + 1]?.baseForm === 'なる' && t.baseForm === '出る') {
        fixed = true; // エラーが出なくなりました
        continue;
      }
      problem ??= hitOf(tokens, i, neg);
    }
  }
  // 直りました / 解決しました on their own: the trouble is over.
  if (!fixed) fixed = tokens.some((t, i) => t.pos === '動詞' && inSet(FIXED, t) && tokens.slice(i + 1, i + 4).some(isPast));
  if (!fixed) fixed = tokens.some((t, i) => t.pos === '名詞' && inSet(FIXED, t) && ['する', 'いたす', 'できる'].includes(tokens[i + 1]?.baseForm ?? '') && tokens.slice(i + 2, i + 5).some(isPast));
  // 無事に届きました / 無事解決しました / 無事ログインできました: it went well in the end (not 無事に届くか心配).
  if (!fixed) {
    const k = tokens.findIndex((t) => t.baseForm === '無事');
    if (k >= 0 && negatedAfter(tokens, k) < 0) {
      const verb = tokens.findIndex((t, j) => j > k && t.pos === '動詞');
      if (verb > 0 && tokens.slice(verb + 1, verb + 5).some(isPast) && !hypothetical(tokens, verb)) fixed = true;
    }
  }
  // まだ回答をもらえていません / いまだに届いていません: "still not" from the customer is a failure.
  if (!problem && role === 'customer' && !question) {
    const k = tokens.findIndex((t) => NOT_YET.has(t.surface));
    const neg = k >= 0 ? tokens.findIndex((t, j) => j > k && isNegation(t)) : -1;
    if (neg > 0 && !hypothetical(tokens, k) && !noNeedAfter(tokens, neg)) problem = hitOf(tokens, k, neg);
  }
  // 解約したはずのオプション料金がまだ載っています / 届くはずが届いていない: what should have been, let
  // down — a complaint from the customer.
  if (!problem && role === 'customer') {
    // (Not a belief alone: 注文したはずです.)
    const k = tokens.findIndex((t, j) => t.baseForm === 'はず' && t.pos === '名詞' && tokens[j - 1]?.baseForm === 'た' && tokens[j - 1]!.pos === '助動詞' && ['の', 'が', 'な', 'なのに', 'だっ', 'でし'].includes(tokens[j + 1]?.surface ?? ''));
    if (k > 0 && !hypothetical(tokens, k) && negatedAfter(tokens, k, 2) < 0) problem = hitOf(tokens, clauseStart(tokens, k), k);
  }
  // 燃料代が高すぎます / 配送が遅すぎます / 分かりにくすぎます: "too …" from the customer is a complaint.
  if (!problem && role === 'customer') {
    const i = tokens.findIndex((t, k) => t.baseForm === 'すぎる' && t.pos === '動詞' && k > 0 && tokens[k - 1]!.pos === '形容詞' && negatedAfter(tokens, k) < 0 && !hypothetical(tokens, k));
    if (i > 0) problem = hitOf(tokens, i - 1, i);
  }
  // 注文したのにグレーが届きました: 〜のに, an expectation let down, is a complaint from the customer.
  if (!problem && role === 'customer') {
    const i = tokens.findIndex((t) => t.pos === '助詞' && t.surface === 'のに');
    // (…not 家賃を振り込まないといけないのに: an obligation pressing, not an expectation let down.)
    const pressing = i > 0 && tokens.slice(Math.max(0, i - 4), i).some((x) => x.baseForm === 'いける' || x.baseForm === 'なる') && tokens.slice(Math.max(0, i - 5), i).filter(isNegation).length >= 2;
    if (i >= 0 && !pressing) problem = hitOf(tokens, 0, i);
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
    if (SINCERE_HEADS.has(t.baseForm) || SINCERE_HEADS.has(t.surface)) return { apology: hitOf(tokens, withPrefix(tokens, i), predicateEnd(tokens, i)), casual: false };
    if (t.baseForm === '失礼' && ['いたす', '致す', 'する'].includes(tokens[i + 1]?.baseForm ?? '') && tokens.slice(i + 2, i + 5).some(isPast)) {
      return { apology: hitOf(tokens, i, predicateEnd(tokens, i + 1)), casual: false };
    }
    // ご迷惑 / ご不便 / ご心配 を おかけ(いたし)ました — not お手数をおかけしますが (a cushion).
    if (TROUBLE_OBJECTS.has(t.baseForm) && tokens[i + 1]?.surface === 'を') {
      const v = tokens[i + 2];
      if (v && /^(?:お|御)?(?:かけ|掛け)/u.test(v.surface)) {
        let end = predicateEnd(tokens, i + 2);
        if (['する', 'いたす', '致す'].includes(tokens[end + 1]?.baseForm ?? '')) end = predicateEnd(tokens, end + 1);
        // ご迷惑をおかけしてすみません: the apology is the casual word the sentence ends on.
        const casualTail = tokens.slice(end + 1).find((x) => CASUAL_HEADS.has(x.surface) || CASUAL_HEADS.has(x.baseForm) || x.baseForm === 'すむ' || x.baseForm === '済む');
        if (casualTail && !tokens.slice(end + 1).some((x) => SINCERE_HEADS.has(x.baseForm) || SINCERE_HEADS.has(x.surface))) {
          const k = tokens.indexOf(casualTail);
          return { apology: hitOf(tokens, k, predicateEnd(tokens, k)), casual: true };
        }
        return { apology: hitOf(tokens, withPrefix(tokens, i), end), casual: false };
      }
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (CASUAL_HEADS.has(t.surface) || CASUAL_HEADS.has(t.baseForm)) return { apology: hitOf(tokens, i, predicateEnd(tokens, i)), casual: true };
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
/** Verbs that finish what comes before them (手続きを済ませております, 作業を終えました). */
const COMPLETERS = new Set(['済ませる', '済ます', '終える']);
const RECEIVERS = new Set(['いただく', 'いただける', '頂く', '頂ける', 'くださる', '下さる', 'もらう', 'もらえる']);

/** The chain after a verb or verbal noun: its tense and who does it. */
function chainAfter(tokens: readonly JaToken[], i: number): { past: number; negated: boolean; received: boolean; plan: boolean; conditional: boolean; progressive: boolean; regret: boolean; completed: boolean; end: number } {
  let past = -1;
  let regret = false;
  let completed = false;
  let progressive = false;
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
    // (お届けできる見込みです / 復旧できる予定です: can, as planned — the plan noun follows.)
    const canAsPlanned = (t.baseForm === 'できる' || t.baseForm === '出来る') && PLAN.has(tokens[j + 1]?.baseForm ?? '');
    // 20時頃の復旧を見込んでおります: the remedy expected, as a verb.
    if (t.pos === '動詞' && t.baseForm === '見込む' && tokens[j - 1]?.surface === 'を') {
      plan = true;
      end = j;
      continue;
    }
    if (t.pos === '動詞' && (DOERS.has(t.baseForm) || RECEIVERS.has(t.baseForm) || COMPLETERS.has(t.baseForm) || canAsPlanned || t.posDetail1 === '接尾' || t.posDetail1 === '非自立')) {
      if (RECEIVERS.has(t.baseForm)) received = true;
      // 変更させてしまい: done, and regretted — not a promise.
      if (t.baseForm === 'しまう') regret = true;
      // 手続きを済ませております: finished.
      if (COMPLETERS.has(t.baseForm)) completed = true;
      if ((t.baseForm === 'おる' || t.baseForm === 'いる') && tokens[j - 1]?.surface === 'て') progressive = true;
      end = j;
      continue;
    }
    if (t.pos === '形容詞' && isNegation(t)) {
      negated = true;
      end = j;
      continue;
    }
    if (t.surface === 'の' && PLAN.has(tokens[j + 1]?.baseForm ?? '')) continue;
    if (t.pos === '助詞' && (t.surface === 'て' || t.surface === 'で' || t.surface === 'を' || t.surface === 'が' && j === i + 1 || t.surface === 'と' || t.surface === 'に' && tokens[j + 1]?.baseForm === 'なる')) continue;
    if (t.pos === '名詞' && (PLAN.has(t.baseForm) || t.baseForm === '済み' || t.baseForm === '済' || t.baseForm === '完了')) {
      if (PLAN.has(t.baseForm)) plan = true;
      if (t.baseForm === '済み' || t.baseForm === '済') past = j;
      end = j;
      continue;
    }
    if (t.pos === '助詞' && (t.surface === 'ば' || t.surface === 'たら')) conditional = true;
    break;
  }
  return { past, negated, received, plan, conditional, progressive, regret, completed, end };
}

/** The sentence's last predicate is past (〜ました) or a resulting state (〜ております, 〜ています). */
function endsDone(tokens: readonly JaToken[]): boolean {
  const tail = tokens.slice(-5);
  return tail.some(isPast) || tail.some((x, k) => (x.baseForm === 'おる' || x.baseForm === 'いる') && tail[k - 1]?.surface === 'て');
}

/** Words that put a contact later (改めてご連絡いたします, 後日ご回答いたします): a promise, not this message. */
const LATER = new Set(['改めて', 'あらためて', '後ほど', 'のちほど', '後日', '追って', '別途', '次第']);

/**
 * Before the contact verb at i: a finished reason (〜ましたので, 〜たため), 以下 / 下記 / 次のとおり, or
 * 〜について (お問い合わせの件について、ご回答いたします) with nothing that puts it later — told in this message.
 */
function performative(tokens: readonly JaToken[], i: number): boolean {
  if (tokens.some((t) => LATER.has(t.baseForm)) || isDated(tokens)) return false;
  for (let k = i - 1; k >= 0; k--) {
    const t = tokens[k]!;
    if (t.surface === '。') break;
    if (['以下', '下記', '次', 'とおり', '通り', '念のため', '念'].includes(t.baseForm)) return true;
    if (k === 0) break;
    // について / につきまして
    if (t.surface === 'について' || (t.baseForm === 'つく' && tokens[k - 1]?.surface === 'に')) return true;
    if ((t.surface === 'ので' || t.baseForm === 'ため') && tokens[k - 1]!.pos === '助動詞' && tokens[k - 1]!.baseForm === 'た') return true;
  }
  return false;
}

/** The predicate from i to end is passive (更新されます, 反映されます). */
function passiveChain(tokens: readonly JaToken[], i: number, end: number): boolean {
  return tokens.slice(i + 1, end + 1).some(isPassiveSuffix);
}

/** A conditional clause (〜と、 / 〜ば / 〜たら / 〜なら) stands before the word at i in its sentence. */
function afterCondition(tokens: readonly JaToken[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const t = tokens[k]!;
    if (t.surface === '。') break;
    if (t.pos === '助詞' && t.posDetail1 === '接続助詞' && ['と', 'ば', 'たら', 'なら'].includes(t.surface)) return true;
    if (t.pos === '助動詞' && t.conjugatedForm.startsWith('仮定')) return true;
  }
  return false;
}

/** What carrying out a remedy is called: 返金の手続き, 交換の手配, 返金の処理. */
const PROCEDURES = new Set(['手続き', '手続', '手配', '処理', '作業']);

function readRemedyAndPromise(tokens: readonly JaToken[]): { remedyDone: Hit | undefined; promise: Hit | undefined; promisesContact: boolean } {
  let remedyDone: Hit | undefined;
  let promise: Hit | undefined;
  let promisesContact = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!(t.pos === '名詞' || t.pos === '動詞')) continue;
    const remedy = inSet(REMEDY, t);
    const contact = inSet(CONTACT, t);
    if (!remedy && !contact) continue;
    if (t.pos === '動詞' && (t.posDetail1 === '非自立' || t.posDetail1 === '接尾')) continue;
    // 返金の手続きを行いました / 交換の手配をいたしました: the remedy's procedure carried out.
    if (remedy && tokens[i + 1]?.surface === 'の' && PROCEDURES.has(tokens[i + 2]?.baseForm ?? '') && tokens[i + 3]?.surface === 'を' && ['行う', 'する', 'いたす', '致す', '済ませる', '取る', '完了'].includes(tokens[i + 4]?.baseForm ?? '')) {
      const p = chainAfter(tokens, i + 4);
      if (!p.negated && !p.conditional && !p.received && (p.past >= 0 || tokens.slice(i + 5, i + 9).some(isPast))) {
        remedyDone ??= hitOf(tokens, i, i + 4);
        continue;
      }
    }
    const c = chainAfter(tokens, i);
    if (c.received || c.negated || c.conditional) continue;
    const next = tokens[c.end + 1];
    // 発送した商品, お送りいただいた写真: a description, not a report of what we did.
    const modifiesNoun = next && next.pos === '名詞' && !['ところ', 'ため', 'ので', '次第'].includes(next.baseForm);
    // 変更されたため: background to a cause, not a remedy we report.
    if (next && next.baseForm === 'ため') continue;
    // 修正版を配信し、〜を確認しております / 再発送し、本日お届けいたしました: a remedy in the connective
    // form, done when the sentence ends in the past or in a resulting state (〜ております).
    const connectiveDone = remedy && next?.surface === '、' && tokens[c.end]?.pos === '動詞' && tokens[c.end]!.conjugatedForm.startsWith('連用') && endsDone(tokens);
    if (remedy && (c.past >= 0 || (c.progressive && !c.plan && (inSet(PUNCTUAL, t) || c.completed)) || connectiveDone) && !modifiesNoun) {
      remedyDone ??= hitOf(tokens, i, c.end);
      continue;
    }
    // ご案内することが可能です: a possibility, not a promise.
    if (next && next.baseForm === 'こと') continue;
    // 調査の結果がまとまりましたのでご報告いたします / 以下のとおりご案内いたします: told in this very
    // message (the reason is already here, or the content follows), not a promise of a later contact.
    if (contact && !remedy && performative(tokens, i)) continue;
    // アプリを開いていただくと、残高が更新されます: what the system does once a condition is met (a
    // passive after 〜と / 〜ば / 〜たら), not a promise of ours — unless it is dated (明日には反映されます).
    if (passiveChain(tokens, i, c.end) && afterCondition(tokens, i) && !isDated(tokens)) continue;
    if (c.past < 0 && c.end > i && !modifiesNoun && !c.regret) {
      const last = tokens[c.end]!;
      const imperative = last.conjugatedForm.startsWith('命令');
      if (!imperative && !tokens.slice(i + 1, c.end + 1).some((x) => x.baseForm === 'くださる')) {
        promise ??= hitOf(tokens, i, c.end);
        if (contact && !remedy) promisesContact = true;
      }
    }
  }
  // お届けは12月9日の午前中を予定しております / 復旧は明日の見込みです: the remedy named as the topic and
  // planned (予定・見込み) later in the sentence, not negated.
  if (!promise && !remedyDone) {
    for (let i = 0; i < tokens.length - 1; i++) {
      const t = tokens[i]!;
      if (t.pos !== '名詞' || !(inSet(REMEDY, t) || inSet(CONTACT, t)) || !['は', 'も'].includes(tokens[i + 1]!.surface)) continue;
      const plan = tokens.findIndex((x, j) => j > i + 1 && x.pos === '名詞' && PLAN.has(x.baseForm) && x.baseForm !== '次第');
      if (plan > 0 && negatedAfter(tokens, plan) < 0) promise = hitOf(tokens, withPrefix(tokens, i), plan);
      break;
    }
  }
  return { remedyDone, promise, promisesContact };
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
      if (tokens[j]?.surface === 'の' && ['方', 'ほう'].includes(tokens[j + 1]?.baseForm ?? '') && ['で', 'から', 'より'].includes(tokens[j + 2]?.surface ?? '')) return hitOf(tokens, i, j + 2);
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

/** Verbs (and サ変 nouns) of checking: 〜たところ after one reports what was found. */
const UPCOMING = new Set(['来月', '来週', '再来週', '来年', '近々', '今度', '明後日']);
/** Verbs of understanding (分かりません: asking how; 読めば分かる: a lecture). */
export const UNDERSTAND_VERBS: ReadonlySet<string> = new Set(['分かる', 'わかる', '解る', '判る']);
const MECHANISMS = new Set(['装置', '安全装置', '機能', '仕組み', 'システム', 'センサー', 'ロック', 'ブレーカー', '制御', 'プログラム']);
const INVESTIGATE = new Set(['調べる', '調べ', '確認', '調査', '点検', '検証', '確かめる', '拝見', '見る']);

/** The customer as a subject (お客様が). */
const CUSTOMER_WORDS = new Set(['お客様', 'お客さま', '貴社', '御社', 'ご自身']);
/**
 * お客様 / 貴社, the 様 of a person's name (丸山様が — not 加盟店様, a business), or a person of theirs named
 * with 方 (スタッフの方が, ご家族の方が — not 弊社の方で, our side).
 */
function isCustomerWord(t: JaToken, prev: JaToken | undefined, before?: JaToken): boolean {
  if (CUSTOMER_WORDS.has(t.surface)) return true;
  if (t.surface === '方' && prev?.surface === 'の' && before?.pos === '名詞' && !OUR_SIDE.has(before.baseForm) && !CUSTOMER_WORDS.has(before.surface)) return true;
  return (t.surface === '様' || t.surface === 'さま') && t.posDetail1 === '接尾' && prev?.pos === '名詞' && prev.posDetail1 === '固有名詞';
}

/** Where the customer word at k starts: the name before 様 (丸山|様). */
function customerFrom(tokens: readonly JaToken[], k: number): number {
  if (tokens[k]!.surface === '方') return Math.max(0, k - 2); // スタッフ|の|方
  return tokens[k]!.surface === '様' || tokens[k]!.surface === 'さま' ? Math.max(0, k - 1) : k;
}

/** Our side as a subject or owner (弊社のシステム, 当社の手違い). */
const OUR_SIDE = new Set(['弊社', '当社', '私ども', '私共', 'わたくしども', '当店', '弊店']);

/**
 * From `from` on, the customer (お客様が / お客様の) and, in the same clause with nothing of ours between, an
 * error word (誤り, ミス, 入力): お客様が記入された口座番号に誤りがあり.
 */
function customerErrorIn(tokens: readonly JaToken[], from: number): Hit | undefined {
  for (let j = from; j < tokens.length; j++) {
    if (!isCustomerWord(tokens[j]!, tokens[j - 1], tokens[j - 2]) || !['が', 'の'].includes(tokens[j + 1]?.surface ?? '')) continue;
    for (let k = j + 2; k < tokens.length && k <= j + 12; k++) {
      const x = tokens[k]!;
      if (isComma(x) || x.surface === '。' || OUR_SIDE.has(x.baseForm)) break;
      if (inSet(BLAME, x) && x.pos === '名詞') {
        // (…unless cleared: お客様の設定に問題はございませんでした.)
        let end = k + 1;
        while (end < tokens.length && !isComma(tokens[end]!) && tokens[end]!.surface !== '。') end++;
        return tokens.slice(k + 1, end).some(isNegation) ? undefined : hitOf(tokens, customerFrom(tokens, j), k);
      }
    }
  }
  return undefined;
}

/** What a reason can rest on, before 上 (性質上, 仕様上, 衛生上, 規約上). */
const REASON_BASES = new Set(['性質', '仕様', '衛生', '安全', '規約', '規定', '制度', '法律', '法令', '構造', '運用', '都合', 'システム', '契約', '管理', '技術']);

function readCause(tokens: readonly JaToken[]): { cause: Hit | undefined; blame: Hit | undefined } {
  let cause: Hit | undefined;
  let blame: Hit | undefined;
  let foundError: Hit | undefined;
  const found = (from: number, to: number) => {
    const hit = hitOf(tokens, from, to);
    cause ??= hit;
    // お客様の操作ミスにより / お客様の設定が原因で: the cause laid on the customer.
    for (let j = from; j < to; j++) {
      const t = tokens[j]!;
      // …or お客様が〜されたことが原因です: the customer as the subject of the cause clause.
      const customer = isCustomerWord(t, tokens[j - 1], tokens[j - 2]);
      // (…unless denied: お客様の宅内機器や設定の問題ではございません clears the customer.)
      // (…nor a cause still looked for: 〜原因を調査しております; nor "some customers": 一部のお客様.)
      const denied = tokens.slice(to, to + 6).some(isNegation) || (tokens[to + 1]?.surface === 'を' && INVESTIGATE.has(tokens[to + 2]?.baseForm ?? '')) || tokens[j - 2]?.baseForm === '一部';
      if (customer && !denied && (tokens.slice(j + 1, to + 1).some((x) => inSet(BLAME, x)) || (tokens[j + 1]?.surface === 'が' && tokens.slice(to, to + 1).some((x) => x.baseForm === '原因')))) {
        blame ??= hitOf(tokens, customerFrom(tokens, j), to);
      }
    }
    // お客様がマイページで変更されたのは請求先のみで、お届け先を変更されていなかったことが原因です: the
    // customer is still the subject several clauses back, with no other subject (弊社のシステムが) between.
    if (!blame && tokens[to]?.baseForm === '原因' && tokens[to - 1]?.surface === 'が' && tokens[to - 2]?.baseForm === 'こと' && !tokens.slice(to, to + 6).some(isNegation)) {
      for (let k = to - 3; k > 0; k--) {
        const x = tokens[k]!;
        if (x.surface === '。' || OUR_SIDE.has(x.baseForm)) break;
        if (x.surface === 'が' && x.pos === '助詞' && x.posDetail1 === '格助詞') {
          if (isCustomerWord(tokens[k - 1]!, tokens[k - 2], tokens[k - 3])) blame = hitOf(tokens, customerFrom(tokens, k - 1), to);
          break;
        }
      }
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    // 発行から30日で無効になる設定となっております / 〜仕組みとなっております: how things are set up.
    const asIs = (tokens[i + 1]?.surface === 'と' && tokens[i + 2]?.baseForm === 'なる' && negatedAfter(tokens, i + 2) < 0) || (['で', 'です'].includes(tokens[i + 1]?.surface ?? '') && ['ござる', 'ある'].includes(tokens[i + 2]?.baseForm ?? '')) || tokens[i + 1]?.surface === 'です';
    // (…or 〜自動的にかかる仕組みでございます.)
    if (t.pos === '名詞' && ['設定', '仕組み', '仕様'].includes(t.baseForm) && asIs && i > 2) {
      found(clauseStart(tokens, i), i);
      continue;
    }
    // 〜ものと、弊社でも判断いたしました: what we determined, told in the past.
    if (t.baseForm === '判断' && t.pos === '名詞' && tokens[i - 1]?.pos !== '接頭詞' && tokens.slice(i + 1, i + 5).some(isPast)) {
      found(clauseStart(tokens, i), i);
      continue;
    }
    // 原因 (原因は〜, 〜が原因で, 原因を調査しております), 判明, 調査の結果, 調査中
    if (t.pos === '名詞' && (t.baseForm === '原因' || t.baseForm === '要因' || t.baseForm === '判明' || t.baseForm === '究明')) {
      found(clauseStart(tokens, i), i);
      continue;
    }
    if (t.baseForm === '調査' && (tokens[i + 1]?.baseForm === '中' || ['する', 'いたす', '致す', 'さ', 'させる'].includes(tokens[i + 1]?.baseForm ?? '') || (tokens[i + 1]?.surface === 'の' && tokens[i + 2]?.baseForm === '結果'))) {
      found(i, i + 1);
      continue;
    }
    // 調べたところ、配送中の事故でした / 確認いたしましたところ、〜ておりました: what the check found.
    if (t.baseForm === 'ところ' && prev?.baseForm === 'た' && tokens[i + 1]?.surface === '、' && i + 2 < tokens.length - 1) {
      // …and what it found is a failure or its cause (配送中の事故, 確認が漏れていた), not a reassurance
      // (バックアップにすべて残っていることを確認いたしました).
      // (…or a state that was, 〜で計算されておりました — not a reassurance we checked, 〜ことを確認いたしました.)
      const tail = tokens.slice(-6);
      const stateThatWas = tail.some(isPast) && tail.some((x, k) => (x.baseForm === 'おる' || x.baseForm === 'いる') && tail[k - 1]?.surface === 'て') && !tail.some((x) => INVESTIGATE.has(x.baseForm));
      const checked =
        tokens.slice(Math.max(0, i - 5), i - 1).some((x) => INVESTIGATE.has(x.baseForm)) &&
        (clauseHas(tokens, i + 2, tokens.length, (x) => problemOrCause(x) || isNegation(x)) || stateThatWas);
      // The cause only: blame is read from the words that follow, by the rules below.
      if (checked) {
        cause ??= hitOf(tokens, clauseStart(tokens, i), tokens.length - 1);
        // お調べしたところ、お客様が記入された口座番号に誤りがあり…: what the check found is the customer's error
        // (unless a rule below reads a fuller span: 〜ことが原因です).
        foundError ??= customerErrorIn(tokens, i + 2);
      }
    }
    // 〜確認が漏れていたことが分かりました / 判明いたしました: a finding stated as the cause.
    if (t.baseForm === 'こと' && tokens[i + 1]?.surface === 'が' && ['分かる', 'わかる', '判明'].includes(tokens[i + 2]?.baseForm ?? '') && i > 0) {
      let from = i - 1;
      while (from > 0 && !isComma(tokens[from - 1]!) && tokens[from - 1]!.surface !== '。') from--;
      cause ??= hitOf(tokens, from, i + 2);
      continue;
    }
    // 決済システムの更新を行った際、同じ請求処理が2回実行されておりました: what happened when, told in the
    // past — the account of how the failure came about.
    if (t.baseForm === '際' && prev?.baseForm === 'た' && tokens[i + 1]?.surface === '、' && tokens.slice(i + 2).some(isPast)) {
      cause ??= hitOf(tokens, clauseStart(tokens, i), tokens.length - 1);
      continue;
    }
    // そのため、〜いたしかねます: the sentence before is the reason (ご契約は建物のみを対象としており…).
    if (t.baseForm === 'ため' && i === 1 && (prev?.surface === 'その' || prev?.surface === 'この') && isComma(tokens[2] ?? t)) {
      found(0, i);
      continue;
    }
    // 完了する性質上、/ 衛生上の理由から / システムの仕様上: by reason of what a thing is (X + 上).
    if (t.surface === '上' && t.posDetail1 === '接尾' && prev && REASON_BASES.has(prev.baseForm) && (isComma(tokens[i + 1] ?? t) || tokens[i + 1]?.surface === 'の')) {
      found(clauseStart(tokens, i), i);
      continue;
    }
    // 流出したパスワードが使われた可能性が高いと考えております: the likely cause, as a finding.
    if (t.baseForm === '可能' && tokens[i + 1]?.surface === '性' && prev?.baseForm === 'た' && prev.pos === '助動詞' && tokens[i + 2]?.surface === 'が' && ['高い', 'ある', 'ござる'].includes(tokens[i + 3]?.baseForm ?? '')) {
      found(clauseStart(tokens, i), i + 1);
      continue;
    }
    // 担当部署での確認に想定以上の時間がかかり: the time a step took is why it was late.
    if ((t.baseForm === 'かかる' || t.baseForm === '要する') && t.pos === '動詞' && ['が', 'を'].includes(prev?.surface ?? '') && ['時間', '日数', '日にち', '期間'].includes(tokens[i - 2]?.baseForm ?? '') && negatedAfter(tokens, i) < 0 && !hypothetical(tokens, i)) {
      found(clauseStart(tokens, i), i);
      continue;
    }
    // システムのサーバー機器に障害が発生しており: the fault located in a part of ours is the account of the outage.
    if ((t.baseForm === '発生' || t.baseForm === '起きる') && prev?.surface === 'が' && inSet(CAUSE_NOUNS, tokens[i - 2]) && tokens[i - 3]?.surface === 'に' && tokens[i - 4]?.pos === '名詞' && !isCustomerWord(tokens[i - 4]!, tokens[i - 5], tokens[i - 6]) && negatedAfter(tokens, i) < 0) {
      found(clauseStart(tokens, i - 4), i);
      continue;
    }
    // 〜ため / 〜ために
    if (t.baseForm === 'ため' && t.pos === '名詞' && prev) {
      const from = clauseStart(tokens, i);
      let isCause = false;
      if (prev.pos === '助動詞' && (prev.baseForm === 'た' || isNegation(prev) || prev.baseForm === 'だ' || prev.baseForm === 'です')) isCause = true;
      else if (prev.pos === '形容詞') isCause = true;
      // (…かかるため / 要するため / なるため: a state that takes, not a purpose one acts for.)
      else if (prev.pos === '動詞' && (['いる', 'おる', 'ある', 'ござる', 'れる', 'られる', 'かかる', '要する', 'なる', 'できる'].includes(prev.baseForm) || prev.posDetail1 === '接尾')) isCause = true;
      else if (prev.pos === '動詞' && (inSet(PROBLEM_VERBS, prev) || clauseHas(tokens, from, i, problemOrCause))) isCause = true;
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
    // 〈cause noun〉により / によって / による / で / のせいで; 〈a clause about a failure〉ことにより / ことで
    const byMeans = t.pos === '助詞' && (t.surface.startsWith('によ') || (t.surface === 'に' && ['よる', 'より'].includes(tokens[i + 1]?.baseForm ?? tokens[i + 1]?.surface ?? '')));
    const meansDe = t.surface === 'で' && t.pos === '助詞' && t.posDetail1 === '格助詞' && tokens[i + 1]?.surface === '、';
    if (byMeans || (t.surface === 'で' && t.pos === '助詞' && prev?.baseForm === 'こと') || meansDe) {
      // (An activity — 作業で, 工事で — in a sentence that turns on a condition names when, not why: 当日の作業で、
      // …延長料金がある場合は.)
      if (prev && prev.pos === '名詞' && ACTIVITIES.has(prev.baseForm) && tokens.slice(i + 1).some((_, k) => isConditionalAt(tokens, i + 1 + k))) continue;
      if (prev && prev.pos === '名詞' && problemOrCause(prev)) found(clauseStart(tokens, i), i);
      else if (prev?.baseForm === 'こと' && clauseHas(tokens, 0, i - 1, (x) => problemOrCause(x) || isNegation(x))) found(0, i);
      // 想定を上回るご注文をいただいたことにより、在庫が不足 / 積み重ねによる圧力で、袋が裂けて: the means
      // of a failure the sentence goes on to report.
      else if (prev && (prev.pos === '名詞' || prev.baseForm === 'こと') && clauseHas(tokens, i + 1, tokens.length, (x) => inSet(PROBLEM_NOUNS, x) || inSet(PROBLEM_VERBS, x))) found(clauseStart(tokens, i), i);
      continue;
    }
    // 確認しております / 調査中でございます / 確認中: the cause is being looked into
    if ((t.baseForm === '確認' || t.baseForm === '調査' || t.baseForm === '究明') && t.pos === '名詞') {
      const n1 = tokens[i + 1];
      // (…or 確認を進めております / 調査を進めております.)
      const advancing = n1?.surface === 'を' && tokens[i + 2]?.baseForm === '進める' && tokens[i + 3]?.surface === 'て' && ['おる', 'いる'].includes(tokens[i + 4]?.baseForm ?? '');
      const ongoing = advancing || n1?.baseForm === '中' || (['する', 'いたす', '致す', 'さ'].includes(n1?.baseForm ?? '') && tokens[i + 2]?.surface === 'て' && ['おる', 'いる'].includes(tokens[i + 3]?.baseForm ?? ''));
      if (ongoing && !tokens.slice(0, i).some((x) => RECEIVERS.has(x.baseForm))) {
        found(i, i + 1);
        continue;
      }
    }
    if (t.pos === '助詞' && t.posDetail1 === '格助詞' && t.surface === 'で' && prev && prev.pos === '名詞' && problemOrCause(prev) && !inSet(PURPOSE_NOUNS, prev) && !(ACTIVITIES.has(prev.baseForm) && tokens.slice(i + 1).some((_, k) => isConditionalAt(tokens, i + 1 + k)))) {
      found(clauseStart(tokens, i), i);
      continue;
    }
    if (t.baseForm === 'せい' && t.pos === '名詞' && prev?.surface === 'の') found(clauseStart(tokens, i), i);
    // 私どもがご伝言を見落とし、〜として処理しておりました: a slip owned (in the past or the connective) is
    // the account of how it happened (お客様が…間違えられた is the blame rule's, read by found()).
    // (読み違えて / 取り違えて: IPADIC cuts the compound into a verb and 違える.)
    if (t.pos === '動詞' && (MISTAKE_VERBS.has(t.baseForm) || (t.baseForm === '違える' && tokens[i - 1]?.pos === '動詞')) && !hypothetical(tokens, i) && (tokens.slice(i + 1, i + 4).some(isPast) || tokens[i + 1]?.surface === '、' || tokens.slice(-5).some(isPast))) {
      found(clauseStart(tokens, i), i);
      continue;
    }
    // 16歳未満の方のアカウントでは、安全のため、チャットを制限しております: a standing rule of ours is why
    // the customer cannot do it.
    if (t.pos === '名詞' && RULE_ACTS.has(t.baseForm) && ['する', 'いたす', '致す', 'させる'].includes(tokens[i + 1]?.baseForm ?? '') && tokens.slice(i + 2, i + 5).some((x) => x.baseForm === 'おる' || x.baseForm === 'いる') && negatedAfter(tokens, i) < 0 && !tokens.slice(i + 1).some(isPast) && !hypothetical(tokens, i)) {
      found(clauseStart(tokens, i), i);
      continue;
    }
    // 不正利用検知システムに判定され、お取引を停止しておりました: what a mechanism did (its agent marked
    // with に before a passive) is the account of how it happened.
    if (isPassiveSuffix(t) && tokens[i - 1]?.baseForm === 'する' && tokens[i - 3]?.surface === 'に' && MECHANISMS.has(tokens[i - 4]?.baseForm ?? '')) {
      found(clauseStart(tokens, i - 4), i);
      continue;
    }
    // 安全装置が働き、ガスを止めている状態です / 〜を感知すると作動いたします: a mechanism at work.
    if ((t.baseForm === '働く' || t.baseForm === '作動') && tokens[i - 1]?.surface === 'が' && MECHANISMS.has(tokens[i - 2]?.baseForm ?? '') && negatedAfter(tokens, i) < 0) {
      found(clauseStart(tokens, i - 2), i);
      continue;
    }
    // この仕組みが働いたものと考えられます / 衝撃で破損したものと思われます: a diagnosis of what happened —
    // a past clause + (もの)と + 考えられる / 思われる / 推測される / 見られる.
    if (t.surface === 'と' && t.pos === '助詞' && ['考える', '思う', '推測', '推察', '見る'].includes(tokens[i + 1]?.baseForm ?? '')) {
      const passive = tokens.slice(i + 2, i + 4).some((x) => x.baseForm === 'れる' || x.baseForm === 'られる');
      const k = prev?.baseForm === 'もの' ? i - 2 : i - 1;
      if (passive && tokens[k]?.pos === '助動詞' && tokens[k]!.baseForm === 'た') found(clauseStart(tokens, k), i + 1);
    }
  }
  return { cause, blame: blame ?? foundError };
}

/** Acts that set a standing rule: 制限しております, 禁止しております. */
const RULE_ACTS = new Set(['制限', '禁止', '規制', '限定']);

/** Adverbs of "not yet": まだ届いていません reports a failure, it refuses nothing. */
const NOT_YET = new Set(['まだ', 'いまだに', '未だに', 'いまだ', '未だ', '依然', '一向に']);

/** Times gone by: a negation after one tells what did not happen then (これまで, 前回, その都度). */
const PAST_TIMES = new Set(['これまで', '今まで', '前回', '先日', '先ほど', '先程', '昨日', '以前', '都度', '先月', '先週']);

/** The token at i sits inside 「…」 or 『…』. */
function insideQuote(tokens: readonly JaToken[], i: number): boolean {
  let depth = 0;
  for (let k = 0; k < i; k++) {
    const x = tokens[k]!.surface;
    if (x === '「' || x === '『') depth++;
    else if ((x === '」' || x === '』') && depth > 0) depth--;
  }
  return depth > 0;
}

/** Who does things: people and organisations, ours or not (a system, a device or a rule is a thing). */
const PEOPLE = new Set(['担当', '担当者', '者', 'スタッフ', '係', '私', 'わたくし', '社', '会社', '店', '窓口', 'チーム', '部', '課', 'センター', '方']);

/** The clause of the word at i has a subject (N が) that is a thing: システムが、アプリが、端末が. */
function thingSubject(tokens: readonly JaToken[], i: number): boolean {
  for (let k = i - 1; k > 0; k--) {
    const x = tokens[k]!;
    if (isComma(x) || x.surface === '。' || (x.pos === '助詞' && x.posDetail1 === '接続助詞') || x.baseForm === 'ため' || x.surface === 'は') return false;
    if (x.surface !== 'が' || x.pos !== '助詞' || x.posDetail1 !== '格助詞') continue;
    const noun = tokens[k - 1]!;
    if (noun.pos !== '名詞' || noun.posDetail1 === '固有名詞' || noun.posDetail1 === '代名詞') return false;
    return !OUR_SIDE.has(noun.baseForm) && !PEOPLE.has(noun.baseForm) && !isCustomerWord(noun, tokens[k - 2], tokens[k - 3]);
  }
  return false;
}

/** What a customer is asked to accept: ご了承ください, ご理解ください, ご容赦ください. */
const ACCEPTANCE = new Set(['了承', '理解', '容赦', '承知']);

/** The tokens ask the customer to accept something (ご了承ください, ご理解くださいますよう). */
export function asksAcceptance(tokens: readonly JaToken[]): boolean {
  return tokens.some((x) => ACCEPTANCE.has(x.baseForm));
}

/** The predicate ending at `neg` closes a reason clause: 〜ないため、/ 〜ませんので、/ 〜ないことから. */
function reasonClauseAt(tokens: readonly JaToken[], neg: number): boolean {
  for (let k = neg + 1; k < tokens.length && k <= neg + 3; k++) {
    const x = tokens[k]!;
    if (x.baseForm === 'ため' || x.baseForm === '為' || x.surface === 'ので' || (x.surface === 'から' && x.posDetail1 === '接続助詞')) return true;
    if (x.pos !== '助動詞' && !(x.pos === '助詞' && x.surface === 'の')) return false;
  }
  return false;
}

function readRefusal(tokens: readonly JaToken[]): Hit | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // いたしかねます / 応じかねます / できかねます
    if (t.pos === '動詞' && (t.baseForm === 'かねる' || t.baseForm === '兼ねる') && i > 0 && tokens[i - 1]!.pos === '動詞') {
      if (tokens.slice(i + 1, i + 4).some(isNegation)) continue; // しかねない: may well, not a refusal
      return hitOf(tokens, Math.max(0, i - 1), predicateEnd(tokens, i));
    }
    // お断りいたします / お断りしております
    if ((t.baseForm === '断る' || t.baseForm === 'お断り') && !hypothetical(tokens, i)) return hitOf(tokens, i, i);
    // 返金はできません / お受けできません / 対応しておりません / 承れません
    if (inSet(SERVICE, t) && (t.pos === '名詞' || t.pos === '動詞')) {
      const neg = negatedAfter(tokens, i);
      if (neg < 0) continue;
      const between = tokens.slice(i + 1, neg);
      if (between.some((x) => RECEIVERS.has(x.baseForm))) continue; // ご対応いただけない: the customer's doing
      // 〜を受けることはありません: it will not happen — a reassurance; only 〜することはできません turns one down.
      if (between.some((x) => x.baseForm === 'こと') && !between.some((x) => x.baseForm === 'できる' || x.baseForm === '出来る')) continue;
      // 解約ではなく一時的なお休みを: "not N but M" — what something is, not an act turned down.
      if (between.length > 0 && between.every((x) => x.surface === 'で' || x.surface === 'は' || x.surface === 'じゃ')) continue;
      // App内課金を「許可しない」に設定: a label on a screen, quoted.
      if (insideQuote(tokens, i)) continue;
      // 発行システムが「髙」に対応しておらず: what a thing of ours cannot do, told as the cause — a refusal
      // is a person's or the company's (当店では…対応しておりません), not a system's.
      if (thingSubject(tokens, i)) continue;
      // 料金に変更はございません: no change — a reassurance, not a no. (Nor 〜ご利用いただけるため、ご返金は
      // 発生いたしません: what the billing comes to, with its reason, not a request turned down.)
      if (t.baseForm === '変更' && between.some((x) => x.baseForm === 'ござる' || x.baseForm === 'ある') && !between.some((x) => x.baseForm === 'できる')) continue;
      if (between.some((x) => x.baseForm === '発生') && tokens.slice(0, i).some((x) => x.baseForm === 'ため' || x.surface === 'ので')) continue;
      // ご回答ができなかったこと、お詫び申し上げます: a past failure admitted, not a refusal.
      if (tokens.slice(neg + 1, neg + 3).some(isPast)) continue;
      // 返金されていません / まだ発送されていない: a state not reached yet (a failure), not a refusal.
      if (between.some(isPassiveSuffix)) continue;
      // ご案内ができておらず: could not manage it so far (できて + いる / おる, negated) — a failure owned.
      if (between.some((x, k) => x.baseForm === 'できる' && between[k + 1]?.surface === 'て' && ['いる', 'おる'].includes(between[k + 2]?.baseForm ?? ''))) continue;
      // 即日発行ができないため、5営業日ほどかかります / 金額は変更しておりませんので、差し替えていただけますと
      // 幸いです: a limit given as the reason for what the main clause says — an explanation, not a request
      // turned down (unless the main clause asks the customer to accept it: 〜できないため、ご了承ください).
      if (reasonClauseAt(tokens, neg) && !asksAcceptance(tokens.slice(neg + 1))) continue;
      if (tokens.slice(0, i).some((x) => NOT_YET.has(x.surface))) continue;
      // このままでは無料プランに変更できません: not as things stand — a condition to meet, not a no.
      if (tokens.slice(0, i).some((x, k) => x.surface === 'この' && tokens[k + 1]?.surface === 'まま' && tokens[k + 2]?.surface === 'で')) continue;
      // これまで3度…その都度明確なお答えができず、申し訳ございません: a failure of before, owned — not a no.
      if (tokens.slice(0, i).some((x) => PAST_TIMES.has(x.baseForm))) continue;
      if (noNeedAfter(tokens, neg)) continue;
      const after = tokens[neg + 1];
      // 〜を受け付けない状態になっております: a device's state (a fault), not our refusal.
      if (after && (after.baseForm === '場合' || after.baseForm === 'よう' || after.baseForm === 'か' || after.surface === 'か' || after.baseForm === '状態')) continue;
      if (tokens.slice(neg + 1).some((x) => x.surface === 'でしょ' || (x.surface === 'か' && x.pos === '助詞'))) continue; // 〜できませんでしょうか: a request
      if (hypothetical(tokens, i)) continue;
      return hitOf(tokens, withPrefix(tokens, i), predicateEnd(tokens, neg));
    }
  }
  return undefined;
}

/** ご期待に沿えず / ご希望に添えかねます / ご要望にお応えできず: the wish not met. */
function readRegretNo(tokens: readonly JaToken[]): Hit | undefined {
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!['沿う', '添う', '応える', 'お応え'].includes(t.baseForm) || tokens[i - 1]?.surface !== 'に') continue;
    if (!['期待', '希望', '意向', '要望', 'ご期待', 'ご希望', 'ご要望'].includes(tokens[i - 2]!.baseForm)) continue;
    const rest = tokens.slice(i + 1, i + 5);
    if (rest.some((x) => isNegation(x) || x.baseForm === 'かねる' || x.baseForm === '兼ねる')) return hitOf(tokens, withPrefix(tokens, i - 2), predicateEnd(tokens, i));
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
    // 初期不良の場合は、新品と交換いたします: a remedy we offer under a condition
    // (次のいずれかであれば対応できる: what we can do on a condition)
    if ((inSet(REMEDY, t) || t.baseForm === '対応') && tokens.slice(0, i).some((_, k) => isConditionalAt(tokens, k)) && tokens.slice(i + 1, i + 4).some((x) => ['いたす', '致す', '承る', 'させる', 'する', 'できる', '出来る'].includes(x.baseForm)) && negatedAfter(tokens, i) < 0 && !tokens.slice(i + 1, i + 5).some((x) => RECEIVERS.has(x.baseForm) || x.baseForm === 'かねる' || x.baseForm === '兼ねる')) {
      return hitOf(tokens, i, i);
    }
    // 交換をご希望の場合は / ご希望でしたら: another remedy offered on the customer's word
    if (t.baseForm === '希望' && (isConditionalAt(tokens, i + 1) || isConditionalAt(tokens, i + 2) || isConditionalAt(tokens, i + 3))) return hitOf(tokens, withPrefix(tokens, i), i);
    // 〜いただけます / 〜可能です / 〜ことができます (a way the customer can take), not negated, not asked
    // (お待ちいただけますよう: waiting is what we ask, not a way forward.)
    if ((t.baseForm === 'いただける' || t.baseForm === '頂ける') && negatedAfter(tokens, i) < 0 && !tokens.slice(Math.max(0, i - 2), i).some((x) => x.baseForm === '待つ' || x.baseForm === '待ち' || x.baseForm === 'お待ち')) {
      const rest = tokens.slice(i + 1);
      const asked = rest.some((x) => x.surface === 'か' || x.surface === 'でしょ' || x.surface === '？' || x.surface === '?');
      // 〜からお手続きいただけますでしょうか: asked, but a route the customer can take all the same
      const route = tokens.slice(0, i).some((x) => x.pos === '助詞' && (x.surface === 'から' || x.surface === 'にて') && x.posDetail1 === '格助詞');
      if ((!asked || route) && !hypothetical(tokens, i)) return hitOf(tokens, i, i);
    }
    if ((t.baseForm === '可能' || (t.baseForm === 'できる' && tokens[i - 1]?.surface === 'が' && tokens[i - 2]?.baseForm === 'こと')) && negatedAfter(tokens, i) < 0 && !hypothetical(tokens, i)) {
      return hitOf(tokens, i, i);
    }
  }
  return undefined;
}

const REQUEST_GLUE = new Set(['よう', 'ほど', 'の', 'ます', 'くださる', '下さる', 'いただく', '頂く', 'いただける', 'する', 'いたす', 'なさる', 'いる', 'おく', 'を', 'て', 'で', 'うえ', '上']);

/**
 * A request that puts effort on the customer: 〜ください / 〜をお願いいたします / 〜いただきたく whose
 * asked action is one done for us (ご返送ください, ご記入のうえ, 同封をお願いいたします), or a bare
 * 〜てください (見直してください). Not: an offer or invitation (お気軽にお問い合わせください, ご安心ください,
 * お待ちください), a condition (ご不明な点がございましたら…), a question (〜いただけますでしょうか),
 * a formula (よろしくお願いいたします, ご理解のほどお願い申し上げます), or an own-benefit instruction in
 * お/ご form (新しい端末でご登録ください).
 */
/** Before 控える at j (past お and は / を / も): an act, a サ変 noun (服用, 使用, 外出). */
function refrainsFrom(tokens: readonly JaToken[], j: number): boolean {
  let k = j - 1;
  while (k >= 0 && (tokens[k]!.pos === '接頭詞' || ['は', 'を', 'も'].includes(tokens[k]!.surface))) k--;
  return k >= 0 && tokens[k]!.pos === '名詞' && tokens[k]!.posDetail1 === 'サ変接続';
}

/** The span holds a passive (返送されておりました). */
function passiveIn(tokens: readonly JaToken[], hit: Hit): boolean {
  return tokens.some((t) => t.start >= hit.start && t.end <= hit.end && isPassiveSuffix(t));
}

/** The katakana nouns run together that end at j (アップ + ロード → アップロード) and where they start. */
function katakanaCompound(tokens: readonly JaToken[], j: number): { word: string; from: number } {
  let word = '';
  let k = j;
  for (; k >= 0 && tokens[k]!.pos === '名詞' && /^[\p{Script=Katakana}ー]+$/u.test(tokens[k]!.surface); k--) word = tokens[k]!.surface + word;
  return { word, from: Math.min(j, k + 1) };
}

function readRequest(tokens: readonly JaToken[], question: boolean): Hit | undefined {
  if (question) return undefined;
  if (tokens.some((t) => t.baseForm === 'よろしく' || t.baseForm === '宜しく')) return undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const kudasai = (t.baseForm === 'くださる' || t.baseForm === '下さる') && t.conjugatedForm.startsWith('命令');
    const onegai = t.baseForm === 'お願い' || t.baseForm === '願う';
    // 〜させていただきたく: our own action, not a request.
    const itadakitaku = (t.baseForm === 'いただく' || t.baseForm === '頂く') && tokens[i + 1]?.baseForm === 'たい' && !tokens.slice(Math.max(0, i - 3), i).some((x) => x.baseForm === 'させる' || x.baseForm === 'せる');
    if (!kudasai && !onegai && !itadakitaku) continue;
    // ご提案させてください: leave asked for our own act (causative + て + ください), not the customer's effort.
    if (kudasai && tokens[i - 1]?.surface === 'て' && (tokens[i - 2]?.baseForm === 'せる' || tokens[i - 2]?.baseForm === 'させる')) continue;
    if (tokens.slice(0, i).some((_, k) => isConditionalAt(tokens, k))) continue;
    // お気軽に / 何なりと / いつでも / ご不明な点は…お知らせください: an invitation, not a request of effort.
    // (…nor is ご都合のよい日時をお知らせください: the customer picks what suits them.)
    if (tokens.slice(0, i).some((x) => ['気軽', 'お気軽', '何なり', '遠慮', 'ぜひ', '是非', 'いつでも', '不明', '疑問', '都合'].includes(x.baseForm))) continue;
    // What is asked: the verb or verbal noun before (ご記入ください, ご返送をお願いいたします, 見直してください)
    let j = i - 1;
    let bareTe = false;
    while (j >= 0) {
      const x = tokens[j]!;
      if (x.pos === '接頭詞' || x.pos === '記号' || (x.pos === '助動詞' && x.baseForm === 'ます') || RECEIVERS.has(x.baseForm) || REQUEST_GLUE.has(x.baseForm) && (x.pos !== '動詞' || x.posDetail1 !== '自立' || ['する', 'いたす', 'なさる'].includes(x.baseForm))) {
        if ((x.surface === 'て' || x.surface === 'で') && x.pos === '助詞' && j === i - 1) bareTe = true;
        j--;
        continue;
      }
      break;
    }
    const asked = tokens[j];
    if (!asked) continue;
    // 服用はお控えください / ご使用をお控えください: refrain from an act (a サ変 noun) — a caution, not
    // effort asked (受付番号をお控えください, write it down, is).
    if (asked.baseForm === '控える' && refrainsFrom(tokens, j)) continue;
    if (inSet(OFFERS, asked) && !inSet(EFFORT, asked)) return undefined;
    if (onegai && tokens.slice(0, j + 1).some((x) => ['理解', '了承', '容赦', '検討', '高配', '配慮', '承知'].includes(x.baseForm.replace(/^[ごお]/u, '')))) return undefined;
    const honorificForm = tokens[j - 1]?.pos === '接頭詞' || /^[おご]/u.test(asked.surface);
    // (IPADIC cuts some loanwords: アップ|ロード. The katakana compound is the word asked.)
    const compound = katakanaCompound(tokens, j);
    const effort = (inSet(EFFORT, asked) || EFFORT.has(compound.word)) && !(inSet(LIGHT_EFFORT, asked) && honorificForm);
    // 「発行」ボタンを押してください: a step of a how-to, not a request for the customer's effort.
    const plainTe = bareTe && asked.pos === '動詞' && !honorificForm && !inSet(INSTRUCTIONS, asked);
    if (effort || plainTe) return hitOf(tokens, withPrefix(tokens, Math.max(0, compound.word ? compound.from : j)), i);
  }
  return undefined;
}

function isConditionalAt(tokens: readonly JaToken[], k: number): boolean {
  const x = tokens[k];
  if (!x) return false; // past the sentence's end (「返金をご希望です。」 looks three tokens ahead)
  if (x.pos === '助動詞' && x.conjugatedForm.startsWith('仮定')) return true;
  if (x.pos === '助詞' && (x.surface === 'ば' || x.surface === 'たら' || x.surface === 'なら')) return true;
  return x.pos === '名詞' && (x.baseForm === '場合' || x.baseForm === '際' || x.baseForm === '節');
}

/** A cushion word (クッション言葉) in the sentence: 恐れ入りますが, お手数ですが, あいにく, よろしければ, 可能であれば … */
export function hasCushion(tokens: readonly JaToken[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (inSet(CUSHIONS, t)) return true;
    // よろしければ / 可能であれば / 可能でしたら / できましたら / できれば
    if ((t.baseForm === 'よろしい' || t.baseForm === '宜しい') && t.conjugatedForm.startsWith('仮定')) return true;
    if ((t.baseForm === '可能' || t.baseForm === 'できる') && tokens.slice(i + 1, i + 4).some((x) => x.conjugatedForm.startsWith('仮定') || x.surface === 'ば')) return true;
    // ご不便 / ご迷惑 をおかけしますが
    if (TROUBLE_OBJECTS.has(t.baseForm) && tokens[i + 1]?.surface === 'を') return true;
  }
  return false;
}

/** A refusal softened in its own sentence by what follows it (〜いたしかねますが、〜させていただきます). */
export function softenedAfter(tokens: readonly JaToken[], refusal: Hit): boolean {
  const i = tokens.findIndex((t) => t.start >= refusal.end);
  if (i < 0) return false;
  const but = tokens.slice(i, i + 4).findIndex((t) => t.pos === '助詞' && (t.surface === 'が' || t.surface === 'けれども') && t.posDetail1 === '接続助詞');
  if (but < 0) return false;
  return tokens.slice(i + but + 1).some((t) => ['いたす', 'させる', '申し上げる', '差し上げる', 'いただく', 'いただける', '参る', 'まいる'].includes(t.baseForm) && negatedAfter(tokens, tokens.indexOf(t)) < 0);
}

/** ご返送いただけますでしょうか / ご返信いただければ: the customer is asked to act, politely. */
function readAsk(tokens: readonly JaToken[]): boolean {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!RECEIVERS.has(t.baseForm)) continue;
    const asked = tokens.slice(Math.max(0, i - 3), i).reverse().find((x) => x.pos === '名詞' || (x.pos === '動詞' && x.posDetail1 === '自立' && !['する', 'いたす'].includes(x.baseForm)));
    if (!asked || !inSet(EFFORT, asked) || inSet(LIGHT_EFFORT, asked)) continue;
    const rest = tokens.slice(i + 1, i + 6);
    const asQuestion = rest.some((x) => (x.surface === 'か' && x.pos === '助詞') || x.surface === 'でしょ' || x.surface === '？');
    const asCondition = t.conjugatedForm.startsWith('仮定') || tokens[i + 1]?.surface === 'ば';
    const wish = rest.some((x) => x.baseForm === 'たい' || x.baseForm === '幸い' || x.baseForm === 'よう');
    if (asQuestion || asCondition || wish) return true;
  }
  return false;
}

const MISTAKE_VERBS = new Set(['忘れる', '間違える', '間違う', '勘違い', '誤る', '見落とす', '押し間違える', '書き間違える', '入れ忘れる', '書き忘れる', '打ち間違える']);

function readOwnMistake(tokens: readonly JaToken[]): boolean {
  return tokens.some((t) => MISTAKE_VERBS.has(t.baseForm) || (t.pos === '動詞' && t.baseForm.endsWith('忘れる')));
}

/** Another party that may be the one who slipped: 御社が間違えて送ってきた. */
const OTHER_PARTY = new Set(['御社', '貴社', 'そちら', 'お店', '店舗', '業者', '配送', '担当', '担当者', 'スタッフ', 'オペレーター', '御店']);

/**
 * The writer owns up to a slip of their own: a mistake verb of one's own doing (間違える, 書き忘れる —
 * not 間違う, "to be wrong"), not in the passive, and no other party named who might have slipped:
 * 「サイズを間違えてしまいました」「日付を間違えて予約していました」「住所を書き忘れていました」.
 */
/** Done to the writer, not by them: a passive (れる/られる) right after the verb at i (間違えて送られてきた). */
function doneToWriter(tokens: readonly JaToken[], i: number): boolean {
  return tokens.slice(i + 1, i + 6).some(isPassiveSuffix);
}

/** Losing a thing of one's own: 保険証券を紛失しました, 鍵をなくしてしまいました (with を — the writer did it; 荷物が紛失 is not). */
const LOSE = new Set(['紛失', 'なくす', '失くす', '無くす', '落とす']);

/** What only the customer types in: getting it wrong is their own slip. */
const OWN_INPUTS = new Set(['パスワード', '暗証番号', 'PIN', 'ＰＩＮ', 'ID', 'ＩＤ', 'ログインID', 'メールアドレス', 'アドレス', '認証コード', 'コード', '合言葉']);

/** The を-object of the verb at i (パスワードを何度か間違えて) is something only the customer types in. */
function ownInputObject(tokens: readonly JaToken[], i: number): boolean {
  for (let k = i - 1; k > 0 && k >= i - 5; k--) {
    if (tokens[k]!.surface === 'を') return OWN_INPUTS.has(tokens[k - 1]!.baseForm);
    if (isComma(tokens[k]!) || tokens[k]!.pos === '動詞') return false;
  }
  return false;
}

/** 現在は正常に稼働しております / 正常にご利用いただけるようになりました: working again, not in a condition or a question. */
function readWorkingNow(tokens: readonly JaToken[], question: boolean): Hit | undefined {
  if (question) return undefined;
  const k = tokens.findIndex((t, i) => t.baseForm === '正常' && tokens[i + 1]?.surface === 'に' && ['稼働', '動作', '利用', '接続', '表示', '機能', '作動'].includes(tokens[i + (tokens[i + 2]?.pos === '接頭詞' ? 3 : 2)]?.baseForm ?? ''));
  if (k < 0 || negatedAfter(tokens, k + 2, 6) >= 0 || hypothetical(tokens, k)) return undefined;
  return hitOf(tokens, k, k + 2);
}

/** Words of sympathy for the customer's plight (see `sympathy`). */
function readSympathy(tokens: readonly JaToken[]): boolean {
  return tokens.some(
    (t, i) =>
      t.baseForm === '見舞い' ||
      t.baseForm === '見舞う' ||
      // 心よりお悔やみ申し上げます / お悲しみはいかばかりかと存じます: condolence.
      t.baseForm === '悔やみ' ||
      t.baseForm === 'お悔やみ' ||
      (t.baseForm === '悲しみ' && tokens[i - 1]?.surface === 'お') ||
      // さぞお疲れのことと存じます / さぞご心配のことと
      (t.surface === 'さぞ' && tokens.slice(i + 1, i + 8).some((x) => x.baseForm === '存じる' || x.baseForm === 'こと')) ||
      // どうぞご無理をなさらず
      (t.baseForm === '無理' && tokens[i - 1]?.surface === 'ご' && tokens.slice(i + 1, i + 4).some((x) => x.baseForm === 'なさる')) ||
      // 大変な状況のなか
      (t.baseForm === '大変' && tokens[i + 1]?.surface === 'な' && ['状況', '中', 'なか', '思い'].includes(tokens[i + 2]?.baseForm ?? '') && !tokens.some((x) => SINCERE_HEADS.has(x.baseForm))),
  );
}

function readOwnSlip(tokens: readonly JaToken[]): boolean {
  if (tokens.some((t) => OTHER_PARTY.has(t.baseForm))) return false;
  if (tokens.some((t, i) => LOSE.has(t.baseForm) && tokens[i - 1]?.surface === 'を' && !doneToWriter(tokens, i))) return true;
  // 自分のミスですが / 私の勘違いでした: the writer names the slip as their own.
  if (tokens.some((t, i) => ['ミス', '間違い', '勘違い', '不注意', '確認不足'].includes(t.baseForm) && tokens[i - 1]?.surface === 'の' && ['自分', '私', 'わたし', '当方'].includes(tokens[i - 2]?.baseForm ?? ''))) return true;
  return tokens.some((t, i) => {
    const own = (MISTAKE_VERBS.has(t.baseForm) && t.baseForm !== '間違う') || (t.pos === '動詞' && t.baseForm.endsWith('忘れる'));
    if (!own) return false;
    // A transitive slip with the writer as the (omitted) subject: 日付を間違えて予約していました. Done to
    // them, it comes in the passive (間違えて送られてきた): someone else's — unless what was got wrong is
    // what only the writer types in (パスワードを間違えてロックされた: the passive is the consequence).
    return !doneToWriter(tokens, i) || ownInputObject(tokens, i);
  });
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
    // やり方が分かりません / 方法が分かりません: asking how.
    if (['やり方', '方法', '手順', '使い方'].includes(t.baseForm) && ['が', 'は', 'も'].includes(tokens[i + 1]?.surface ?? '') && UNDERSTAND_VERBS.has(tokens[i + 2]?.baseForm ?? '') && negatedAfter(tokens, i + 2) >= 0) return true;
  }
  return false;
}

export type Role = 'customer' | 'draft';

export interface ReadOptions {
  /** Whose words these are (default: the draft's). */
  role?: Role;
  /** The sentence ends as a question (JaEnding.question). */
  question?: boolean;
  /** The agent's surname, to recognise 佐藤よりご連絡いたします as the owner. */
  agentSurname?: string;
}

const CHECKS = new Set(['調査', '確認', '究明', '検証', '点検', '解析']);

/** 調査しております / 確認中 / 原因を調査いたします / 調査を進めております: our check, under way or to come (not done, not the customer's ご確認). */
function readInvestigating(tokens: readonly JaToken[]): boolean {
  return tokens.some((t, i) => {
    if (t.pos !== '名詞' || !CHECKS.has(t.baseForm) || tokens[i - 1]?.pos === '接頭詞') return false;
    // お手元になくても、ご住所とお名前で確認いたします / ご不明な場合は確認いたします: a check that happens
    // on a condition is how a procedure goes, not work pending on this case.
    // (Within the check's own clause: 確認には時間がかかる場合があり、担当部署にて確認を進めております is pending.)
    const from = tokens.slice(0, i).reduce((last, x, k) => (isComma(x) && !(tokens[k - 1]?.surface === 'も' && tokens[k - 2]?.surface === 'て') ? k + 1 : last), 0);
    if (tokens.slice(from, i).some((x, k) => isConditionalAt(tokens, from + k) || (x.surface === 'ても' && x.pos === '助詞') || (x.surface === 'も' && tokens[from + k - 1]?.surface === 'て'))) return false;
    if (tokens[i + 1]?.baseForm === '中') return true;
    const at = tokens[i + 1]?.surface === 'を' && ['進める', '行う', '続ける'].includes(tokens[i + 2]?.baseForm ?? '') ? i + 2 : i;
    const c = chainAfter(tokens, at);
    return c.end > at && c.past < 0 && !c.received && !c.conditional && !c.negated && !tokens[c.end]!.conjugatedForm.startsWith('命令');
  });
}

/** Reads one sentence. */
export function readJaSentence(tokens: readonly JaToken[], options: ReadOptions = {}): JaSentenceCase {
  const question = readQuestion(tokens, options.question ?? false);
  const { problem, fixed, allWell } = readProblem(tokens, options.role ?? 'draft', question);
  const { apology, casual } = readApology(tokens);
  const { cause, blame } = readCause(tokens);
  const { remedyDone, promise, promisesContact } = readRemedyAndPromise(tokens);
  // A refusal (返金はできません) is not a failure the customer reported. A customer refuses nothing of ours:
  // what reads as one in their message (返金できません, 対応していません) is what they report.
  const refusal = options.role === 'customer' ? undefined : readRefusal(tokens);
  const request = readRequest(tokens, question);
  const problemHit = problem && refusal && problem.start >= refusal.start && problem.end <= refusal.end ? undefined : problem;
  // 〜いたしかねますが、〜させていただきます: what we will do instead, in the refusal's own sentence
  const alternative = readAlternative(tokens) ?? (refusal && softenedAfter(tokens, refusal) ? { start: refusal.end, end: tokens[tokens.length - 1]!.end } : undefined);
  return {
    problem: problemHit,
    // 破損していた卵の返金につきまして、お手続きが完了いたしました: the trouble named in a sentence that
    // reports its remedy done is handled.
    // (Not a passive: 入力ミスが原因で荷物が返送されておりました is what went wrong, not our remedy.)
    fixed: fixed || ((options.role ?? 'draft') === 'draft' && !!problemHit && !!remedyDone && !passiveIn(tokens, remedyDone)),
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
    promisesContact,
    dated: isDated(tokens),
    refusal,
    alternative,
    request,
    regretNo: readRegretNo(tokens),
    waitOnly: request !== undefined && tokens.some((t) => t.baseForm === '待つ' && t.start >= request.start && t.end <= request.end),
    asksCustomer: readAsk(tokens),
    ownMistake: readOwnMistake(tokens),
    ownSlip: readOwnSlip(tokens),
    past: tokens.slice(-5).some(isPast),
    investigating: readInvestigating(tokens),
    sympathy: readSympathy(tokens),
    workingNow: readWorkingNow(tokens, question),
    prevention: tokens.some((t) => t.baseForm === '再発' || t.baseForm === '再発防止') || (tokens.some((t) => t.baseForm === '今後') && tokens.some((t) => ['徹底', '努める', '改善', '注意', '見直す', '見直し'].includes(t.baseForm))),
  };
}
