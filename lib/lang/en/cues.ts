/**
 * Politeness and warmth cues in an English sentence, after the politeness strategies of
 * Danescu-Niculescu-Mizil et al. (2013): gratitude, greeting, apology, please, indirect requests,
 * hedges, deference vs direct questions, imperatives and blame. Each cue carries a weight; the message
 * score is a squashed sum (lib/lang/en/scores.ts), so the report can explain what moved it.
 */
import { PhraseSet } from '../../engine/phrases';
import type { EnTerm } from './types';

export interface CueDefinition {
  cue: string;
  phrases: string[];
  politeness: number;
  warmth: number;
}

export const CUE_DEFINITIONS: CueDefinition[] = [
  { cue: 'gratitude', phrases: ['thank you', 'thanks', 'appreciate', 'grateful'], politeness: 0.9, warmth: 0.8 },
  { cue: 'greeting', phrases: ['hi', 'hello', 'hey', 'good morning', 'good afternoon', 'dear'], politeness: 0.4, warmth: 0.6 },
  { cue: 'apology', phrases: ['sorry', 'apologize', 'apologise', 'apologies', 'pardon', 'excuse me'], politeness: 0.6, warmth: 0.4 },
  { cue: 'please', phrases: ['please'], politeness: 0.5, warmth: 0.1 },
  { cue: 'indirect-request', phrases: ['could you', 'would you', 'would you mind', 'could we', 'would it be possible', 'can you'], politeness: 0.7, warmth: 0.2 },
  { cue: 'hedge', phrases: ['i think', 'i believe', 'perhaps', 'maybe', 'might', 'i suggest', 'i wonder', 'it seems'], politeness: 0.4, warmth: 0 },
  { cue: 'empathy', phrases: ['i understand', 'i know how', 'i can imagine', 'frustrating', 'happy to help', 'glad to help'], politeness: 0.3, warmth: 0.9 },
  { cue: 'direct-question', phrases: ['why did you', 'why would you', 'why are you', 'why is', 'what is wrong', 'what the'], politeness: -0.9, warmth: -0.5 },
  { cue: 'obligation', phrases: ['you must', 'you need to', 'you have to', 'you should'], politeness: -0.6, warmth: -0.4 },
  { cue: 'blame', phrases: ['you failed', 'your fault', 'you forgot', 'you did not', "you didn't", 'as i said', 'as previously stated', 'obviously'], politeness: -0.8, warmth: -0.7 },
  { cue: 'factuality', phrases: ['in fact', 'actually', 'the point is', 'the truth is', 'clearly'], politeness: -0.4, warmth: -0.2 },
];

const compiled = CUE_DEFINITIONS.map((d) => ({ ...d, set: new PhraseSet(d.phrases) }));

export function findCues(
  sentence: string,
  _terms: readonly EnTerm[],
): { cue: string; weight: number; start: number; end: number }[] {
  const found: { cue: string; weight: number; start: number; end: number }[] = [];
  for (const d of compiled) {
    for (const hit of d.set.findAll(sentence)) {
      found.push({ cue: d.cue, weight: d.politeness, start: hit.start, end: hit.end });
    }
  }
  return found;
}

export function warmthWeight(cue: string): number {
  return CUE_DEFINITIONS.find((d) => d.cue === cue)?.warmth ?? 0;
}
