import detector from '../../../../lib/engine/detectors/ja/missing-closing';
import { testDetector } from '../../../helpers/detector-tester';

const CLOSING = '今後ともよろしくお願い申し上げます。';

testDetector(detector, {
  valid: [
    { text: '小西様\nご不明な点がございましたら、私、小西まで直接ご連絡ください。\nどうぞご無理をなさいませんよう、お体を大切になさってください。\n\nスポーツクラブ・リブラ 小西', why: 'a wish for the reader\'s health closes the letter (h31ja-14)' },
    { text: '三宅 様\nご連絡ありがとうございます。明日のご予約を、11時00分に変更いたしました。診察券をお持ちのうえ、10分前までに受付へお越しください。\nどうぞお大事になさってください。\n\nさくら内科クリニック 予約受付', why: 'お大事に is a clinic\'s closing (h20ja-17)' },
    { text: 'はい、CSVで出力できます。「請求書」一覧の右上にある「︙」メニューから「CSVエクスポート」をお選びください。', why: 'a chat message (no address line, greeting or signature) does not close like a letter (h16ja-30)' },
    { text: '交換品は本日発送いたしました。\nご不明な点がございましたら、お気軽にお問い合わせください。\n――――\nあおば家電 お客様サポート\n山田 優子', why: 'the last line closes the reply in its own way' },
    { text: 'ご迷惑をおかけしましたこと、心よりお詫び申し上げます。返金は本日手続きいたしました。\n重ねてお詫び申し上げます。\nさくら電力 お客様センター\n北村 智子', why: 'an apology reply closing with 重ねてお詫び申し上げます' },
    { text: 'ご予約の変更を承りました。確認書を添付いたしました。\n斎藤様のお越しを、スタッフ一同心よりお待ち申し上げております。', why: 'a hotel’s closing formula' },
    { text: 'ご注文の商品は本日発送いたしました。今後ともよろしくお願い申し上げます。' },
    { text: '田中様\nお世話になっております。\nご確認のほど、よろしくお願いいたします。' },
    { text: '承知いたしました。', why: 'one sentence: the agent may still be writing' },
    { text: 'ご来店を心よりお待ちしております。ありがとうございました。' },
    { text: '資料をお送りいたします。何卒よろしくお願い申し上げます。\n\n--\nサポートセンター 佐藤' },
    { text: 'Thank you. We shipped it today.', why: 'English is not this rule’s business' },
    { text: '渡辺様\n保険金のご請求には、以下の書類が必要となります。\nご不明な点はお気軽にお問い合わせください。\n一日も早いご回復を心よりお祈り申し上げます。', why: 'a wish for the reader closes the reply (held-out round 5)' },
  ],
  invalid: [
    {
      text: '田中様\nお世話になっております。\nご注文の商品は本日発送いたしました。',
      findings: [{ message: 'missing', span: '', data: { closing: CLOSING } }],
      output: `田中様\nお世話になっております。\nご注文の商品は本日発送いたしました。\n${CLOSING}`,
    },
    {
      text: '佐藤様\nご注文の商品は本日発送いたしました。到着まで今しばらくお待ちください。',
      findings: [{ message: 'missing', span: '' }],
      output: `佐藤様\nご注文の商品は本日発送いたしました。到着まで今しばらくお待ちください。\n${CLOSING}`,
    },
    {
      text: '鈴木様\n返金の手続きが完了いたしました。\n\n--\nサポートセンター 佐藤\nsupport@example.com',
      findings: [{ message: 'missing', span: '' }],
      output: `鈴木様\n返金の手続きが完了いたしました。\n${CLOSING}\n\n--\nサポートセンター 佐藤\nsupport@example.com`,
    },
    {
      text: 'パスワードを再設定いたしました。新しいパスワードでログインしてください。\n\nサポートセンター 佐藤\n',
      findings: [{ message: 'missing', span: '' }],
      output: `パスワードを再設定いたしました。新しいパスワードでログインしてください。\n${CLOSING}\n\nサポートセンター 佐藤\n`,
    },
    {
      text: 'お問い合わせありがとうございます。\nご質問の件、確認いたします。\n\nカスタマーサポート 山本',
      findings: [{ message: 'missing', span: '' }],
      output: `お問い合わせありがとうございます。\nご質問の件、確認いたします。\n${CLOSING}\n\nカスタマーサポート 山本`,
    },
  ],
});
