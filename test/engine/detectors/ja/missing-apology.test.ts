import detector from '../../../../lib/engine/detectors/ja/missing-apology';
import { testDetector } from '../../../helpers/detector-tester';

const APOLOGY = 'このたびはご迷惑をおかけしており、誠に申し訳ございません。';

testDetector(detector, {
  valid: [
    { text: '田中様\nお世話になっております。\nご注文の商品が届いていない件、誠に申し訳ございません。\n本日再発送いたしました。' },
    { text: 'お問い合わせいただきありがとうございます。\nご依頼の資料をお送りいたします。', why: 'no problem: nothing to apologise for' },
    { text: 'ログインできない件について、ご不便をおかけしており大変申し訳ありません。', why: '申し訳ありません is a sincere apology' },
    { text: '配送の遅延につきまして、深くお詫び申し上げます。' },
    { text: 'ご請求の件、確認いたしました。', context: { customerMessage: '請求書を送ってください。' }, why: 'the customer reports no problem' },
    { text: 'Thank you for your order.', why: 'English text is not this rule’s business' },
  ],
  invalid: [
    {
      text: '田中様\nお世話になっております。\nご注文の商品が届いていない件について確認しました。',
      findings: [{ message: 'missing', span: '' }],
      output: `田中様\nお世話になっております。\n${APOLOGY}\nご注文の商品が届いていない件について確認しました。`,
    },
    {
      text: 'ご連絡いただいたエラーについて調査いたします。',
      findings: [{ message: 'missing', span: '' }],
      output: `${APOLOGY}\nご連絡いただいたエラーについて調査いたします。`,
    },
    {
      text: '山田様\n確認したところ、発送済みでした。',
      context: { customerMessage: '注文した商品がまだ届きません。どうなっていますか。' },
      findings: [{ message: 'missing', span: '' }],
      output: `山田様\n${APOLOGY}\n確認したところ、発送済みでした。`,
    },
    {
      text: '配送が遅れてすみません。明日お届けします。',
      findings: [{ message: 'casual', span: 'すみません', data: { formal: '申し訳ございません' } }],
      output: '配送が遅れて申し訳ございません。明日お届けします。',
    },
    {
      text: 'エラーが出てしまい、本当にすみませんでした。',
      findings: [{ message: 'casual', span: '本当にすみませんでした' }],
      output: 'エラーが出てしまい、誠に申し訳ございませんでした。',
    },
  ],
});
