import detector from '../../../../lib/engine/detectors/ja/plain-ending';
import { testDetector } from '../../../helpers/detector-tester';

testDetector(detector, {
  valid: [
    { text: '居酒屋 とりまる\n丸山様\n\nいつもお世話になっております。', why: 'the shop line above the address line is part of the address (h14ja-15)' },
    { text: 'フリーダイヤル：0120-418-226（受付 9:00〜18:00／年末年始を除く）', why: 'a note in brackets, not a sentence ending' },
    { text: '返品は商品到着後7日以内にお申し出ください（未開封の商品に限る）', why: 'a note in brackets after a polite sentence' },
    { text: '田中様\nお世話になっております。\nご注文の商品は本日発送いたしました。\n今後ともよろしくお願い申し上げます。' },
    { text: 'ご確認のほど、よろしくお願いいたします。' },
    { text: '商品が届かない場合は、お手数ですがご連絡ください。', why: 'a plain form inside a conditional clause is normal polite writing' },
    { text: '確認したところ、発送済みでした。', why: 'the plain 確認した is a subordinate clause; the sentence ends politely' },
    { text: '【ご注文内容】\n・商品名：マグカップ\n・数量：2個\n・お届け予定：3日後に到着する', why: 'bullet lines are notes, not sentences to the customer' },
    { text: 'お客様から「ログインできない」とのご連絡をいただきました。', why: 'a quote of the customer keeps their words' },
    { text: '> 商品がまだ届かない。\nご不便をおかけしております。', why: 'an e-mail quote line' },
    { text: 'ご注文番号：12345', why: 'a label, no predicate' },
  ],
  invalid: [
    {
      text: 'ご注文の件、在庫を確認した。',
      findings: [{ message: 'plain', span: '確認した', data: { polite: '確認しました' } }],
      output: 'ご注文の件、在庫を確認しました。',
    },
    {
      text: '申し訳ございませんが、返品はできない。',
      findings: [{ message: 'plain', span: 'できない', data: { polite: 'できません' } }],
      output: '申し訳ございませんが、返品はできません。',
    },
    {
      text: '原因はサーバーの不具合だ。本日中に修正いたします。',
      findings: [{ message: 'plain', span: '不具合だ' }],
      output: '原因はサーバーの不具合です。本日中に修正いたします。',
    },
    {
      text: '明日、担当者が伺う予定です。代替品は明後日に送る。',
      findings: [{ message: 'plain', span: '送る', data: { polite: '送ります' } }],
      output: '明日、担当者が伺う予定です。代替品は明後日に送ります。',
    },
    {
      text: 'ご迷惑をおかけしております。原因は設定の誤りである。',
      findings: [{ message: 'mixed', span: '誤りである', data: { polite: '誤りです' } }],
      output: 'ご迷惑をおかけしております。原因は設定の誤りです。',
    },
    {
      text: 'もう届いてるよね。',
      findings: [{ message: 'plain', span: '届いてる' }],
      output: 'もう届いていますよね。',
    },
    {
      text: '設定画面から再度ログインして。',
      findings: [{ message: 'plain', span: 'ログインして' }],
      output: '設定画面から再度ログインしてください。',
    },
    {
      text: '荷物は昨日届かなかった。大変申し訳ございません。',
      findings: [{ message: 'plain', span: '届かなかった' }],
      output: '荷物は昨日届きませんでした。大変申し訳ございません。',
    },
  ],
});
