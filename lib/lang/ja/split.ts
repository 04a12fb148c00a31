/**
 * Japanese sentence segmentation with exact offsets: a sentence ends at 。！？!? (and runs of them),
 * but not inside brackets or quotes (「…。」 stays one sentence with its surroundings), and a closing
 * bracket right after the terminator stays with its sentence. An ASCII !/? between a Latin letter and
 * the next word with no space (Yahoo!メール, Yahoo!ショッピング) is part of a name, not an ending.
 * Paragraphs (lines) are cut before this.
 */
import type { Span } from '../types';

const OPEN = '「『（(【〔［[｛{〈《';
const CLOSE = '」』）)】〕］]｝}〉》';
const TERMINATORS = '。！？!?｡';
const WHITE = /\s/;
const LATIN = /[a-z]/i;
const WORD = /[\p{L}\p{N}]/u;

/** Yahoo!メール: a mark inside a name, glued to a Latin letter before and a word after. */
function inName(paragraph: string, i: number): boolean {
  const ch = paragraph[i];
  return (ch === '!' || ch === '?') && i > 0 && LATIN.test(paragraph[i - 1]!) && i + 1 < paragraph.length && WORD.test(paragraph[i + 1]!);
}

function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
  while (start < end && WHITE.test(text[start]!)) start++;
  while (end > start && WHITE.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start, end });
}

export function splitJapanese(paragraph: string): Span[] {
  const spans: Span[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  while (i < paragraph.length) {
    const ch = paragraph[i]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && TERMINATORS.includes(ch) && !inName(paragraph, i)) {
      let end = i + 1;
      while (end < paragraph.length && TERMINATORS.includes(paragraph[end]!)) end++;
      pushTrimmed(spans, paragraph, start, end);
      start = end;
      i = end;
      continue;
    }
    i++;
  }
  pushTrimmed(spans, paragraph, start, paragraph.length);
  return spans;
}
