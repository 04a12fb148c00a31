/**
 * Coverage: what the draft already does for the customer (apology, cause, remedy …), per language
 * lexicon, and whether there is a problem at all — from the draft or the customer's last message.
 */
import { enCoverageLexicon } from '../lang/en/signals';
import { jaCoverageLexicon } from '../lang/ja/signals';
import { COVERAGE_KEYS, coverageOf } from '../lang/signals';
import { enSentences, jaSentences, type AnalyzedText } from './document';
import type { Coverage } from './types';

function textCoverage(doc: AnalyzedText): Coverage {
  const ja = coverageOf(jaSentences(doc), jaCoverageLexicon);
  const en = coverageOf(enSentences(doc), enCoverageLexicon);
  const merged = { ...ja };
  for (const key of COVERAGE_KEYS) merged[key] = ja[key] || en[key];
  return merged;
}

export function computeCoverage(draft: AnalyzedText, customerMessage?: AnalyzedText): Coverage {
  const coverage = textCoverage(draft);
  if (customerMessage && !coverage.problem) coverage.problem = textCoverage(customerMessage).problem;
  return coverage;
}
