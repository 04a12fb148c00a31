import detector from '../../../../lib/engine/detectors/ja/refusal-without-alternative';
import { testDetector } from '../../../helpers/detector-tester';

testDetector(detector, {
  valid: [
    { text: '誠に申し訳ございませんが、返品はいたしかねます。代わりに、無償で修理を承ります。', why: 'an alternative follows' },
    { text: 'キャンセルはいたしかねます。お手数ですが、商品到着後にマイページから返品をお申し込みいただけます。', why: 'a way forward the customer can take (corpus ja-e20)' },
    {
      text: '契約内容をお伝えすることはいたしかねます。ご契約者様の委任状をご用意いただければ、ご案内することが可能です。',
      why: 'a condition under which it is possible (corpus ja-e29)',
    },
    { text: '返品はしなくて大丈夫です。', why: 'no need to: not a refusal' },
    { text: 'セール品のため、返品はいたしかねます。交換をご希望の場合は、注文番号をお知らせください。', why: 'another remedy offered on the customer’s word (examples/replies/jp-refund-refusal.txt)' },
    { text: '返金の件、ご検討いただくことはできませんでしょうか。', why: 'a request, not a refusal' },
    { text: '現時点で対応時期はお約束できかねますが、いただいたお声は今後の改善の参考にさせていただきます。', why: 'what we will do, in the same sentence (corpus ja-e17)' },
    { text: 'キャンセルのお手続きはいたしかねます。お手数ですが、マイページの「返品申請」からお手続きいただけますでしょうか。', why: 'a route asked as a question (corpus ja-e20)' },
    { text: '年額プランの途中解約による返金には対応しておりません。代わりに、更新を停止する設定をご案内いたします。' },
  ],
  invalid: [
    {
      text: '購入後30日を過ぎた商品の返品はできません。',
      findings: [{ message: 'refusal', span: '返品はできません', data: { text: '返品はできません' } }],
    },
    {
      text: '誠に申し訳ございませんが、セール品の返金はいたしかねます。\n\nよろしくお願いいたします。',
      findings: [{ message: 'refusal', span: 'いたしかねます' }],
    },
    {
      text: 'なお、セール品の交換はお受けできません。',
      findings: [{ message: 'refusal', span: 'お受けできません' }],
    },
  ],
});
