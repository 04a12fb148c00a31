import detector from '../../../../lib/engine/detectors/ja/blames-customer';
import { testDetector } from '../../../helpers/detector-tester';

testDetector(detector, {
  valid: [
    { text: 'お客様がご指摘のとおり、弊社のシステムの設定が誤っていたことが原因です。', why: 'the customer is the subject of ご指摘 only; 弊社のシステム is the cause' },
    { text: 'お客様がご指摘のとおり、配送業者が住所を読み違えたことが原因です。', why: 'another subject (配送業者が) stands between' },
    { text: 'お届け先のご住所に番地の記載が抜けていたため、商品が配送センターに戻ってきておりました。', why: 'what happened, without pointing at the customer (corpus ja-e28)' },
    { text: '弊社の確認漏れにより、発送が遅れました。', why: 'our own fault' },
    { text: 'お客様のご希望により、配送日を変更いたしました。', why: 'a wish is not a fault' },
    { text: 'カケルでは、不正アクセスを防ぐため、パスワードを続けて5回誤って入力されるとロックされる仕組みのため、現在その状態になっております。', why: 'how the system works (corpus ja-e08)' },
  ],
  invalid: [
    {
      text: '今回のご請求は、お客様の届出漏れが原因です。',
      findings: [{ message: 'blame', span: 'お客様の届出漏れが原因' }],
    },
    {
      text: 'ご注文データを確認いたしましたところ、丸山様が発注画面で単位を「ケース」で入力されていたことが原因です。',
      findings: [{ message: 'blame', span: '丸山様が発注画面で単位を「ケース」で入力されていたことが原因' }],
    },
    {
      text: '確認いたしましたところ、お客様がマイページで変更されたのは「請求先住所」のみで、「お届け先住所」を変更されていなかったことが原因です。',
      findings: [{ message: 'blame', span: 'お客様がマイページで変更されたのは「請求先住所」のみで、「お届け先住所」を変更されていなかったことが原因' }],
    },
    {
      text: 'クリームの分離は、お客様が直射日光の当たる高温の場所で保管されたことが原因です。',
      findings: [{ message: 'blame', span: 'お客様が直射日光の当たる高温の場所で保管されたことが原因' }],
    },
    {
      text: '確認したところ、お客様のルーターの設定ミスが原因です。',
      findings: [{ message: 'blame', span: 'お客様のルーターの設定ミスが原因' }],
    },
    {
      text: 'お客様の入力ミスにより、ご注文の数量が10個になっていました。',
      findings: [{ message: 'blame', span: 'お客様の入力ミスにより' }],
    },
  ],
});
