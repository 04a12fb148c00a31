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
