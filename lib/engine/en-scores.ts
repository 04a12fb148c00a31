/**
 * English message scores from sentence cues: politeness and warmth in [0, 1], each a logistic squash
 * of the summed cue weights (lib/lang/en/cues.ts, dictionaries/en/politeness.json), with every cue that
 * moved it listed so the report can explain the number.
 *
 * A message with no cue at all is neutral for politeness (0.5) and a little cool for warmth: warmth
 * has to be shown (a greeting, thanks, empathy), plain correctness is not warm.
 */
import { STRUCTURAL_DEFINITIONS } from '../lang/en/cues';
import type { EnSentenceEntry } from './document';
import type { ScoreCue } from './types';

const squash = (x: number) => 1 / (1 + Math.exp(-x));

/** Warmth of a message that shows none. */
const WARMTH_BIAS = -0.5;
/** At most this many extra questions count against the message. */
const MAX_EXTRA_QUESTIONS = 2;

export function enScores(sentences: readonly EnSentenceEntry[]): {
  politeness?: number;
  warmth?: number;
  cues: ScoreCue[];
} {
  const cues: ScoreCue[] = [];
  if (sentences.length === 0) return { cues };
  let politeness = 0;
  let warmth = WARMTH_BIAS;
  const add = (cue: string, p: number, w: number, start: number, end: number) => {
    politeness += p;
    warmth += w;
    if (p !== 0) cues.push({ score: 'politeness', cue: `en/${cue}`, weight: p, start, end });
    if (w !== 0) cues.push({ score: 'warmth', cue: `en/${cue}`, weight: w, start, end });
  };
  for (const s of sentences) {
    for (const c of s.en.cues) add(c.cue, c.politeness, c.warmth, s.start + c.start, s.start + c.end);
  }
  // A string of questions reads as an interrogation, whatever each one says.
  const questions = sentences.filter((s) => s.en.isQuestion);
  const q = STRUCTURAL_DEFINITIONS.questions;
  for (const s of questions.slice(1, 1 + MAX_EXTRA_QUESTIONS)) add('questions', q.politeness, q.warmth, s.start, s.end);
  return { politeness: squash(politeness), warmth: squash(warmth), cues };
}
