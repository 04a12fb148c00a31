/**
 * Tonebridge's IPADIC tokenizer must give exactly kuromoji 0.1.2's tokens. Compared field by field on
 * the benchmark's support replies (~170 lines), several hundred KeiCO sentences (every honorific level
 * and scene; when ../shared/eval is present) and inputs that exercise kuromoji's corner cases
 * (surrogate pairs, grouped unknown words, punctuation cuts, half-width kana, Latin and digits,
 * whitespace, multi-line text). Where kuromoji loses text (after a run of emoji) or throws (a lone
 * surrogate, NUL), ours keeps every character; those cases are tested as such.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IpadicTokenizer } from '../../../lib/lang/ja/dictionary';
import { loadJaTokenizer, loadKuromojiStock } from '../../../lib/lang/ja/node-loader';
import { wrapKuromoji, type JaTokenizer, type KuromojiTokenizer } from '../../../lib/lang/ja/tokenizer';

/** The KeiCO corpus (../shared/eval, CC BY 4.0) when this checkout has it next door. */
const KEICO = fileURLToPath(new URL('../../../../shared/eval/keico-dev.csv', import.meta.url));
const BENCH_TEXTS = fileURLToPath(new URL('../../../scripts/bench/texts/', import.meta.url));

/** Every 15th row of KeiCO's first column (≈ 450 sentences across all levels and scenes). */
function keicoSample(): string[] {
  if (!fs.existsSync(KEICO)) return [];
  const rows = fs.readFileSync(KEICO, 'utf8').split('\n').slice(1);
  return rows
    .map((row) => row.split(',')[0] ?? '')
    .filter((text, i) => text.length > 0 && i % 15 === 0);
}

/** Every line of the benchmark's Japanese support replies (committed with the repository). */
function benchLines(): string[] {
  return fs
    .readdirSync(BENCH_TEXTS)
    .filter((name) => name.startsWith('ja-'))
    .flatMap((name) => fs.readFileSync(path.join(BENCH_TEXTS, name), 'utf8').split('\n'))
    .filter((line) => line.trim().length > 0);
}

const CORNER_CASES = [
  '',
  'お世話になっております。株式会社トーンブリッジ、カスタマーサポートの山田です。',
  'ご不便をおかけしており、誠に申し訳ございません！！原因を調査中です？',
  '😊ありがとうございます😊、またのご利用をお待ちしております😊',
  '𠮷野家の件でご連絡いたしました、𩸽の定食です。',
  'ｶｽﾀﾏｰｻﾎﾟｰﾄ　ﾃｽﾄです',
  'Version 2.3.1 の iOS アプリで、ログインできない不具合が発生しています。',
  'ＡＢＣ株式会社様\n\nいつもお世話になっております。\n\n本件、24時間以内にご連絡いたします。\n',
  'エラーコード：E-1024（タイムアウト）が表示されます。',
  '  \t先頭と末尾の空白  ',
  '「確認しました」とおっしゃっていましたが、本当ですか。',
  'ログイン→設定→アカウント→パスワード変更の順にお進みください',
  'αβγ ДЖЗ ｗｗｗ ＿＿ ・・・ ！？',
  'ーーー、、。。',
  'チョコレートパフェスペシャルデラックスバージョンアップグレードプログラム',
];

let ours: IpadicTokenizer;
let stock: KuromojiTokenizer;
let stockWrapped: JaTokenizer;

beforeAll(async () => {
  [ours, stock] = await Promise.all([loadJaTokenizer(), loadKuromojiStock()]);
  stockWrapped = wrapKuromoji(stock);
});

describe('IPADIC tokenizer parity with kuromoji 0.1.2', () => {
  it('has a varied sample', () => {
    expect(benchLines().length).toBeGreaterThan(100);
    expect(new Set(benchLines()).size).toBeGreaterThan(100);
  });

  it('gives kuromoji’s raw tokens, field for field, on support replies', () => {
    const mismatches = benchLines().filter(
      (text) => JSON.stringify(ours.tokenizeKuromoji(text)) !== JSON.stringify(stock.tokenize(text)),
    );
    expect(mismatches).toEqual([]);
  });

  it.skipIf(!fs.existsSync(KEICO))('gives kuromoji’s raw tokens, field for field, on KeiCO sentences', () => {
    const sample = keicoSample();
    expect(new Set(sample).size).toBeGreaterThan(300);
    const mismatches = sample.filter(
      (text) => JSON.stringify(ours.tokenizeKuromoji(text)) !== JSON.stringify(stock.tokenize(text)),
    );
    expect(mismatches).toEqual([]);
  });

  it('gives kuromoji’s raw tokens on corner cases', () => {
    for (const text of CORNER_CASES) {
      expect(ours.tokenizeKuromoji(text), JSON.stringify(text)).toEqual(stock.tokenize(text));
    }
  });

  it('gives the same JaTokens as the kuromoji wrapper, with offsets that index the text', () => {
    for (const text of [...benchLines(), ...keicoSample(), ...CORNER_CASES]) {
      const tokens = ours.tokenize(text);
      expect(tokens, JSON.stringify(text)).toEqual(stockWrapped.tokenize(text));
      for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.surface);
    }
  });

  it('analyses a whole multi-paragraph reply in one call like kuromoji (word_position carried across pieces)', () => {
    const reply = fs.readFileSync(path.join(BENCH_TEXTS, 'ja-long.txt'), 'utf8');
    expect(ours.tokenizeKuromoji(reply)).toEqual(stock.tokenize(reply));
  });

  it('keeps the words kuromoji drops after a run of characters outside the BMP (its length counts UTF-16 units)', () => {
    const cases: [string, string[]][] = [
      ['😅😅申し訳ございません。', ['😅😅', '申し訳', 'ござい', 'ませ', 'ん', '。']],
      ['ます😊😊、また', ['ます', '😊😊', '、', 'また']],
      ['𠮷𠮷野家の件', ['𠮷𠮷', '野家', 'の', '件']],
    ];
    for (const [text, surfaces] of cases) {
      expect(stockWrapped.tokenize(text).map((t) => t.surface).join(''), `kuromoji loses part of ${text}`).not.toBe(text);
      const tokens = ours.tokenize(text);
      expect(tokens.map((t) => t.surface)).toEqual(surfaces);
      for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.surface);
    }
  });

  it('does not throw on a lone surrogate (kuromoji does) and keeps offsets exact', () => {
    const text = 'ご確認\uD83Dください。';
    expect(() => stock.tokenize(text)).toThrow();
    const tokens = ours.tokenize(text);
    expect(tokens.map((t) => t.surface).join('')).toBe(text);
    expect(tokens.find((t) => t.surface === 'ください')).toBeDefined();
  });
});
