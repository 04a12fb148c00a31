/**
 * Japanese sentence segmentation with exact offsets: a sentence ends at 。！？!? (and runs of them),
 * but not inside brackets or quotes (「…。」 stays one sentence with its surroundings), and a closing
 * bracket right after the terminator stays with its sentence. Paragraphs (lines) are cut before this.
 */
import type { Span } from '../types';

const OPEN = '「『（(【〔［[｛{〈《';
const CLOSE = '」』）)】〕］]｝}〉》';
const TERMINATORS = '。！？!?｡';
const WHITE = /\s/;

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
    else if (depth === 0 && TERMINATORS.includes(ch)) {
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
