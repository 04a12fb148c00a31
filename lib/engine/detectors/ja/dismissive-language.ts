/**
 * ja/dismissive-language — wording that pushes the customer away instead of answering:
 *
 * - a reminder that they were told already: 「前にも説明したとおり」「何度も申し上げておりますが」
 *   「先ほどもお伝えしましたように」. It is the も of "already, again" (or 何度・再三) with a verb of
 *   telling that makes it a reproach; 「以前ご案内したとおり」 without も is ordinary business wording
 *   and passes, and so does a sentence that goes on to explain again (改めて, 再度).
 * - a lecture that the answer is obvious: 「マニュアルを読めば分かる」「調べれば分かります」 — a plain
 *   (non-honorific) verb of reading in the conditional, then 分かる; or the honorific form that guesses
 *   the customer would then understand: 「マニュアルをお読みいただければお分かりになるかと存じます」.
 *   「12ページをご覧いただければ、設定方法がお分かりいただけます」 points the way politely and passes.
 * - closing the door: 「本件はこれで終了とさせていただきます」「これ以上の対応はいたしかねます」 — on a
 *   case that is not resolved (the case reading): closing a resolved case is a courtesy.
 *
 * Read from kuromoji's tokens and base forms, so every conjugation counts. A reminder clause that only
 * opens the sentence (「先ほどもお伝えしましたように、」) has a one-click fix: leave it out.
 */
import { defineDetector, type RawFinding } from '../../detector';
import { jaSentences } from '../../document';
import { NO_OPTIONS } from '../../options';
import { UNDERSTAND_VERBS } from '../../../lang/ja/case';
import type { JaToken } from '../../../lang/ja/types';

/** "Before" words that, with も, make "I told you already". */
const BEFORE = new Set(['前', '先ほど', '先程', 'さっき', '以前', '先日', '前回', '既に', 'すでに', '昨日']);
/** Words that reproach on their own: 何度も, 再三, 繰り返し. */
const REPEATEDLY = new Set(['再三', '繰り返し', '重ね重ね']);
/** Verbs (and サ変 nouns) of telling. */
const TELL = new Set(['説明', '申し上げる', '申しあげる', '伝える', 'お伝え', '案内', '申す', '言う', 'お知らせ', '知らせる', '回答', '返答', '記載', '書く', 'お答え', '答える']);
/** How a reminder clause hands over to the sentence: 〜とおり、〜ように、〜が、. */
const LINKS = new Set(['とおり', '通り', 'よう', 'が', 'けど', 'けれど', 'けれども']);
/** Verbs of reading or looking up that make 「読めば分かる」. */
const READ = new Set(['読む', '見る', '調べる', '読み返す', '見返す']);
/** Going to explain again: the reminder is a bridge, not a reproach. */
const AGAIN = new Set(['改めて', '再度', 'あらためて']);
const CASE_WORDS = new Set(['本件', '件', '問題', 'お問い合わせ', '問い合わせ']);
const END_WORDS = new Set(['終了', '終わり', 'クローズ', '打ち切り']);
const RESPONSE_WORDS = new Set(['対応', '回答', '返答', 'お答え', '説明', 'ご説明', 'ご対応', 'ご回答', 'やり取り', 'やりとり']);

const isClauseBreak = (t: JaToken) => t.pos === '記号';

/** Where a reminder's "before" part starts at token i, and where it ends (after も), or undefined. */
function reminderOpener(tokens: readonly JaToken[], i: number): number | undefined {
  const t = tokens[i]!;
  if (REPEATEDLY.has(t.baseForm)) return i + (tokens[i + 1]?.surface === 'も' ? 2 : 1);
  // 何度も, 何回も
  if (t.surface === '何' && (tokens[i + 1]?.surface === '度' || tokens[i + 1]?.surface === '回') && tokens[i + 2]?.surface === 'も') return i + 3;
  if (BEFORE.has(t.baseForm)) {
    // 前にも, 先ほども, 前回のメールでも: the も within a short phrase after the "before" word.
    for (let j = i + 1; j < tokens.length && j <= i + 4; j++) {
      const x = tokens[j]!;
      if (x.surface === 'も' && x.pos === '助詞') return j + 1;
      if (!(x.pos === '名詞' || (x.pos === '助詞' && ['に', 'から', 'の', 'で'].includes(x.surface)))) break;
    }
  }
  return undefined;
}

interface Hit {
  kind: 'reminder' | 'referral' | 'closure';
  from: number;
  to: number;
}

function reminders(tokens: readonly JaToken[]): Hit[] {
  if (tokens.some((t) => AGAIN.has(t.baseForm))) return [];
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const after = reminderOpener(tokens, i);
    if (after === undefined) continue;
    let tell = -1;
    for (let k = after; k < tokens.length && k < after + 5 && !isClauseBreak(tokens[k]!); k++) {
      const b = tokens[k]!.baseForm.replace(/^[ごお御]/, '');
      if (TELL.has(tokens[k]!.baseForm) || TELL.has(b)) {
        tell = k;
        break;
      }
    }
    if (tell < 0) continue;
    // The clause runs on to its link (とおり, ように, が) or to the end of the clause.
    let to = tell + 1;
    while (to < tokens.length && !isClauseBreak(tokens[to]!)) {
      const t = tokens[to]!;
      to++;
      if (LINKS.has(t.baseForm) && (t.pos === '名詞' || t.pos === '助詞')) {
        if (t.baseForm === 'よう' && tokens[to]?.surface === 'に') to++;
        break;
      }
    }
    hits.push({ kind: 'reminder', from: i, to });
    i = to - 1;
  }
  return hits;
}

function referrals(tokens: readonly JaToken[]): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.pos !== '動詞' || !READ.has(t.baseForm) || !t.conjugatedForm.startsWith('仮定')) continue;
    if (tokens[i + 1]?.surface !== 'ば') continue;
    let end = -1;
    for (let k = i + 2; k < tokens.length && k < i + 5; k++) {
      if (UNDERSTAND_VERBS.has(tokens[k]!.baseForm)) {
        end = k + 1;
        break;
      }
      if (isClauseBreak(tokens[k]!)) break;
    }
    if (end < 0) continue;
    pushReferral(tokens, i, end, hits);
    i = end - 1;
  }
  // The honorific form says the same when it guesses the customer would then understand: 「マニュアルを
  // お読みいただければお分かりになるかと存じます」 — 読む (not ご覧, which points the way) + いただければ +
  // 分かる + かと存じます.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.baseForm !== '読む' || tokens[i + 1]?.baseForm !== 'いただける' || !tokens[i + 1]!.conjugatedForm.startsWith('仮定') || tokens[i + 2]?.surface !== 'ば') continue;
    const k = tokens.findIndex((x, j) => j > i + 2 && j < i + 6 && UNDERSTAND_VERBS.has(x.baseForm));
    if (k < 0) continue;
    const guess = tokens.findIndex((x, j) => j > k && j < k + 5 && x.surface === 'か' && tokens[j + 1]?.surface === 'と' && ['存じる', '思う'].includes(tokens[j + 2]?.baseForm ?? ''));
    if (guess < 0) continue;
    if (hits.some((h) => h.from <= i && i < h.to)) continue;
    pushReferral(tokens, i, guess + 3, hits);
  }
  return hits;
}

/** A referral hit from the thing to read (「マニュアルを読めば」) to `end`. */
function pushReferral(tokens: readonly JaToken[], i: number, end: number, hits: Hit[]): void {
  // From the thing to read: 「マニュアルを読めば」, 「マニュアルをお読み…」.
  const verb = tokens[i - 1]?.pos === '接頭詞' ? i - 1 : i;
  let from = verb;
  if (tokens[verb - 1]?.surface === 'を' && tokens[verb - 2]?.pos === '名詞') {
    from = verb - 2;
    while (from > 0 && tokens[from - 1]!.pos === '名詞') from--;
  }
  hits.push({ kind: 'referral', from, to: end });
}

function closures(tokens: readonly JaToken[]): Hit[] {
  const has = (set: ReadonlySet<string>, from = 0) => tokens.findIndex((t, k) => k >= from && set.has(t.baseForm));
  const body = tokens.length > 0 && tokens[tokens.length - 1]!.pos === '記号' ? tokens.length - 1 : tokens.length;
  // 本件はこれで終了とさせていただきます
  const subject = has(CASE_WORDS);
  if (subject >= 0 && has(END_WORDS, subject + 1) > subject && tokens.some((t) => t.baseForm === 'これ' || t.baseForm === '以上')) {
    return [{ kind: 'closure', from: subject, to: body }];
  }
  // これ以上の対応はいたしかねます / これ以上お答えできません
  const more = tokens.findIndex((t, k) => t.baseForm === 'これ' && tokens[k + 1]?.baseForm === '以上');
  if (more >= 0 && has(RESPONSE_WORDS, more + 2) > more) {
    const refuses = tokens.some(
      (t, k) => t.baseForm === 'かねる' || t.baseForm === '控える' || ((t.baseForm === 'できる' || t.baseForm === '出来る') && tokens.slice(k + 1, k + 4).some((n) => n.baseForm === 'ない' || n.baseForm === 'ん')),
    );
    if (refuses) return [{ kind: 'closure', from: more, to: body }];
  }
  return [];
}

export default defineDetector({
  meta: {
    id: 'ja/dismissive-language',
    kind: 'warmth',
    languages: ['ja'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: true,
    holdsSend: true,
    schema: NO_OPTIONS,
    description: {
      en: 'Wording that pushes the customer away: “I told you before” (前にも説明したとおり), “read the manual and you’ll see” (マニュアルを読めば分かる), closing the door (本件はこれで終了とさせていただきます).',
      ja: 'お客様を突き放す表現（前にも説明したとおり、マニュアルを読めば分かる、本件はこれで終了とさせていただきます など）を指摘します。',
    },
    messages: {
      reminder: {
        en: '“{text}” tells the customer they were told already; just answer again, kindly (改めてご説明いたします).',
        ja: '「{text}」は「前にも言った」という非難に聞こえます。改めて丁寧にお答えしましょう（例: 改めてご説明いたします）。',
      },
      referral: {
        en: '“{text}” lectures the customer that the answer is obvious; give the answer, or the exact page and step.',
        ja: '「{text}」は「調べれば分かるはず」と突き放す言い方です。答えそのものか、該当ページと手順を具体的に示しましょう。',
      },
      closure: {
        en: '“{text}” closes the door on the customer; say what you can still do and how they can reach you.',
        ja: '「{text}」はお客様を門前払いする言い方です。できることと、今後のご連絡先を伝えましょう。',
      },
      remove: { en: 'Remove “{text}”', ja: '「{text}」を削除' },
      reason: {
        en: 'Japanese customers expect the company to carry the effort of explaining; a reminder, a lecture or a closed door reads as contempt and is the kind of reply that gets posted and escalated.',
        ja: '日本のお客様は、説明の手間は企業側が負うものと考えます。念押し・突き放し・打ち切りの言葉は軽んじられたと受け取られ、クレームの拡大につながります。',
      },
    },
  },
  detect({ doc, reading }) {
    const findings: RawFinding[] = [];
    // Closing a case that is resolved (交換品の発送をもちまして本件は終了) is a courtesy, not a closed door.
    const resolved = reading.state === 'resolved';
    for (const s of jaSentences(doc)) {
      const tokens = s.ja.tokens;
      for (const hit of [...reminders(tokens), ...referrals(tokens), ...(resolved ? [] : closures(tokens))]) {
        const start = s.start + tokens[hit.from]!.start;
        const end = s.start + tokens[hit.to - 1]!.end;
        const text = doc.text.slice(start, end);
        const finding: RawFinding = { start, end, message: hit.kind, data: { text } };
        // A reminder that only opens the sentence (「先ほどもお伝えしましたように、配送は来週です」) can go.
        const comma = tokens[hit.to];
        if (hit.kind === 'reminder' && hit.from === 0 && comma?.surface === '、' && hit.to + 1 < tokens.length - 1) {
          finding.fixes = [{ label: 'remove', data: { text }, edits: [{ start, end: s.start + comma.end, text: '' }] }];
        }
        findings.push(finding);
      }
    }
    return findings.sort((a, b) => a.start - b.start);
  },
});
