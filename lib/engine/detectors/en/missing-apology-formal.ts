/**
 * en/missing-apology-formal — English written for a Japanese customer about a problem needs a sincere,
 * formal apology ("We sincerely apologize for …"). A casual one ("Sorry about that", "Oops", "My bad")
 * is upgraded rather than counted. The fix inserts the apology right after the opening.
 * Apologies: dictionaries/en/apology.json.
 */
import data from '../../../../dictionaries/en/apology.json';
import { defineDetector, type RawFinding } from '../../detector';
import { NO_OPTIONS } from '../../options';
import { enSentences } from '../../document';
import { PhraseIndex, tokenize } from '../../../lang/en/phrase-index';
import { insertAfterOpening, isEnglishReply, replacePhrase } from '../../reply/en';

const sincere = new PhraseIndex<true>(data.sincere.map((p): [string, true] => [p, true]));
const casual = new PhraseIndex<string>(data.casual.map((c): [string, string] => [c.casual, c.formal]));

/** Whether the text holds an apology formal enough for a Japanese customer. */
export function hasSincereApology(text: string): boolean {
  return sincere.findAll(tokenize(text)).length > 0;
}

export default defineDetector({
  meta: {
    id: 'en/missing-apology-formal',
    kind: 'apology',
    languages: ['en'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: true,
    schema: NO_OPTIONS,
    holdsSend: true,
    description: {
      en: 'A reply about a problem needs a sincere, formal apology (“We sincerely apologize …”), not a casual “sorry”.',
      ja: '問題に関する返信には、くだけた「sorry」ではなく、丁寧で誠実なお詫び（We sincerely apologize …）が必要です。',
    },
    messages: {
      missing: {
        en: 'No apology: the customer reported a problem, and a Japanese customer expects a sincere apology first.',
        ja: 'お詫びがありません。問題が起きた際、日本のお客様はまず誠実なお詫びを期待します。',
      },
      casual: {
        en: '“{casual}” is too casual an apology for a Japanese customer; write “{formal}”.',
        ja: '「{casual}」は日本のお客様へのお詫びとしてくだけすぎています。「{formal}」と書きましょう。',
      },
      insert: { en: 'Add “{sentence}”', ja: '「{sentence}」を追加' },
      upgrade: { en: 'Write “{formal}”', ja: '「{formal}」にする' },
      reason: {
        en: 'In Japan an apology acknowledges the inconvenience and the relationship, whoever was at fault; a casual “sorry” or none at all reads as indifferent.',
        ja: '日本では、責任の所在に関わらず、ご不便をおかけしたことへのお詫びが信頼関係の前提です。くだけた「sorry」やお詫びのない返信は誠意がないと受け取られます。',
      },
    },
  },
  detect({ doc, coverage }) {
    const sentences = enSentences(doc);
    if (sentences.length === 0 || sentences.some((s) => hasSincereApology(s.text))) return [];
    const findings: RawFinding[] = [];
    for (const s of sentences) {
      for (const hit of casual.findAll(tokenize(s.text))) {
        const start = s.start + hit.start;
        const end = s.start + hit.end;
        const edit = replacePhrase(doc, s, start, end, hit.value);
        findings.push({
          start,
          end,
          message: 'casual',
          data: { casual: doc.text.slice(start, end), formal: edit.text },
          fixes: [{ label: 'upgrade', data: { formal: edit.text }, edits: [edit] }],
        });
      }
    }
    if (findings.length > 0 || !coverage.problem || !isEnglishReply(doc)) return findings;
    const edit = insertAfterOpening(doc, data.insert);
    return [{ start: edit.start, end: edit.start, message: 'missing', fixes: [{ label: 'insert', data: { sentence: data.insert }, edits: [edit] }] }];
  },
});
