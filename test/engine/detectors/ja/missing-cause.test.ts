import detector from '../../../../lib/engine/detectors/ja/missing-cause';
import { testDetector } from '../../../helpers/detector-tester';

const KNOWN = '原因は〈原因をご記入ください〉であることが判明いたしました。';

testDetector(detector, {
  valid: [
    {
      text: '田中様\n\nお問い合わせいただきありがとうございます。\n申し訳ございませんが、16歳未満の方のアカウントでは、フレンド以外の方とのチャットはお受けいたしかねます。\n代わりに、フレンド登録をしていただくとすぐにチャットをご利用いただけます。\n\n今後ともよろしくお願いいたします。\n福田',
      context: { customerMessage: '年齢制限でフレンド以外とチャットできません。制限を外してください。' },
      why: 'the only apology cushions a refusal: the customer met a rule, and the rule is the explanation (h26ja-27)',
    },
    { text: '大変なご不便をおかけいたしましたこと、心よりお詫び申し上げます。このたびの切断は、以前のルーターの電源部品の劣化によるものでございました。', why: '〜の劣化によるもの states the cause' },
    { text: '二重にご請求しておりましたこと、誠に申し訳ございません。12月1日に決済システムの更新を行った際、同じ請求処理が2回実行されておりました。', why: 'what happened when (〜際) is the cause' },
    { text: 'ご注文の色は、想定を上回るご注文をいただいたことにより、一時的に在庫が不足しておりました。お届けが遅れており、誠に申し訳ございません。', why: 'a cause clause with ことにより before the failure' },
    { text: '破損した状態でお届けしてしまい、誠に申し訳ございません。配送中の積み重ねによる圧力で、袋の継ぎ目が裂けてしまったものと考えております。', why: 'Nで、 before the failure it caused' },
    { text: 'このたびはご迷惑をおかけし、誠に申し訳ございません。システム障害により、ログインできない状態となっておりました。' },
    { text: 'お届けが遅れ、誠に申し訳ございません。悪天候の影響で配送が遅れております。' },
    { text: '大変申し訳ございません。倉庫での確認漏れがあったため、発送が遅れました。' },
    { text: 'ご不便をおかけし申し訳ございません。現在、原因を調査しております。', why: 'investigating counts: the customer is told the cause will come' },
    { text: '確認いたしましたところ、配送業者の手違いで別の住所に届いておりました。大変申し訳ございません。' },
    { text: 'ご依頼の資料をお送りいたします。', why: 'no problem, nothing to explain' },
    { text: 'エラーの件、申し訳ございません。設定の誤りによるものでした。' },
  ],
  invalid: [
    {
      text: '吉川様\n\n確認しました。配送は来週になります。\nもう少しお待ちください。',
      context: { customerMessage: '注文してから2週間経ってもまだ届きません。いつになるんですか。' },
      findings: [{ message: 'missingWithApology', span: '' }],
    },
    {
      text: '田中様\nお世話になっております。\nご注文の商品が届いていない件、誠に申し訳ございません。\n本日再発送いたしました。',
      findings: [{ message: 'missing', span: '申し訳ございません' }],
      output: `田中様\nお世話になっております。\nご注文の商品が届いていない件、誠に申し訳ございません。\n${KNOWN}\n本日再発送いたしました。`,
    },
    {
      text: 'ログインできない件、ご不便をおかけしております。引き続きよろしくお願いいたします。',
      findings: [{ message: 'missing', span: 'ご不便をおかけし' }],
      output: `ログインできない件、ご不便をおかけしております。${KNOWN}引き続きよろしくお願いいたします。`,
    },
    {
      text: '二重請求の件、大変失礼いたしました。返金手続きを行いました。',
      findings: [{ message: 'missing', span: '失礼いたしました' }],
      output: `二重請求の件、大変失礼いたしました。${KNOWN}返金手続きを行いました。`,
    },
    {
      text: '配送が遅れてすみません。明日お届けします。',
      findings: [{ message: 'missing', span: 'すみません' }],
      output: `配送が遅れてすみません。${KNOWN}明日お届けします。`,
    },
    {
      text: '佐藤様\n商品が破損していたとのこと、深くお詫び申し上げます。',
      findings: [{ message: 'missing', span: 'お詫び' }],
      output: `佐藤様\n商品が破損していたとのこと、深くお詫び申し上げます。\n${KNOWN}`,
    },
    {
      text: 'アプリが起動しない件、ご迷惑をおかけして申し訳ありません。',
      context: { customerMessage: 'アプリが起動しません。' },
      findings: [{ message: 'missing', span: 'ご迷惑をおかけし' }],
      output: `アプリが起動しない件、ご迷惑をおかけして申し訳ありません。\n${KNOWN}`,
    },
  ],
});
