import { describe, expect, it } from 'vitest';
import { diffTexts, moveSpan, moveSpans } from '../../lib/compose/remap';

describe('diffTexts', () => {
  it.each([
    ['abc', 'abc', null],
    ['abc', 'abXc', { start: 2, oldEnd: 2, newEnd: 3 }],
    ['abXc', 'abc', { start: 2, oldEnd: 3, newEnd: 2 }],
    ['abc', 'aYc', { start: 1, oldEnd: 2, newEnd: 2 }],
    ['', 'x', { start: 0, oldEnd: 0, newEnd: 1 }],
    ['aaa', 'aaaa', { start: 3, oldEnd: 3, newEnd: 4 }],
  ])('%j → %j', (a, b, change) => expect(diffTexts(a, b)).toEqual(change));
});

describe('moveSpan', () => {
  // "田中様\n確認しました。" → typing "X" at 4 (start of line 2)
  const typed = { start: 4, oldEnd: 4, newEnd: 5 };

  it('keeps a span before the change and shifts one after it', () => {
    expect(moveSpan({ start: 0, end: 3 }, typed)).toEqual({ start: 0, end: 3 });
    expect(moveSpan({ start: 4, end: 9 }, typed)).toEqual({ start: 5, end: 10 });
    expect(moveSpan({ start: 6, end: 9 }, typed)).toEqual({ start: 7, end: 10 });
  });

  it('drops a span the change overlaps', () => {
    expect(moveSpan({ start: 2, end: 6 }, typed)).toBeUndefined();
    expect(moveSpan({ start: 2, end: 6 }, { start: 3, oldEnd: 5, newEnd: 3 })).toBeUndefined();
  });

  it('an insertion point at the edit stays before what is typed there', () => {
    expect(moveSpan({ start: 4, end: 4 }, typed)).toEqual({ start: 4, end: 4 });
    expect(moveSpan({ start: 3, end: 3 }, { start: 3, oldEnd: 6, newEnd: 3 })).toEqual({ start: 3, end: 3 });
  });

  it('an insertion point inside a deleted region is gone', () => {
    expect(moveSpan({ start: 4, end: 4 }, { start: 3, oldEnd: 6, newEnd: 3 })).toBeUndefined();
  });

  it('no change keeps everything', () => expect(moveSpan({ start: 1, end: 2 }, null)).toEqual({ start: 1, end: 2 }));

  it('moveSpans fails as a whole when one edit is touched', () => {
    expect(moveSpans([{ start: 0, end: 1, text: 'a' }, { start: 6, end: 7, text: 'b' }], typed)).toEqual([
      { start: 0, end: 1, text: 'a' },
      { start: 7, end: 8, text: 'b' },
    ]);
    expect(moveSpans([{ start: 3, end: 5, text: 'a' }], typed)).toBeUndefined();
  });
});
