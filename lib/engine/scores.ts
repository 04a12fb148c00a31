/**
 * Message scores from sentence analyses: Japanese formality from each sentence's register, English
 * politeness and warmth from the cues the English analyser found. Sentences that give nothing to judge
 * (a bare name, a URL) do not pull the average.
 */
import { enSentences, jaSentences, type AnalyzedText } from './document';
import { enScores } from './en-scores';
import type { ScoreCue, Scores } from './types';

export function computeScores(doc: AnalyzedText): { scores: Scores; cues: ScoreCue[] } {
  const scores: Scores = {};
  const cues: ScoreCue[] = [];
  const formal = jaSentences(doc)
    .map((s) => s.ja.register.formality)
    .filter((f): f is number => f !== undefined);
  if (formal.length > 0) scores.formality = formal.reduce((a, b) => a + b, 0) / formal.length;
  const en = enSentences(doc);
  if (en.length > 0) {
    const result = enScores(en);
    if (result.politeness !== undefined) scores.politeness = result.politeness;
    if (result.warmth !== undefined) scores.warmth = result.warmth;
    cues.push(...result.cues);
  }
  return { scores, cues };
}
