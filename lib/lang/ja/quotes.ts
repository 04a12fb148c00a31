/**
 * Quotations in Japanese text: what stands inside 「」 or 『』 is someone's words (the customer's, quoted
 * back) or a label (「あなたへのおすすめ」), not the agent's own wording — register and address rules leave
 * it alone. One pass, nesting counted.
 */
import type { Span } from '../types';

/** The spans inside 「」 / 『』 (brackets excluded), outermost only. An unclosed quote runs to the end. */
export function quotedSpans(text: string): Span[] {
  const spans: Span[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '「' || ch === '『') {
      if (depth === 0) start = i + 1;
      depth++;
    } else if ((ch === '」' || ch === '』') && depth > 0) {
      depth--;
      if (depth === 0) spans.push({ start, end: i });
    }
  }
  if (depth > 0) spans.push({ start, end: text.length });
  return spans;
}

/** Whether [start, end) lies inside one of the quoted spans. */
export function isQuoted(spans: readonly Span[], start: number, end = start + 1): boolean {
  return spans.some((q) => start >= q.start && end <= q.end);
}
