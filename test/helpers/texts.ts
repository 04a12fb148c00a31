/**
 * Text generators for the property tests (fast-check): fragments of realistic Japanese and English
 * support replies mixed with what breaks text code — NUL and other controls, CRLF and Unicode line
 * separators, zero-width joiners and BOMs, right-to-left text and overrides, combining marks, emoji
 * (ZWJ sequences, flags, skin tones), lone surrogates, any code point, and long runs of one character.
 */
import fc from 'fast-check';

export const MAX_LENGTH = 20_000;

const JAPANESE = [
  'お問い合わせいただき',
  'ありがとうございます',
  '誠に申し訳ございません',
  '確認しました',
  'ご不便をおかけし',
  '返金いたします',
  '明日までにご連絡いたします',
  '担当の佐藤です',
  'です',
  'ます',
  'だよ',
  'ください',
  '見れます',
  '田中様',
  'ｗｗｗ',
  '（笑）',
  '、',
  '。',
  '！',
  '？',
  '…',
  'ー',
  '〜',
  '　',
  'ｱｲｳｴｵ',
  '①',
  '𠮷野家',
];
const ENGLISH = [
  'Hi Jane,',
  'Dear Mr. Tanaka,',
  'I think maybe',
  'sort of',
  'I just wanted to',
  'Thanks for reaching out!',
  'We apologize for the delay.',
  'Your refund is on its way',
  'Best regards,',
  'Cheers,',
  'sorry',
  "can't",
  'ASAP',
  'it was processed by the system',
  'lol',
  ':-)',
  ' ',
  '.',
  '!',
  '?',
  ',',
  '-',
];
const SPECIAL = [
  '\0',
  '\u0001',
  '\u007f',
  '\r\n',
  '\n',
  '\r',
  '\t',
  '\u2028',
  '\u2029',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u202e',
  '\u200f',
  'مرحبا بك',
  'שלום',
  'e\u0301',
  'か\u3099',
  '\u0301',
  '😅',
  '👨‍👩‍👧‍👦',
  '🇯🇵',
  '👍🏽',
  '\ud83d',
  '\ude05',
  '\ufffd',
];
/** Characters whose long runs have exposed backtracking or quadratic loops elsewhere. */
const RUN_CHARACTERS = ['w', 'ｗ', 'a', '!', '?', '！', '。', '、', 'ー', '〜', ' ', '　', '.', '-', '😅', '\0', 'あ', '漢', '\n'];

export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...JAPANESE) },
  { weight: 5, arbitrary: fc.constantFrom(...ENGLISH) },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...RUN_CHARACTERS), fc.integer({ min: 2, max: 400 }))
      .map(([c, n]) => c.repeat(n)),
  },
);

export const textOf = (maxFragments: number, minFragments = 0) =>
  fc.array(fragment, { minLength: minFragments, maxLength: maxFragments }).map((parts) => parts.join('').slice(0, MAX_LENGTH));
