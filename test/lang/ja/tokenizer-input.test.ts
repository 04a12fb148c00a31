/**
 * The Japanese tokenizer takes any text the engine hands it (issue 14): a NUL next to Japanese once
 * threw "no entries for trie id -1" and failed the whole analysis. For any string — controls, lone
 * surrogates, emoji, any code point — the tokens cover the text exactly: in order, without gaps or
 * overlaps, each surface the slice of the text at its offsets.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JaTokenizer } from '../../../lib/lang/ja/tokenizer';
import { loadJaTokenizer } from '../../../lib/lang/ja/node-loader';
import { propertyParameters } from '../../helpers/property';
import { textOf } from '../../helpers/texts';

let tokenizer: JaTokenizer;

beforeAll(async () => {
  tokenizer = await loadJaTokenizer();
});

function expectExactCover(text: string): void {
  const tokens = tokenizer.tokenize(text);
  let at = 0;
  for (const t of tokens) {
    expect(t.start, `${JSON.stringify(text)}: token ${JSON.stringify(t.surface)} starts where the last ended`).toBe(at);
    expect(text.slice(t.start, t.end)).toBe(t.surface);
    expect(t.end).toBeGreaterThan(t.start);
    at = t.end;
  }
  expect(at, `${JSON.stringify(text)}: the tokens reach the end`).toBe(text.length);
}

describe('Japanese tokenizer input', () => {
  it.each(['お問い合わせ\0ありがとうございます。', '\0', '\0\0確認しました', 'ご確認ください\0', 'a\0b', '\u0001あ\u007fい', 'ご確認\uD83Dください。'])(
    'tokenizes %j without throwing, offsets exact',
    (text) => {
      expectExactCover(text);
    },
  );

  it('keeps NUL out of the words around it', () => {
    const tokens = tokenizer.tokenize('お問い合わせ\0ありがとう');
    expect(tokens.map((t) => t.surface)).toEqual(['お', '問い合わせ', '\0', 'ありがとう']);
    expect(tokens[1]).toMatchObject({ baseForm: '問い合わせ', pos: '名詞' });
  });

  it('covers any text exactly (property)', () => {
    fc.assert(
      fc.property(fc.oneof(textOf(30), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary-ascii', maxLength: 40 })), (text) => {
        expectExactCover(text);
      }),
      propertyParameters(300),
    );
  });
});
