import detector from '../../../../lib/engine/detectors/ja/dismissive-language';
import { testDetector } from '../../../helpers/detector-tester';

const complaint = { customerMessage: '設定方法を何度読んでも分かりません。いつになったら使えるようになるのですか。' };

testDetector(detector, {
  valid: [
    { text: '設定方法は、マニュアルの12ページをご覧いただければお分かりいただけます。', context: complaint, why: 'ご覧 points the way to a page; no guess that the customer should have known' },
    { text: '以前ご案内したとおり、返金には5営業日ほどかかります。', why: 'no も: ordinary business wording' },
    { text: '先ほどもお伝えしましたが、改めてご説明いたします。', why: 'goes on to explain again' },
    { text: '説明書の12ページをご覧いただければ、設定方法がお分かりいただけます。', why: 'an honorific pointer to the exact page' },
    { text: '説明書の12ページをご覧いただくと、設定方法が分かります。' },
    { text: '前回のご注文と同じ住所にお届けいたします。', why: '前回 without a verb of telling' },
    { text: '前回のメールでご案内した手順で、設定を変更いただけます。', why: 'no も: a pointer to what was sent, not a reproach' },
    { text: '何度もお手数をおかけし、誠に申し訳ございません。', why: '何度も with an apology, not a reminder' },
    {
      text: '交換品は本日発送いたしました。本件はこれで終了とさせていただきますが、何かございましたらいつでもご連絡ください。',
      context: { customerMessage: '届いた商品が壊れていました。交換をお願いします。' },
      why: 'a resolved case may be closed',
    },
    { text: 'これ以上ご不便をおかけしないよう、担当者一同努めてまいります。', why: 'これ以上 with no refusal of a response' },
  ],
  invalid: [
    {
      text: '注文画面の操作方法は、取引マニュアルをお読みいただければお分かりになるかと存じます。',
      context: complaint,
      findings: [{ message: 'referral', span: '取引マニュアルをお読みいただければお分かりになるかと存じ' }],
    },
    {
      text: '前回のメールでもご説明したとおり、解約月の料金は日割りになりません。',
      context: complaint,
      findings: [{ message: 'reminder', span: '前回のメールでもご説明したとおり' }],
      output: '解約月の料金は日割りになりません。',
    },
    {
      text: 'その件については、前にも説明したとおりです。',
      context: complaint,
      findings: [{ message: 'reminder', span: '前にも説明したとおり' }],
    },
    {
      text: '何度も申し上げておりますが、返品はお受けできません。',
      context: complaint,
      findings: [{ message: 'reminder', span: '何度も申し上げておりますが' }],
      output: '返品はお受けできません。',
    },
    {
      text: '先ほどもお伝えしましたように、配送は来週になります。',
      findings: [{ message: 'reminder', span: '先ほどもお伝えしましたように' }],
      output: '配送は来週になります。',
    },
    {
      text: 'マニュアルを読めば分かると思います。',
      context: complaint,
      findings: [{ message: 'referral', span: 'マニュアルを読めば分かる' }],
    },
    {
      text: 'よくある質問のページを見ればわかります。',
      findings: [{ message: 'referral', span: 'ページを見ればわかり' }],
    },
    {
      text: '本件はこれで終了とさせていただきます。',
      context: complaint,
      findings: [{ message: 'closure', span: '本件はこれで終了とさせていただきます' }],
    },
    {
      text: '恐れ入りますが、これ以上の対応はいたしかねます。',
      context: complaint,
      findings: [{ message: 'closure', span: 'これ以上の対応はいたしかねます' }],
    },
  ],
});
