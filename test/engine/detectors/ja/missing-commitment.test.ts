import detector from '../../../../lib/engine/detectors/ja/missing-commitment';
import { testDetector } from '../../../helpers/detector-tester';

const PROMISE = '24時間以内に、改めてご連絡いたします。';

testDetector(detector, {
  valid: [
    { text: '原田様\n「すこやか予約」サポート窓口の宮本でございます。\nご予約の確認ができず、ご不安をおかけして申し訳ございません。\nアカウントは、パスワードの入力が5回続けて一致しなかった場合、30分間ロックされる仕組みとなっております。\nお手数をおかけいたしますが、以下の方法でご利用を再開いただけます。\n・30分ほどお待ちいただいた後、再度ログインをお試しください。', context: { customerMessage: '診察予約アプリにログインできなくなりました。' }, why: 'the reply hands the customer a way to settle it now; nothing of ours is pending (held-out h5ja-10)' },
    { text: 'ログインできない件、原因を調査しております。本日中に改めてご連絡いたします。' },
    { text: '配送の遅延について確認し、明日の正午までにご報告いたします。' },
    { text: 'ご注文の商品は本日再発送いたしました。', why: 'resolved: nothing left to promise' },
    { text: '不具合を修正いたしました。お手数ですが、再度お試しください。', why: 'resolved' },
    { text: 'お問い合わせいただいた資料をお送りいたします。', why: 'no problem' },
    { text: '原因を調査し、3営業日以内にご報告いたします。' },
    { text: '調査結果は48時間以内にお知らせいたします。' },
  ],
  invalid: [
    {
      text: '長谷川様\nシャツのボタンを再び破損してしまい、誠に申し訳ございません。クリーニング代1,100円を全額返金いたします。',
      context: { customerMessage: 'またシャツのボタンが割れて戻ってきました。' },
      findings: [{ message: 'vague', span: '返金いたします', level: 'info' }],
    },
    {
      text: '田中様\nお世話になっております。\nログインできない件、原因を調査しております。\n今後ともよろしくお願い申し上げます。',
      findings: [{ message: 'missing', span: '' }],
      output: `田中様\nお世話になっております。\nログインできない件、原因を調査しております。\n${PROMISE}\n今後ともよろしくお願い申し上げます。`,
    },
    {
      text: 'エラーの原因を調査しております。',
      findings: [{ message: 'missing', span: '', data: { hours: 24 } }],
      output: `エラーの原因を調査しております。\n${PROMISE}`,
    },
    {
      text: '原因を調査しております。後ほどご連絡いたします。',
      context: { customerMessage: '画面にエラーが表示されます。' },
      findings: [{ message: 'vague', span: '後ほどご連絡いたします' }],
      output: '原因を調査しております。24時間以内にご連絡いたします。',
    },
    {
      text: '障害の影響範囲を確認しております。後ほど改めてご連絡いたします。',
      context: { customerMessage: 'サービスにログインできません。' },
      findings: [{ message: 'vague', span: '後ほど改めてご連絡いたします' }],
      output: '障害の影響範囲を確認しております。24時間以内に改めてご連絡いたします。',
    },
    {
      text: '現在確認中のため、改めてご報告いたします。',
      context: { customerMessage: '注文した商品がまだ届きません。' },
      findings: [{ message: 'vague', span: '改めてご報告いたします' }],
      output: '現在確認中のため、24時間以内に改めてご報告いたします。',
    },
    {
      text: '原因が判明し次第、ご連絡いたします。',
      context: { customerMessage: 'アプリが起動しません。' },
      findings: [{ message: 'vague', span: '原因が判明し次第、ご連絡いたします' }],
      output: '原因が判明し次第、ご連絡いたします。\nなお、24時間以内に一度、進捗をご報告いたします。',
    },
    {
      text: '山田様\n二重に請求されている件、確認いたします。\n\n--\nサポートセンター 佐藤',
      findings: [{ message: 'missing', span: '' }],
      output: `山田様\n二重に請求されている件、確認いたします。\n${PROMISE}\n\n--\nサポートセンター 佐藤`,
    },
  ],
});
