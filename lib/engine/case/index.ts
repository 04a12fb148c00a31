/**
 * The case reading for a draft: the reader of the draft's main language (case/ja.ts, case/en.ts) reads
 * the draft and the customer's last message once, before the detectors run; every coverage detector
 * reads the result (`DetectInput.reading`). A language without a reader gets an empty reading.
 */
import type { AnalyzedText } from '../document';
import { letterCount } from '../language';
import type { AnalysisContext, Coverage, Lang } from '../types';
import { readEnCase } from './en';
import { readJaCase } from './ja';
import { emptyReading, type CaseReading } from './types';

export type { CaseReading, CaseSpan, CaseState, Commitment, Reported } from './types';

export type CaseReader = (doc: AnalyzedText, customer: AnalyzedText | undefined, context: AnalysisContext) => CaseReading;

/** One reader per language. */
const readers: Partial<Record<Lang, CaseReader>> = {
  ja: readJaCase,
  en: readEnCase,
};

/** The draft's main language: its detected language, or for a mixed draft the one with more letters. */
export function mainLang(doc: AnalyzedText): Lang | undefined {
  if (doc.lang === 'ja' || doc.lang === 'en') return doc.lang;
  const letters: Record<Lang, number> = { ja: 0, en: 0 };
  for (const s of doc.sentences) letters[s.lang] += letterCount(s.text, s.lang);
  if (letters.ja === 0 && letters.en === 0) return undefined;
  return letters.ja >= letters.en ? 'ja' : 'en';
}

export function readCase(doc: AnalyzedText, customer: AnalyzedText | undefined, context: AnalysisContext): CaseReading {
  const lang = mainLang(doc);
  const reader = lang ? readers[lang] : undefined;
  return reader ? reader(doc, customer, context) : emptyReading(lang);
}

/** Whether a reader exists for the draft's language (its reading then decides `coverage.problem`). */
export function hasReader(lang: Lang | undefined): boolean {
  return !!lang && readers[lang] !== undefined;
}

/** Coverage as the case reading sees it: the reading decides whether there is a problem, and adds what it found. */
export function coverageWithReading(coverage: Coverage, reading: CaseReading): Coverage {
  if (!hasReader(reading.lang)) return coverage;
  return {
    ...coverage,
    problem: reading.problem,
    apology: coverage.apology || !!reading.apology,
    cause: coverage.cause || !!reading.cause,
    owner: coverage.owner || !!reading.owner,
    commitment: coverage.commitment || !!reading.commitment,
    // English reads the next step (a promise of news is none); other readers leave it to the phrases.
    nextStep: reading.lang === 'en' ? !!reading.nextStep : coverage.nextStep,
    // A refused remedy with nothing offered instead is no remedy ("Your refund request is therefore denied").
    remedy:
      (coverage.remedy && !(reading.refusal && !reading.alternative)) || reading.state === 'resolved' || reading.state === 'scheduled',
  };
}
