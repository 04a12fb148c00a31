/**
 * ja/missing-apology — a Japanese reply about a problem, delay, error or complaint must apologise
 * sincerely. A casual apology (すみません, ごめん) is not enough: it is upgraded, not counted.
 * The fix inserts the apology at the natural place: after the opening address and greeting.
 */
import data from '../../../../dictionaries/ja/apology.json';
import { defineDetector, type RawFinding } from '../../detector';
import { jaSentences, type AnalyzedText } from '../../document';
import { PhraseSet } from '../../phrases';

const casual = new PhraseSet(data.upgrades.map((u) => u.casual));
const formalOf = new Map(data.upgrades.map((u) => [u.casual, u.formal]));

/** An opening line: the customer's name with 様 (「田中様」「株式会社ABC 田中様」) or a greeting. */
const OPENING = /(様|さま|御中|各位|お客様)[、,]?$|^(お世話になっております|お世話になります|いつも.*(ありがとうございます|お世話になっております)|お問い合わせいただき.*ありがとうございます|ご連絡いただき.*ありがとうございます)/;

/** Where the apology goes: after the leading address and greeting sentences, on its own line. */
export function apologyInsertion(doc: AnalyzedText): { at: number; text: string } {
  const apology = data.insert;
  let last: { end: number; paragraph: number } | undefined;
  for (const s of doc.sentences) {
    const body = s.text.replace(/[。．.!！\s\u3000]+$/, '');
    if (!OPENING.test(body)) break;
    last = s;
  }
  if (!last) return { at: 0, text: `${apology}\n` };
  const para = doc.paragraphs[last.paragraph]!;
  // Own line after the opening line; if more text follows on that line, keep it after the apology.
  if (doc.text.slice(last.end, para.end).trim() === '') {
    return { at: para.end, text: `\n${apology}` };
  }
  return { at: last.end, text: apology };
}

export default defineDetector({
  meta: {
    id: 'ja/missing-apology',
    kind: 'apology',
    languages: ['ja'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: true,
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
  detect({ doc, coverage }) {
    if (!coverage.problem || coverage.apology) return [];
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
    const { at, text } = apologyInsertion(doc);
    return [{ start: at, end: at, message: 'missing', fixes: [{ label: 'insert', edits: [{ start: at, end: at, text }] }] }];
  },
});
