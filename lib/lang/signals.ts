/**
 * Coverage signals shared by both languages: each language supplies a phrase dictionary with the same
 * keys (dictionaries/<lang>/coverage.json), matched sentence by sentence.
 */
import { PhraseSet } from './phrases';

/** What the reply already covers, for the badge and the send check at a glance. */
export interface Coverage {
  /** The customer reports (or the reply concerns) a problem, delay, error or complaint. */
  problem: boolean;
  apology: boolean;
  cause: boolean;
  remedy: boolean;
  nextStep: boolean;
  commitment: boolean;
  owner: boolean;
  greeting: boolean;
  closing: boolean;
}

export type CoverageKey = keyof Coverage;

export const COVERAGE_KEYS: readonly CoverageKey[] = [
  'problem',
  'apology',
  'cause',
  'remedy',
  'nextStep',
  'commitment',
  'owner',
  'greeting',
  'closing',
];

export type CoverageLexicon = Record<CoverageKey | 'casualApology', PhraseSet>;

export function compileCoverageLexicon(data: Record<string, unknown>): CoverageLexicon {
  const lexicon = {} as CoverageLexicon;
  for (const key of [...COVERAGE_KEYS, 'casualApology'] as const) {
    const list = data[key];
    if (!Array.isArray(list) || !list.every((p) => typeof p === 'string')) {
      throw new Error(`coverage dictionary: "${key}" must be a list of phrases`);
    }
    lexicon[key] = new PhraseSet(list as string[]);
  }
  return lexicon;
}

export function emptyCoverage(): Coverage {
  return {
    problem: false,
    apology: false,
    cause: false,
    remedy: false,
    nextStep: false,
    commitment: false,
    owner: false,
    greeting: false,
    closing: false,
  };
}

/** Which coverage keys the sentences show, by the lexicon. */
export function coverageOf(sentences: readonly { text: string }[], lexicon: CoverageLexicon): Coverage {
  const coverage = emptyCoverage();
  for (const key of COVERAGE_KEYS) {
    coverage[key] = sentences.some((s) => lexicon[key].test(s.text));
  }
  return coverage;
}
