/** English analysis shapes (from compromise, offsets relative to the sentence). */

export interface EnTerm {
  /** The word as written ('' for the hidden half of a contraction: "I'm" → "I'm" + ""). */
  text: string;
  /** Lower-case, as written (contractions stay contracted here: "we'll"). */
  normal: string;
  /** What a contraction stands for: "we'll" → "we" on the first term, "will" on its hidden second term. */
  implicit?: string;
  /** compromise's root (lemma) when it differs from the word: "crashed" → "crash", "refunds" → "refund". */
  root?: string;
  start: number;
  end: number;
  /** compromise tags, e.g. Noun, Verb, Adjective, Pronoun, Passive, Imperative, Negative, Modal. */
  tags: string[];
}

export interface EnSpan {
  start: number;
  end: number;
}

/** A contraction as written ("can't", "we'll") and what it stands for ("can not", "we will"). */
export interface EnContraction extends EnSpan {
  text: string;
  expanded: string;
}

/** A passive verb group ("was cancelled", "have been made"), with or without a "by …" agent. */
export interface EnPassive extends EnSpan {
  /** The past participle, e.g. "cancelled". */
  participle: string;
  /** The auxiliary as written, with any adverbs inside the group, e.g. "was", "has been", "was accidentally". */
  auxiliary: string;
  /** The auxiliary words spelled out, contractions expanded: ["has", "been"] for "it's been". */
  auxiliaryWords: string[];
  /** The first auxiliary is fused to the word before ("It's been", "We've been"); the span starts after it. */
  contracted?: boolean;
  /** A "by …" phrase names who did it, so the sentence does not hide its actor. */
  hasAgent: boolean;
}

/** A cue found in a sentence, with how it moves the politeness and warmth scores. */
export interface EnCue extends EnSpan {
  cue: string;
  politeness: number;
  warmth: number;
}

export type EnTense = 'past' | 'present' | 'future';

export interface EnSentence {
  terms: EnTerm[];
  /** Words as a reader counts them (contractions count once, punctuation not at all). */
  wordCount: number;
  /** Span of the first word (after leading quotes and brackets), if any. */
  firstWord?: EnSpan;
  isQuestion: boolean;
  /** A command: it opens with a bare verb ("Send it", "Please send it", "Don't worry"). */
  imperative: boolean;
  /** Tense of the first finite verb group, when there is one. */
  tense?: EnTense;
  contractions: EnContraction[];
  /** Negation words and the "n't" of contractions. */
  negations: EnSpan[];
  passives: EnPassive[];
  /** Politeness and warmth cues found in the sentence (see lib/lang/en/cues.ts for the scoring). */
  cues: EnCue[];
}
