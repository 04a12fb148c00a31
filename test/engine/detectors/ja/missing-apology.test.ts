import detector, { fittingApology } from '../../../../lib/engine/detectors/ja/missing-apology';
import { describe, expect, it } from 'vitest';
import { testDetector } from '../../../helpers/detector-tester';

const GENERAL = 'このたびはご迷惑をおかけしており、誠に申し訳ございません。';
const DELAY = 'お届けが遅れ、ご迷惑をおかけしており誠に申し訳ございません。';
const DAMAGE = 'お届けした商品に不備があり、大変ご迷惑をおかけいたしました。誠に申し訳ございません。';
const BILLING = 'ご請求に関してご心配をおかけしており、誠に申し訳ございません。';
const MALFUNCTION = 'ご不便をおかけしており、誠に申し訳ございません。';

testDetector(detector, {
  valid: [
    {
      text: '斎藤様\nご予約を12月20日へ変更するお手続きを完了いたしました。キャンセル料はかかりません。',
      context: { customerMessage: '予約確認メールを見たら、日付を1か月間違えて予約していました。キャンセル料はかかりますか。' },
      why: 'the customer’s own slip (間違えて予約していました): nothing of ours to apologise for',
    },
    { text: 'ご連絡いただきありがとうございます。お役に立てて何よりです。', context: { customerMessage: 'おかげさまで問題なく使えています。ありがとうございました。' }, why: 'a thank-you: 問題なく is no problem (issue 12)' },
    { text: 'ルーターの再起動で無事に接続が回復したとのこと、安心いたしました。\nご不便をおかけいたしました。', context: { customerMessage: '再起動したら直りました。' }, why: 'ご不便をおかけいたしました is an apology, conjugated' },
    { text: '領収書はマイページから発行いただけます。', context: { customerMessage: '領収書はどこから発行できますか？' }, why: 'a plain question' },
    { text: '田中様\nお世話になっております。\nご注文の商品が届いていない件、誠に申し訳ございません。\n本日再発送いたしました。' },
    { text: 'お問い合わせいただきありがとうございます。\nご依頼の資料をお送りいたします。', why: 'no problem: nothing to apologise for' },
    { text: 'ログインできない件について、ご不便をおかけしており大変申し訳ありません。', why: '申し訳ありません is a sincere apology' },
    { text: '配送の遅延につきまして、深くお詫び申し上げます。' },
    { text: 'ご請求の件、確認いたしました。', context: { customerMessage: '請求書を送ってください。' }, why: 'the customer reports no problem' },
    { text: 'このたびはご心配をおかけし、失礼いたしました。エラーの原因を調査しております。', why: 'ご心配をおかけし… is a sincere apology' },
    { text: 'Thank you for your order.', why: 'English text is not this rule’s business' },
  ],
  invalid: [
    {
      text: '松本 様\n\nお世話になっております。カケルサポートデスクの石井です。\n\nログインできない件、確認いたします。',
      context: { customerMessage: 'ログインできません。' },
      findings: [{ message: 'missing', span: '' }],
      output: '松本 様\n\nお世話になっております。カケルサポートデスクの石井です。\nご不便をおかけしており、誠に申し訳ございません。\n\nログインできない件、確認いたします。',
    },
    {
      text: '田中様\nお世話になっております。\nご注文の商品が届いていない件について確認しました。',
      findings: [{ message: 'missing', span: '' }],
      output: `田中様\nお世話になっております。\n${DELAY}\nご注文の商品が届いていない件について確認しました。`,
    },
    {
      text: 'ご連絡いただいたエラーについて調査いたします。',
      findings: [{ message: 'missing', span: '' }],
      output: `${MALFUNCTION}\nご連絡いただいたエラーについて調査いたします。`,
    },
    {
      text: '山田様\n確認したところ、発送済みでした。',
      context: { customerMessage: '注文した商品がまだ届きません。どうなっていますか。' },
      findings: [{ message: 'missing', span: '' }],
      output: `山田様\n${DELAY}\n確認したところ、発送済みでした。`,
    },
    {
      text: '佐藤様\nいつもご利用いただきありがとうございます。\n交換品を手配いたしました。',
      context: { customerMessage: '届いたマグカップが割れていました。' },
      findings: [{ message: 'missing', span: '' }],
      output: `佐藤様\nいつもご利用いただきありがとうございます。\n${DAMAGE}\n交換品を手配いたしました。`,
    },
    {
      text: '鈴木様\nお世話になっております。二重に請求されている件、返金の手続きを進めております。',
      findings: [{ message: 'missing', span: '' }],
      output: `鈴木様\nお世話になっております。${BILLING}二重に請求されている件、返金の手続きを進めております。`,
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
    {
      text: '問題が起きてごめんなさい。すぐ直します。',
      findings: [{ message: 'casual', span: 'ごめんなさい', data: { casual: 'ごめんなさい' } }],
      output: '問題が起きて申し訳ございません。すぐ直します。',
    },
  ],
});

describe('fittingApology', () => {
  it('chooses the apology by what went wrong, in the draft or the customer message', () => {
    expect(fittingApology('ご注文の件', '商品がまだ届きません')).toBe(DELAY);
    expect(fittingApology('画面にエラーが表示される件')).toBe(MALFUNCTION);
    expect(fittingApology('ご質問の件')).toBe(GENERAL);
  });
});
