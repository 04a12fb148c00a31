/**
 * Coverage: what the draft already does for the customer (apology, cause, remedy …), per language
 * lexicon, and whether there is a problem at all — from the draft or the customer's last message.
 * Each sentence's coverage is read once and kept with its cached analysis (case/memo.ts), so a keystroke
 * reads the changed sentence only.
 */
import { enCoverageLexicon } from '../lang/en/signals';
import { jaCoverageLexicon } from '../lang/ja/signals';
import { COVERAGE_KEYS, coverageOf, emptyCoverage } from '../lang/signals';
import { SentenceMemo } from './case/memo';
import type { AnalyzedText } from './document';
import type { Coverage } from './types';

const memo = new SentenceMemo<object, Coverage>();

function sentenceCoverage(s: AnalyzedText['sentences'][number]): Coverage {
  return s.lang === 'ja'
    ? memo.get(s.ja, 'coverage', () => coverageOf([s], jaCoverageLexicon))
    : memo.get(s.en, 'coverage', () => coverageOf([s], enCoverageLexicon));
}

function textCoverage(doc: AnalyzedText): Coverage {
  const merged = emptyCoverage();
  for (const s of doc.sentences) {
    const c = sentenceCoverage(s);
    for (const key of COVERAGE_KEYS) if (c[key]) merged[key] = true;
  }
  return merged;
}

export function computeCoverage(draft: AnalyzedText, customerMessage?: AnalyzedText): Coverage {
  const coverage = textCoverage(draft);
  if (customerMessage && !coverage.problem) coverage.problem = textCoverage(customerMessage).problem;
  return coverage;
}
