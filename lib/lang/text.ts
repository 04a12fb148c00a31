/**
 * Linear-time string helpers for what a regular expression would do quadratically. `/[…]+$/` tried
 * from every start position is O(n²) on a long run of matching characters followed by one that does
 * not match (eslint-plugin-regexp's `no-super-linear-move`); these walk from the end once.
 */

/** `text` without the trailing characters that `isTrimmed` accepts (one character at a time). */
export function trimEndWhere(text: string, isTrimmed: (ch: string) => boolean): string {
  let end = text.length;
  while (end > 0 && isTrimmed(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** A one-character test from a character class, for trimEndWhere: `charIn(/[\s.!]/)`. */
export function charIn(oneCharClass: RegExp): (ch: string) => boolean {
  return (ch) => oneCharClass.test(ch);
}

/**
 * A line of a numbered or bulleted list ("1. …", "2) …", "①…", "・…", "- …", "（1）…"): a step or an
 * item, which reads as an instruction, not as a request or a sentence of the letter.
 */
const LIST_MARKER = /^\s*(?:\d{1,3}[.)．、）]|[\u2460-\u2473\u30fb\u2022\uff65*\uff0a\u25cf\u25cb\u25a0\u25a1\u25c6\u25c7]|[-\uff0d]\s|[（(]\d{1,3}[）)])/u;

export function isListItem(line: string): boolean {
  return LIST_MARKER.test(line);
}
