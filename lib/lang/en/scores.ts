/** English message scores from sentence cues: politeness and warmth in [0, 1], with their cues. */
import type { EnSentenceEntry } from '../../engine/document';
import type { ScoreCue } from '../../engine/types';
import { warmthWeight } from './cues';

const squash = (x: number) => 1 / (1 + Math.exp(-x));

export function enScores(sentences: readonly EnSentenceEntry[]): {
  politeness?: number;
  warmth?: number;
  cues: ScoreCue[];
} {
  const cues: ScoreCue[] = [];
  let politeness = 0;
  let warmth = 0;
  for (const s of sentences) {
    for (const c of s.en.cues) {
      politeness += c.weight;
      const w = warmthWeight(c.cue);
      warmth += w;
      cues.push({ score: 'politeness', cue: `en/${c.cue}`, weight: c.weight, start: s.start + c.start, end: s.start + c.end });
      if (w !== 0) cues.push({ score: 'warmth', cue: `en/${c.cue}`, weight: w, start: s.start + c.start, end: s.start + c.end });
    }
  }
  if (sentences.length === 0) return { cues };
  return { politeness: squash(politeness), warmth: squash(warmth - 0.5), cues };
}
