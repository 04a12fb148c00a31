/** English analysis shapes (from compromise, offsets relative to the sentence). */

export interface EnTerm {
  /** The word as written. */
  text: string;
  /** Lower-case, contractions expanded where compromise knows them (e.g. "we'll" → "we will"). */
  normal: string;
  start: number;
  end: number;
  /** compromise tags, e.g. Noun, Verb, Adjective, Pronoun, Contraction, QuestionWord. */
  tags: string[];
}

export interface EnSentence {
  terms: EnTerm[];
  isQuestion: boolean;
  /** Politeness and warmth cues found in the sentence (see lib/lang/en for the scoring). */
  cues: { cue: string; weight: number; start: number; end: number }[];
}
