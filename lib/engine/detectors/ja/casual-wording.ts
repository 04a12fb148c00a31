/**
 * ja/casual-wording — conversational words in a business reply (ちょっと, すごく, やっぱり,
 * 了解しました, 見てください, 〜てもらえますか …) and their business equivalents (少々, 大変, やはり,
 * 承知いたしました, ご覧ください, 〜ていただけますでしょうか), from dictionaries/ja/casual-wording.json.
 * A phrase matches only on whole words, so ちょっと inside another word is not touched. Contractions of
 * speech (見てる, 置いとく, 削除しちゃった, 確認してます) are read from the tokens, in any conjugation.
 */
import { isQuoted, quotedSpans } from '../../../lang/ja/quotes';
import data from '../../../../dictionaries/ja/casual-wording.json';
import { defineDetector, type RawFinding } from '../../detector';
import { NO_OPTIONS } from '../../options';
import { jaSentences } from '../../document';
import { PhraseSet } from '../../../lang/phrases';
import type { JaToken } from '../../../lang/ja/types';

interface Entry {
  casual: string;
  formal: string;
  after?: string[];
  start?: boolean;
  notBefore?: string[];
  notAfter?: string[];
  /**
   * Casual only when the doer is the customer (田中様が教えてくれました, 対応してくれてありがとうございます);
   * said of a pet, a child or a thing (ココちゃんがスタッフを迎えてくれました) it is natural: a tip then.
   */
  customerDoer?: boolean;
  /** Polite, only plainer than it could be (お約束できませんが, 本当にありがとうございました): a tip (info). */
  tip?: boolean;
}

const entries = new Map<string, Entry>((data.entries as Entry[]).map((e) => [e.casual, e]));
const phrases = new PhraseSet([...entries.keys()]);
/** What may precede a sentence-initial word (はい、わかりました). */
const LEAD = /^(?:\s*|.*?(?:はい|ええ|かしこまりました)[、,。\s]*)$/;

/** The sentence is about the customer's doing: it names them (様, お客様) or thanks them (ありがとう, 感謝, 助かる). */
function customerActs(tokens: readonly JaToken[]): boolean {
  return tokens.some((t) => t.surface === '様' || t.surface === 'お客様' || t.surface === 'お客さま' || ['ありがとう', '感謝', '助かる', 'お礼', '礼'].includes(t.baseForm));
}

/** A contraction of speech and its written form, spanning from the verb it hangs on. */
interface Contraction {
  from: number;
  to: number;
  formal: string;
}

/** The first token of the verb group a contraction hangs on (待っ of 待ってて, し of 確認してます). */
function verbStart(tokens: readonly JaToken[], i: number): number {
  let k = i;
  while (k > 0 && (tokens[k - 1]!.pos === '動詞' || (tokens[k - 1]!.pos === '助詞' && tokens[k - 1]!.posDetail1 === '接続助詞')) && k > i - 3) k--;
  return k;
}

/**
 * Contractions of speech, by tokens: 〜てる/でる (ている: 見てる, 待ってて, 対応してた), 〜とく (ておく:
 * 置いとく), 〜ちゃう/じゃう (てしまう: 削除しちゃった), and the dropped い of 〜てます (確認してます →
 * 確認しています). Each comes with its written form.
 */
function contractions(tokens: readonly JaToken[]): Contraction[] {
  const found: Contraction[] = [];
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const afterParticle = prev?.pos === '助詞' && (prev.surface === 'て' || prev.surface === 'で');
    let expanded: string | undefined;
    if (t.pos === '動詞' && t.posDetail1 === '非自立') {
      const s = t.surface;
      if ((t.baseForm === 'てる' || t.baseForm === 'でる') && /^[てで]/.test(s)) {
        expanded = afterParticle ? `い${s}` : `${s[0]}い${s.slice(1)}`;
      } else if ((t.baseForm === 'とく' || t.baseForm === 'どく') && /^[とど]/.test(s)) {
        expanded = `${s[0] === 'と' ? 'て' : 'で'}お${s.slice(1)}`;
      } else if ((t.baseForm === 'ちゃう' || t.baseForm === 'じゃう') && /^(?:ちゃ|じゃ)/.test(s)) {
        expanded = `${s[0] === 'ち' ? 'て' : 'で'}しま${s.slice(2)}`;
      }
      if (expanded !== undefined) {
        const from = verbStart(tokens, i);
        const head = tokens.slice(from, i).map((x) => x.surface).join('');
        found.push({ from, to: i + 1, formal: head + expanded });
      }
      return;
    }
    // い抜き: 確認してます, 調べてました (the て of the te-form straight before ます).
    if (t.pos === '助動詞' && t.baseForm === 'ます' && afterParticle && i >= 2) {
      const from = verbStart(tokens, i - 1);
      const head = tokens.slice(from, i).map((x) => x.surface).join('');
      found.push({ from, to: i + 1, formal: `${head}い${t.surface}` });
    }
  });
  return found;
}

/** A polite verb ending (ます, ました, ません) followed by a chatty final particle (ね, よ, よね) at the sentence's end. */
function chattyEnding(tokens: readonly JaToken[]): { start: number; end: number; particle: string } | undefined {
  let last = tokens.length - 1;
  while (last >= 0 && tokens[last]!.pos === '記号') last--;
  let first = last;
  while (first >= 0 && tokens[first]!.pos === '助詞' && tokens[first]!.posDetail1 === '終助詞' && ['ね', 'よ', 'な'].includes(tokens[first]!.surface)) first--;
  if (first === last || first < 0) return undefined;
  // The polite verb ending: ます itself, or its た / ん after it.
  let k = first;
  while (k >= 0 && tokens[k]!.pos === '助動詞' && (tokens[k]!.baseForm === 'た' || tokens[k]!.baseForm === 'ん')) k--;
  if (k < 0 || tokens[k]!.baseForm !== 'ます') return undefined;
  const particle = tokens.slice(first + 1, last + 1).map((t) => t.surface).join('');
  return { start: tokens[k]!.start, end: tokens[last]!.end, particle };
}

export default defineDetector({
  meta: {
    id: 'ja/casual-wording',
    kind: 'formality',
    languages: ['ja'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: true,
    schema: NO_OPTIONS,
    holdsSend: true,
    description: {
      en: 'Business wording instead of conversational words (ちょっと → 少々, すごく → 大変, 了解しました → 承知いたしました).',
      ja: '話し言葉をビジネスの言葉に置き換えます（ちょっと→少々、すごく→大変、了解しました→承知いたしました）。',
    },
    messages: {
      casual: {
        en: '“{casual}” is conversational; in a business reply write “{formal}”.',
        ja: '「{casual}」は話し言葉です。ビジネスの返信では「{formal}」としましょう。',
      },
      replace: { en: 'Write “{formal}”', ja: '「{formal}」に直す' },
      reason: {
        en: 'Japanese keeps a clear line between conversation and business writing; conversational words from a company read as overfamiliar and careless, however polite the sentence endings are.',
        ja: '日本語では話し言葉とビジネス文書の言葉がはっきり分かれています。文末が丁寧でも、企業からの文章に話し言葉が混じると、なれなれしく雑な印象を与えます。',
      },
    },
  },
  detect({ doc }) {
    const findings: RawFinding[] = [];
    for (const s of jaSentences(doc)) {
      // The customer's words quoted back (「1.5倍だとちょっと遅い」とのお声) are theirs, not the agent's.
      const quoted = quotedSpans(s.text);
      // A hit must begin a word: a suffix (わん|ちゃん|と — ちゃん belongs to わんちゃん) does not.
      const starts = new Set(s.ja.tokens.filter((t) => t.posDetail1 !== '接尾').map((t) => t.start));
      const ends = new Set(s.ja.tokens.map((t) => t.end));
      for (const hit of phrases.findAll(s.text)) {
        if (!starts.has(hit.start) || !ends.has(hit.end) || isQuoted(quoted, hit.start, hit.end)) continue;
        const e = entries.get(hit.phrase)!;
        const before = s.text.slice(0, hit.start);
        const after = s.text.slice(hit.end);
        if (e.after && !e.after.some((a) => before.endsWith(a))) continue;
        if (e.start && !LEAD.test(before)) continue;
        if (e.notBefore && e.notBefore.some((n) => after.startsWith(n))) continue;
        if (e.notAfter && e.notAfter.some((n) => before.endsWith(n))) continue;
        const start = s.start + hit.start;
        const end = s.start + hit.end;
        const mild = e.tip || (e.customerDoer && !customerActs(s.ja.tokens)) ? { mild: true } : {};
        findings.push({
          start,
          end,
          ...mild,
          message: 'casual',
          data: { casual: hit.phrase, formal: e.formal },
          fixes: [{ label: 'replace', data: { formal: e.formal }, edits: [{ start, end, text: e.formal }] }],
        });
      }
      // 連絡しますね / 送りましたよ: a chatty particle on a polite verb ending — a tip (ですね, which confirms or
      // empathises, 〜とのことですね, is left alone).
      const chatty = chattyEnding(s.ja.tokens);
      if (chatty) {
        const start = s.start + chatty.start;
        const end = s.start + chatty.end;
        const casual = doc.text.slice(start, end);
        const formal = casual.slice(0, casual.length - chatty.particle.length);
        findings.push({ start, end, mild: true, message: 'casual', data: { casual, formal }, fixes: [{ label: 'replace', data: { formal }, edits: [{ start, end, text: formal }] }] });
      }
      for (const c of contractions(s.ja.tokens)) {
        const start = s.start + s.ja.tokens[c.from]!.start;
        const end = s.start + s.ja.tokens[c.to - 1]!.end;
        if (findings.some((f) => f.start < end && f.end > start)) continue;
        const casual = doc.text.slice(start, end);
        findings.push({
          start,
          end,
          message: 'casual',
          data: { casual, formal: c.formal },
          fixes: [{ label: 'replace', data: { formal: c.formal }, edits: [{ start, end, text: c.formal }] }],
        });
      }
    }
    return findings.sort((a, b) => a.start - b.start);
  },
});
