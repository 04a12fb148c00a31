/**
 * Keeping findings on the right words while the agent types: the change between two texts as one
 * replaced region (common prefix and suffix), and spans moved through it. A finding the change
 * touches is hidden until the next analysis; the rest move with the text at once.
 */

export interface Change {
  /** Offset where the texts start to differ. */
  start: number;
  /** End of the replaced region in the old text and in the new text. */
  oldEnd: number;
  newEnd: number;
}

/** The replaced region between two texts, or null when they are equal. */
export function diffTexts(before: string, after: string): Change | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

/**
 * Moves a span of the old text into the new one. Spans entirely before or after the change keep
 * their words; a span the change overlaps is gone (undefined). An insertion point at the edit stays
 * before what is typed there.
 */
export function moveSpan(span: { start: number; end: number }, change: Change | null): { start: number; end: number } | undefined {
  if (!change) return { start: span.start, end: span.end };
  const delta = change.newEnd - change.oldEnd;
  if (span.end <= change.start) return { start: span.start, end: span.end };
  if (span.start >= change.oldEnd) return { start: span.start + delta, end: span.end + delta };
  return undefined;
}

/** Moves several spans; undefined if any of them is gone (a fix whose edits the typing touched). */
export function moveSpans<T extends { start: number; end: number }>(spans: readonly T[], change: Change | null): T[] | undefined {
  const moved: T[] = [];
  for (const s of spans) {
    const m = moveSpan(s, change);
    if (!m) return undefined;
    moved.push({ ...s, ...m });
  }
  return moved;
}
