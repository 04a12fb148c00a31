/**
 * The language layer's own vocabulary: which languages Tonebridge analyses, and a span of text. The
 * engine re-exports both (lib/engine/types.ts, lib/engine/document.ts).
 */

/** The languages Tonebridge analyses. */
export type Lang = 'ja' | 'en';

/** A range of UTF-16 code units `[start, end)`, relative to the text it was cut from. */
export interface Span {
  start: number;
  end: number;
}
