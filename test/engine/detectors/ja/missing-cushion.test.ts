import detector from '../../../../lib/engine/detectors/ja/missing-cushion';
import { testDetector } from '../../../helpers/detector-tester';

testDetector(detector, {
  valid: [
    { text: '誠に申し訳ございませんが、返品はいたしかねます。' },
    { text: 'お手数をおかけしますが、注文番号をお知らせください。' },
    { text: '恐れ入りますが、少々お待ちください。' },
    { text: 'ご不明な点がございましたら、お気軽にお問い合わせください。', why: 'an offer, not an imposition' },
    { text: '注文番号をお知らせいただけますでしょうか。', why: 'a request asked as a question is already indirect' },
    { text: '今後ともよろしくお願いいたします。', why: 'a closing formula' },
    { text: 'お手数ですが、以下の手順をお試しください。\n1. アプリを再起動してください。', why: 'the cushion of the sentence before covers the steps' },
    { text: '詳しくは添付の資料をご覧ください。', why: 'pointing to a document is not an imposition' },
    { text: '商品が届かない場合は、ご連絡ください。', why: 'conditional: an offer of help' },
    { text: '不手際をお許しください。', why: 'a plea for forgiveness is not a request of effort' },
    { text: '再発送の手続きを進めさせていただきたく存じます。', why: 'させていただきたく is about our own action' },
    { text: '返金の件、ご検討いただくことはできませんでしょうか。', why: '〜ことはできませんでしょうか is a request, not a refusal' },
  ],
  invalid: [
    {
      text: '返品はいたしかねます。',
      findings: [{ message: 'refusal', span: 'いたしかねます', data: { cushion: '誠に申し訳ございませんが' } }],
      output: '誠に申し訳ございませんが、返品はいたしかねます。',
    },
    {
      text: 'ご注文番号をお知らせください。',
      findings: [{ message: 'request', span: 'ください', data: { cushion: 'お手数をおかけしますが' } }],
      output: 'お手数をおかけしますが、ご注文番号をお知らせください。',
    },
    {
      text: '発送まで少々お待ちください。',
      findings: [{ message: 'request', span: 'ください', data: { cushion: '恐れ入りますが' } }],
      output: '恐れ入りますが、発送まで少々お待ちください。',
    },
    {
      text: 'なお、セール品の交換はお受けできません。',
      findings: [{ message: 'refusal', span: 'お受けできません' }],
      output: 'なお、誠に申し訳ございませんが、セール品の交換はお受けできません。',
    },
    {
      text: '本人確認のため、身分証明書の写しをご提出いただきますようお願いいたします。',
      findings: [{ message: 'request', span: 'いただきますよう' }],
      output: 'お手数をおかけしますが、本人確認のため、身分証明書の写しをご提出いただきますようお願いいたします。',
    },
    {
      text: '田中様\nお世話になっております。\n同封の返送用伝票にご記入のうえ、商品をご返送ください。',
      findings: [{ message: 'request', span: 'ください' }],
      output: '田中様\nお世話になっております。\nお手数をおかけしますが、同封の返送用伝票にご記入のうえ、商品をご返送ください。',
    },
    {
      text: '仕様上、その設定の変更はできません。',
      findings: [{ message: 'refusal', span: 'はできません' }],
      output: '誠に申し訳ございませんが、仕様上、その設定の変更はできません。',
    },
  ],
});
