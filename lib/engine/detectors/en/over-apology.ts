/**
 * en/over-apology — one or two apologies show care; more reads as grovelling to US customers and buries
 * the fix. Each apology past the limit (option `max`, default 2) is flagged; when its sentence does
 * nothing but apologise (no remedy, next step or cause), the fix removes the sentence.
 * Apology words: dictionaries/en/apology.json.
 */
import data from '../../../../dictionaries/en/apology.json';
import { defineDetector, type RawFinding } from '../../detector';
import { ruleOptions, wholeNumberOption } from '../../options';
import { enSentences } from '../../document';
import { PhraseIndex, tokenize } from '../../../lang/en/phrase-index';
import { removeSentence } from '../../reply/en';
import { enCoverageLexicon } from '../../../lang/en/signals';
import { offersNextStep } from '../../case/en';

/** Apology words, and phrases that only name compensation ("as an apology, we'll credit …"): false. */
const apologies = new PhraseIndex<boolean>([
  ...data.phrases.map((p): [string, boolean] => [p, true]),
  ...data.notCounted.map((p): [string, boolean] => [p, false]),
]);

export default defineDetector({
  meta: {
    id: 'en/over-apology',
    kind: 'apology',
    languages: ['en'],
    markets: ['us'],
    defaultLevel: 'info',
    fixable: true,
    holdsSend: false,
    description: {
      en: 'More than one or two apologies reads as grovelling to US customers; keep one and move on to the fix.',
      ja: '米国のお客様には、謝罪が2回を超えると卑屈に聞こえます。謝罪は1回にとどめ、解決策に進みましょう。',
    },
    options: { max: 2 },
    schema: ruleOptions({
      max: wholeNumberOption(1, 20, 'Apologies a reply may make before the next one is flagged (default 2).'),
    }),
    messages: {
      extra: {
        en: 'Apology number {count} (more than {max}): one sincere apology is enough; lead with the fix.',
        ja: '{count} 回目の謝罪です（{max} 回を超えています）。誠実な謝罪は一度で十分です。解決策を前に出しましょう。',
      },
      remove: { en: 'Remove this sentence', ja: 'この文を削除' },
      reason: {
        en: 'US customers value confidence and action: repeated apologies sound insincere or helpless and bury what you are doing about the problem.',
        ja: '米国のお客様は自信と行動を重視します。謝罪を繰り返すと誠意がない、または無力な印象を与え、対応内容が埋もれてしまいます。',
      },
    },
  },
  detect({ doc, options }) {
    const max = typeof options.max === 'number' ? options.max : 2;
    const findings: RawFinding[] = [];
    let count = 0;
    for (const s of enSentences(doc)) {
      const hit = apologies.findAll(tokenize(s.text)).find((h) => h.value);
      if (!hit) continue;
      count++;
      if (count <= max) continue;
      const start = s.start + hit.start;
      const end = s.start + hit.end;
      const onlyApologises = !offersNextStep(s) && !enCoverageLexicon.cause.test(s.text);
      findings.push({
        start,
        end,
        message: 'extra',
        data: { count, max },
        fixes: onlyApologises ? [{ label: 'remove', edits: [removeSentence(doc, s)] }] : [],
      });
    }
    return findings;
  },
});
