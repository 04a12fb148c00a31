import { describe, expect, it } from 'vitest';
import { detectLang, sentenceLang } from '../../lib/engine/language';

describe('language detection', () => {
  it.each([
    ['ご注文の商品を発送いたしました。', 'ja'],
    ['Zendeskの設定をご確認ください。', 'ja'],
    ['Thanks for reaching out!', 'en'],
    ['Order #12345', 'en'],
    ['田中様', 'ja'],
    ['12345 — ---', undefined],
  ])('sentence %s → %s', (text, lang) => {
    expect(sentenceLang(text)).toBe(lang);
  });

  it.each([
    ['田中様\nお世話になっております。\nご注文の件、確認いたしました。', 'ja'],
    ['Hi Jane,\nThanks for your patience. Your refund is on its way.', 'en'],
    ['田中様\nお世話になっております。ご注文の件、確認いたしました。\nDear Mr. Tanaka,\nThank you for your order. We have shipped it today and it will arrive tomorrow.', 'mixed'],
    ['ご確認ください。\nOrder ID: 1234', 'ja'],
    ['', 'unknown'],
  ])('message %s → %s', (text, lang) => {
    expect(detectLang(text)).toBe(lang);
  });
});
