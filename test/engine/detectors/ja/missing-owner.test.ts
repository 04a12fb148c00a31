import detector, { ownName } from '../../../../lib/engine/detectors/ja/missing-owner';
import { describe, expect, it } from 'vitest';
import { testDetector } from '../../../helpers/detector-tester';

testDetector(detector, {
  valid: [
    { text: '松井様\n\n街灯の不点灯についてご連絡いただき、ありがとうございます。\n12月11日（金）までに修理を完了する予定です。完了しましたら、メールでお知らせいたします。', context: { customerMessage: '自宅前の街灯が消えたままです。' }, why: 'no signature typed: the helpdesk may add the agent’s own' },
    { text: '竹内様\n\n8月10日の公演を中止することとなり、誠に申し訳ございません。\nチケット代金は、8月20日（火）にクレジットカードへ返金いたします。お客様によるお手続きは必要ございません。\n\nサマーウェーブ運営事務局', context: { customerMessage: 'チケット代はいつ返金されますか。' }, why: 'a dated refund with nothing more to come: settled, a team signature is fine (h6ja-16)' },
    { text: '松井様\n\n街灯の不点灯についてご連絡いただき、ありがとうございます。ご不安な思いをおかけし、誠に申し訳ございません。\n\n安定器の故障が原因と判明いたしました。12月11日（金）までに修理を完了する予定です。完了しましたら、メールでお知らせいたします。\n\n緑川市 道路管理課\n佐々木', context: { customerMessage: '自宅前の街灯が1週間以上消えたままです。' }, why: 'a scheduled case signed by a person' },
    { text: 'お客様各位\n\n本日13時頃から、オンラインストアにアクセスしにくい状態が発生しております。深くお詫び申し上げます。復旧の見込みは本日16時頃でございます。\n\n――――――――――\nあおば家電 お客様サポート', why: 'a notice to many (各位) has no one case to own' },
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
      text: '松井様\n\n街灯の不点灯についてご連絡いただき、ありがとうございます。ご不安な思いをおかけし、誠に申し訳ございません。\n\n安定器の故障が原因と判明いたしました。12月11日（金）までに修理を完了する予定です。完了しましたら、メールでお知らせいたします。\n\n緑川市 道路管理課',
      context: { customerMessage: '自宅前の街灯が1週間以上消えたままです。' },
      findings: [{ message: 'teamOnly', span: '' }],
      output: '松井様\n\n街灯の不点灯についてご連絡いただき、ありがとうございます。ご不安な思いをおかけし、誠に申し訳ございません。\n\n安定器の故障が原因と判明いたしました。12月11日（金）までに修理を完了する予定です。完了しましたら、メールでお知らせいたします。\n本件は引き続き私、〈担当者名〉が担当いたします。\n\n緑川市 道路管理課',
    },
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
