import detector, { customerSurname } from '../../../../lib/engine/detectors/ja/customer-address';
import { describe, expect, it } from 'vitest';
import { testDetector } from '../../../helpers/detector-tester';

testDetector(detector, {
  valid: [
    { text: '貴社からのお問い合わせは、引き続き私が窓口となって対応いたします。', why: '貴社からの modifies お問い合わせ: the customer’s company, rightly' },
    { text: '田中様\nお世話になっております。' },
    { text: 'お客様のご注文は本日発送いたしました。' },
    { text: '明日、御社に伺います。', why: '御社 as the destination is the customer’s company' },
    { text: '御社のご担当者様にもお伝えください。' },
    { text: '弊社では返品を承っております。' },
    { text: '配送業者の山田さんによると、明日到着予定とのことです。', why: 'a third party, not the customer, not our staff' },
    { text: 'あなた様のお気持ちはよく分かります。', why: 'あなた様 is honorific, if old-fashioned' },
    { text: '担当の佐藤から折り返しご連絡いたします。' },
    { text: 'ホーム画面の「あなたへのおすすめ」に表示される作品は、以下の手順で非表示にできます。', why: 'a menu label quoted verbatim, not the agent addressing the customer (held-out round 5)' },
  ],
  invalid: [
    {
      text: '前回桜井様を担当いたしましたスタイリストの佐藤さんは、毎週火曜日はお休みをいただいております。',
      findings: [{ message: 'inGroup', span: '佐藤さん' }],
    },
    {
      text: '田中さん、お世話になっております。',
      findings: [{ message: 'suffix', span: '田中さん', data: { better: '田中様' } }],
      output: '田中様、お世話になっております。',
    },
    {
      text: 'ご連絡ありがとうございます。鈴木さんのご注文を確認いたしました。',
      context: { customerName: '鈴木 一郎' },
      findings: [{ message: 'suffix', span: '鈴木さん' }],
      output: 'ご連絡ありがとうございます。鈴木様のご注文を確認いたしました。',
    },
    {
      text: 'あなたのご注文は発送済みです。',
      findings: [{ message: 'pronoun', span: 'あなた', data: { better: 'お客様' } }],
      output: 'お客様のご注文は発送済みです。',
    },
    {
      text: 'あなたのアカウントを確認しました。',
      context: { customerName: '山本 花子 様' },
      findings: [{ message: 'pronoun', span: 'あなた', data: { better: '山本様' } }],
      output: '山本様のアカウントを確認しました。',
    },
    {
      text: '担当の佐藤さんから折り返しご連絡いたします。',
      findings: [{ message: 'inGroup', span: '佐藤さん', data: { better: '佐藤' } }],
      output: '担当の佐藤から折り返しご連絡いたします。',
    },
    {
      text: '御社では返品を承っております。',
      findings: [{ message: 'ownCompany', span: '御社', data: { better: '弊社' } }],
      output: '弊社では返品を承っております。',
    },
    {
      text: 'お客さんからのお問い合わせが増えております。',
      findings: [{ message: 'word', span: 'お客さん', data: { better: 'お客様' } }],
      output: 'お客様からのお問い合わせが増えております。',
    },
    {
      text: '皆さんにご不便をおかけしております。',
      findings: [{ message: 'word', span: '皆さん' }],
      output: '皆様にご不便をおかけしております。',
    },
    {
      text: '株式会社ABCさんのご注文分を発送いたしました。',
      findings: [{ message: 'suffix', span: '株式会社ABCさん' }],
      output: '株式会社ABC様のご注文分を発送いたしました。',
    },
    {
      text: '弊社様の規定により、返金はいたしかねます。',
      findings: [{ message: 'ownHonorific', span: '弊社様', data: { better: '弊社' } }],
      output: '弊社の規定により、返金はいたしかねます。',
    },
  ],
});

describe('customerSurname', () => {
  it('takes the Japanese surname from the context name', () => {
    expect(customerSurname('田中 太郎')).toBe('田中');
    expect(customerSurname('田中様')).toBe('田中');
    expect(customerSurname('Jane Doe')).toBeUndefined();
    expect(customerSurname(undefined)).toBeUndefined();
  });
});
