/**
 * en/hedging — "I think maybe", "sort of", "I just wanted to": hedges make a support answer sound
 * unsure, and US customers want a confident, direct answer. Strong hedges are flagged wherever they
 * appear; mild ones ("I think", "probably") only when a sentence stacks two or more hedges. The fix
 * deletes the hedge or swaps in the confident wording (dictionaries/en/hedges.json).
 */
import data from '../../../../dictionaries/en/hedges.json';
import { defineDetector, type RawFinding } from '../../detector';
import { NO_OPTIONS } from '../../options';
import { enSentences } from '../../document';
import { PhraseIndex, tokenize } from '../../../lang/en/phrase-index';
import { replacePhrase } from '../../reply/en';

interface Hedge {
  phrase: string;
  rewrite: string;
  always: boolean;
  countOnly?: boolean;
}

const hedges = new PhraseIndex<Hedge>((data.hedges as Hedge[]).map((h): [string, Hedge] => [h.phrase, h]));
const NOT_AFTER = new Set(data.notAfter);

export default defineDetector({
  meta: {
    id: 'en/hedging',
    kind: 'clarity',
    languages: ['en'],
    markets: ['us'],
    defaultLevel: 'info',
    fixable: true,
    schema: NO_OPTIONS,
    holdsSend: false,
    description: {
      en: 'Hedges (“I think maybe”, “sort of”, “I just wanted to”) make an answer sound unsure; say it confidently.',
      ja: '「I think maybe」「sort of」などのぼかし表現は自信のない印象を与えます。はっきり伝えましょう。',
    },
    messages: {
      hedge: {
        en: '“{phrase}” makes the answer sound unsure.',
        ja: '「{phrase}」は回答を自信なさげに見せます。',
      },
      stacked: {
        en: '“{phrase}” stacks with other hedges in this sentence ({count} in all); keep at most one.',
        ja: 'この文では「{phrase}」を含めぼかし表現が {count} 個重なっています。多くても1つにしましょう。',
      },
      remove: { en: 'Remove “{phrase}”', ja: '「{phrase}」を削除' },
      rewrite: { en: 'Say “{rewrite}”', ja: '「{rewrite}」に書き換える' },
      reason: {
        en: 'US customers trust plain, confident answers; piled-up hedges sound like the agent is guessing or avoiding commitment.',
        ja: '米国のお客様は率直で自信のある回答を信頼します。ぼかし表現が重なると、推測で答えている、あるいは責任を避けているように聞こえます。',
      },
    },
  },
  detect({ doc }) {
    const findings: RawFinding[] = [];
    for (const s of enSentences(doc)) {
      const tokens = tokenize(s.text);
      const hits = hedges.findAll(tokens).filter((h) => !(h.token > 0 && NOT_AFTER.has(tokens[h.token - 1]!.key)));
      if (hits.length === 0) continue;
      const stacked = hits.length >= 2;
      for (const hit of hits) {
        const hedge = hit.value;
        if (hedge.countOnly || !(hedge.always || stacked)) continue;
        const start = s.start + hit.start;
        const end = s.start + hit.end;
        const phrase = doc.text.slice(start, end);
        const edit = replacePhrase(doc, s, start, end, hedge.rewrite);
        findings.push({
          start,
          end,
          message: hedge.always ? 'hedge' : 'stacked',
          data: hedge.always ? { phrase } : { phrase, count: hits.length },
          fixes: [
            hedge.rewrite
              ? { label: 'rewrite', data: { rewrite: edit.text }, edits: [edit] }
              : { label: 'remove', data: { phrase }, edits: [edit] },
          ],
        });
      }
    }
    return findings;
  },
});
