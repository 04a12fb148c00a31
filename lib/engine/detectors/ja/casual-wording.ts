/**
 * ja/casual-wording — conversational words in a business reply (ちょっと, すごく, やっぱり,
 * 了解しました, 見てください, 〜てもらえますか …) and their business equivalents (少々, 大変, やはり,
 * 承知いたしました, ご覧ください, 〜ていただけますでしょうか), from dictionaries/ja/casual-wording.json.
 * A phrase matches only on whole words, so ちょっと inside another word is not touched.
 */
import data from '../../../../dictionaries/ja/casual-wording.json';
import { defineDetector, type RawFinding } from '../../detector';
import { NO_OPTIONS } from '../../options';
import { jaSentences } from '../../document';
import { PhraseSet } from '../../../lang/phrases';

interface Entry {
  casual: string;
  formal: string;
  after?: string[];
  start?: boolean;
  notBefore?: string[];
  notAfter?: string[];
}

const entries = new Map<string, Entry>((data.entries as Entry[]).map((e) => [e.casual, e]));
const phrases = new PhraseSet([...entries.keys()]);
/** What may precede a sentence-initial word (はい、わかりました). */
const LEAD = /^(?:\s*|.*?(?:はい|ええ|かしこまりました)[、,。\s]*)$/;

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
      const starts = new Set(s.ja.tokens.map((t) => t.start));
      const ends = new Set(s.ja.tokens.map((t) => t.end));
      for (const hit of phrases.findAll(s.text)) {
        if (!starts.has(hit.start) || !ends.has(hit.end)) continue;
        const e = entries.get(hit.phrase)!;
        const before = s.text.slice(0, hit.start);
        const after = s.text.slice(hit.end);
        if (e.after && !e.after.some((a) => before.endsWith(a))) continue;
        if (e.start && !LEAD.test(before)) continue;
        if (e.notBefore && e.notBefore.some((n) => after.startsWith(n))) continue;
        if (e.notAfter && e.notAfter.some((n) => before.endsWith(n))) continue;
        const start = s.start + hit.start;
        const end = s.start + hit.end;
        findings.push({
          start,
          end,
          message: 'casual',
          data: { casual: hit.phrase, formal: e.formal },
          fixes: [{ label: 'replace', data: { formal: e.formal }, edits: [{ start, end, text: e.formal }] }],
        });
      }
    }
    return findings;
  },
});
