/**
 * A language's half of the engine: how to cut a paragraph into sentences and how to analyse one
 * sentence. Both are pure functions of their input text, so the engine caches them by text: after a
 * keystroke only the paragraph and the sentence that changed are split and analysed again.
 */
import type { Lang, Span } from './types';

export interface SentenceAnalyzer<A> {
  readonly lang: Lang;
  /** Sentence spans of one paragraph (a line, without its line break), relative to the paragraph. */
  split(paragraph: string): Span[];
  /** Analyse one sentence (offsets inside the result are relative to the sentence). */
  analyze(sentence: string): A;
}
