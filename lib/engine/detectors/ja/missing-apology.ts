/**
 * ja/missing-apology — a Japanese reply about a problem, delay, error or complaint (in the draft, or in
 * the customer's last message) must apologise sincerely. Whether there is a problem and whether the
 * draft apologises comes from the case reading (lib/engine/case/): a thank-you (問題なく使えています),
 * a plain question or a negated problem asks for no apology, and every conjugation of an apology counts
 * (ご不便をおかけいたしました). A casual apology (すみません, ごめん) is not enough: it is upgraded, not
 * counted. The fix inserts an apology that fits what went wrong (a delay, a damaged item, a billing
 * problem, a malfunction) at the natural place: after the opening address, greeting and self-introduction.
 */
import data from '../../../../dictionaries/ja/apology.json';
import { insertAfterOpening } from '../../reply/ja';
import { defineDetector, type RawFinding } from '../../detector';
import { NO_OPTIONS } from '../../options';
import { jaSentences, type AnalyzedText } from '../../document';
import { PhraseSet } from '../../../lang/phrases';

const casual = new PhraseSet(data.upgrades.map((u) => u.casual));
const formalOf = new Map(data.upgrades.map((u) => [u.casual, u.formal]));
const fitting = data.fitting.map((f) => ({ when: new PhraseSet(f.when), text: f.text }));

/** The apology that fits what the draft and the customer's message talk about. */
export function fittingApology(draft: string, customerMessage = ''): string {
  for (const rule of fitting) if (rule.when.test(draft) || rule.when.test(customerMessage)) return rule.text;
  return data.insert;
}

/** Where the apology goes: after the leading address and greeting sentences, on its own line. */
export function apologyInsertion(doc: AnalyzedText, customerMessage?: string): { at: number; text: string } {
  const edit = insertAfterOpening(doc, fittingApology(doc.text, customerMessage));
  return { at: edit.start, text: edit.text };
}


export default defineDetector({
  meta: {
    id: 'ja/missing-apology',
    kind: 'apology',
    languages: ['ja'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: true,
    schema: NO_OPTIONS,
    holdsSend: true,
    description: {
      en: 'A reply about a problem needs a sincere apology (申し訳ございません), not a casual one.',
      ja: '問題に関する返信には、くだけた謝罪ではなく丁寧なお詫び（申し訳ございません）が必要です。',
    },
    messages: {
      missing: {
        en: 'No apology: the customer reported a problem, and a Japanese customer expects a sincere apology first.',
        ja: 'お詫びがありません。問題が起きた際、日本のお客様はまず丁寧なお詫びを期待します。',
      },
      casual: {
        en: '“{casual}” is too casual an apology for a customer; use “{formal}”.',
        ja: '「{casual}」はお客様へのお詫びとしてくだけすぎています。「{formal}」を使いましょう。',
      },
      insert: { en: 'Add an apology', ja: 'お詫びを追加' },
      upgrade: { en: 'Replace with “{formal}”', ja: '「{formal}」に置き換える' },
      reason: {
        en: 'In Japan an apology acknowledges the inconvenience and the relationship, whoever was at fault; replying to a problem without one reads as indifferent.',
        ja: '日本では、責任の所在に関わらず、ご不便をおかけしたことへのお詫びが信頼関係の前提です。お詫びのない返信は誠意がないと受け取られます。',
      },
    },
  },
  detect({ doc, reading, context }) {
    if (!reading.problem || (reading.apology && !reading.apology.casual)) return [];
    const findings: RawFinding[] = [];
    for (const s of jaSentences(doc)) {
      for (const hit of casual.findAll(s.text)) {
        const formal = formalOf.get(hit.phrase) ?? '申し訳ございません';
        const start = s.start + hit.start;
        const end = s.start + hit.end;
        findings.push({
          start,
          end,
          message: 'casual',
          data: { casual: hit.phrase, formal },
          fixes: [{ label: 'upgrade', data: { formal }, edits: [{ start, end, text: formal }] }],
        });
      }
    }
    if (findings.length > 0) return findings;
    const edit = insertAfterOpening(doc, fittingApology(doc.text, context.customerMessage));
    return [{ start: edit.start, end: edit.start, message: 'missing', fixes: [{ label: 'insert', edits: [edit] }] }];
  },
});
