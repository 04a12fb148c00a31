import { describe, expect, it } from 'vitest';
import { splitEnglish } from '../../lib/lang/en/analyzer';
import { splitJapanese } from '../../lib/lang/ja/split';
import { testEngine } from '../helpers/engine';

const pieces = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe('Japanese sentence segmentation', () => {
  it.each([
    ['お世話になっております。ご注文の件です。', ['お世話になっております。', 'ご注文の件です。']],
    ['「届いていない。」とのご連絡をいただきました。', ['「届いていない。」とのご連絡をいただきました。']],
    ['本当ですか！？ありがとうございます。', ['本当ですか！？', 'ありがとうございます。']],
    ['（詳細は後述します。）以上です', ['（詳細は後述します。）以上です']],
    ['　ご確認ください。　', ['ご確認ください。']],
    ['承知しました', ['承知しました']],
    // A name with a mark in it (Yahoo!メール) is not two sentences; a mark after a word still ends one.
    ['Yahoo!メールでは迷惑メールに届く場合がございます。', ['Yahoo!メールでは迷惑メールに届く場合がございます。']],
    ['ありがとうございます!本日発送しました。', ['ありがとうございます!', '本日発送しました。']],
    ['ご利用はYahoo! 以上です。', ['ご利用はYahoo!', '以上です。']],
  ])('%s', (text, expected) => {
    expect(pieces(text, splitJapanese(text))).toEqual(expected);
  });
});

describe('English sentence segmentation', () => {
  it.each([
    ['Hi Jane. Thanks for reaching out!', ['Hi Jane.', 'Thanks for reaching out!']],
    ['Mr. Smith paid $10.50 today. It arrived.', ['Mr. Smith paid $10.50 today.', 'It arrived.']],
    ['Is it fixed? Yes.', ['Is it fixed?', 'Yes.']],
    ['  No punctuation at all  ', ['No punctuation at all']],
    ['Your order (#123) shipped. Track it here: https://ex.com/t?id=1. Thanks!', ['Your order (#123) shipped.', 'Track it here: https://ex.com/t?id=1.', 'Thanks!']],
    // A bullet: compromise's sentence length counts the "- " its start skips; the end must not overshoot.
    ['- We refunded the charge this morning. Depending on your bank, it takes 3 days.', ['We refunded the charge this morning.', 'Depending on your bank, it takes 3 days.']],
    ['  - Hi there. Thanks!', ['Hi there.', 'Thanks!']],
  ])('%s', (text, expected) => {
    expect(pieces(text, splitEnglish(text))).toEqual(expected);
  });
});

describe('engine offsets', () => {
  it('gives every sentence exact UTF-16 offsets into the whole text, across lines and languages', async () => {
    const engine = await testEngine();
    const text = '田中様\r\nお世話になっております。😀ご注文の件です。\n\nHi Jane. Thanks!\n';
    const doc = engine.analyzeText(text);
    for (const s of doc.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(doc.sentences.map((s) => [s.lang, s.text])).toEqual([
      ['ja', '田中様'],
      ['ja', 'お世話になっております。'],
      ['ja', '😀ご注文の件です。'],
      ['en', 'Hi Jane.'],
      ['en', 'Thanks!'],
    ]);
    for (const s of doc.sentences) {
      if (s.lang !== 'ja') continue;
      for (const t of s.ja.tokens) expect(s.text.slice(t.start, t.end)).toBe(t.surface);
    }
  });
});
