import detector from '../../../../lib/engine/detectors/ja/missing-cushion';
import { testDetector } from '../../../helpers/detector-tester';

testDetector(detector, {
  valid: [
    { text: '■お取り消しの際のご返金\n・ご利用日の60日前まで：全額ご返金\n・29日前以降：ご返金いたしかねます', why: 'a line of a terms table, for reference (h31ja-21)' },
    { text: '清掃料は、ご利用後に汚れが生じたため、ご返金はいたしかねます。\n\n恐れ入りますが、ご理解くださいますようお願いいたします。', why: 'the cushioned plea for understanding right after the no (h31ja-15)' },
    { text: '英文の証明書は即日発行ができないため、申請から発行まで5営業日ほどかかります。', why: 'a limit given as the reason for the main clause, not a refusal (h20ja-07)' },
    { text: '金額および請求書番号は変更しておりませんので、お手元の請求書と差し替えていただけますと幸いです。', why: 'a fact given as a reason, not a refusal (h24ja-08)' },
    { text: '配送業者からの連絡を受けた後、弊社から前田様へのご案内ができておらず、重ねてお詫び申し上げます。', why: 'できて + おる, negated: a failure owned, not a refusal (h24ja-11)' },
    { text: 'ご予約を12月31日から2泊に変更いたしました。お部屋タイプと料金に変更はございません。', why: 'no change is a reassurance, not a refusal (h21ja-04)' },
    { text: 'ご都合のよい日時を、お電話またはWeb予約にてお知らせください。', why: 'the customer picks what suits them: an offer, not an imposition (h15ja-08)' },
    { text: '管理画面の「設定」→「セキュリティ」を開き、「IdPメタデータ」欄にXMLファイルをアップロードしてください。', why: 'a how-to step that walks the screens is an instruction (h14ja-18)' },
    { text: 'まず、お手元の5mgの錠剤の服用はお控えください。', why: 'refrain from an act (服用): a caution, not effort asked (h13ja-11)' },
    { text: '本件は引き続き私、宮本が担当いたしますので、ご不明な点はいつでもお知らせください。', why: 'an invitation to ask, not a request of effort (h7ja-27)' },
    { text: 'なお、ご予約日の前日17時以降は、Webでの変更ができない仕組みとなっております。その場合はお手数ですが、お電話にてご連絡ください。', why: 'a limit stated as how things work, the way forward cushioned right after (h6ja-02)' },
    { text: 'ソファは次の手順でお出しいただけます。\n1. 電話またはインターネットでお申し込みください。\n2. 処理券に受付番号をご記入のうえ、品物に貼ってください。', context: { customerMessage: 'ソファを捨てたいのですが、どうすればいいですか。' }, why: 'steps of a how-to the customer asked for (h6ja-09)' },
    { text: 'そのたびに明確なご回答ができなかったこと、心よりお詫び申し上げます。', why: 'a past failure admitted, not a refusal' },
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
    { text: '発送まで少々お待ちください。', why: 'waiting puts no effort on the customer (issue 12: cushion only before a real request)' },
    { text: '次回ログインの際に設定画面が表示されますので、新しいスマートフォンでご登録ください。', why: 'an instruction for the customer’s own benefit in ご form (corpus ja-e22)' },
    { text: 'お受け取りまで今しばらくお待ちくださいませ。', why: 'waiting (corpus ja-e28)' },
    { text: '現時点で対応時期はお約束できかねますが、いただいたお声は今後の改善の参考にさせていただきます。', why: 'a refusal softened in its own sentence by what we will do (corpus ja-e17)' },
    { text: 'ご了承くださいますようお願い申し上げます。', why: 'a plea for understanding is a formula, not effort (corpus ja-e07)' },
    { text: '返品はしなくて大丈夫です。', why: 'no need to: not a refusal' },
  ],
  invalid: [
    {
      text: 'なお、現時点でグループの同期には対応しておらず、ユーザーの作成・更新・無効化が対象となります。',
      findings: [{ message: 'refusal', span: '対応しておらず', level: 'info' }],
      output: 'なお、誠に申し訳ございませんが、現時点でグループの同期には対応しておらず、ユーザーの作成・更新・無効化が対象となります。',
    },
    {
      text: '受付番号をお控えください。',
      findings: [{ message: 'request', span: 'お控えください', data: { cushion: 'お手数をおかけしますが' } }],
      output: 'お手数をおかけしますが、受付番号をお控えください。',
    },
    {
      text: '上記の書類を、6月28日までにマイページからアップロードしてください。',
      findings: [{ message: 'request', span: 'アップロードしてください', data: { cushion: 'お手数をおかけしますが' } }],
      output: 'お手数をおかけしますが、上記の書類を、6月28日までにマイページからアップロードしてください。',
    },
    {
      text: '返品はいたしかねます。',
      findings: [{ message: 'refusal', span: 'いたしかねます', data: { cushion: '誠に申し訳ございませんが' } }],
      output: '誠に申し訳ございませんが、返品はいたしかねます。',
    },
    {
      text: 'ご注文番号をお知らせください。',
      findings: [{ message: 'request', span: 'お知らせください', level: 'info', data: { cushion: 'お手数をおかけしますが' } }],
      output: 'お手数をおかけしますが、ご注文番号をお知らせください。',
    },
    {
      text: 'なお、セール品の交換はお受けできません。',
      findings: [{ message: 'refusal', span: 'お受けできません' }],
      output: 'なお、誠に申し訳ございませんが、セール品の交換はお受けできません。',
    },
    {
      text: '本人確認のため、身分証明書の写しをご提出いただきますようお願いいたします。',
      findings: [{ message: 'request', span: 'ご提出いただきますようお願い', level: 'info' }],
      output: 'お手数をおかけしますが、本人確認のため、身分証明書の写しをご提出いただきますようお願いいたします。',
    },
    {
      text: '田中様\nお世話になっております。\n同封の返送用伝票にご記入のうえ、商品をご返送ください。',
      findings: [{ message: 'request', span: 'ご返送ください', level: 'info' }],
      output: '田中様\nお世話になっております。\nお手数をおかけしますが、同封の返送用伝票にご記入のうえ、商品をご返送ください。',
    },
    // A request in honorific form carries its own deference: only a tip (h20ja-05, h24ja-04); the bare
    // て-form reads as an order: a warning.
    {
      text: '入院給付金のご請求には、次の書類をご用意ください。',
      context: { customerMessage: '入院給付金を請求したいのですが、何を用意すればいいですか。' },
      findings: [{ message: 'request', span: 'ご用意ください', level: 'info' }],
    },
    {
      text: '入院給付金のご請求には、次の書類を用意してください。',
      context: { customerMessage: '入院給付金を請求したいのですが、何を用意すればいいですか。' },
      findings: [{ message: 'request', span: '用意してください', level: 'warn' }],
    },
    // …but a limit the customer is asked to accept is one.
    {
      text: 'セール品は交換ができないため、ご了承ください。',
      findings: [{ message: 'refusal', span: '交換ができない' }],
    },
    {
      text: '仕様上、その設定の変更はできません。',
      findings: [{ message: 'refusal', span: '変更はできません' }],
      output: '誠に申し訳ございませんが、仕様上、その設定の変更はできません。',
    },
    {
      text: '大塚様\n確認したところ、ルーターの設定に問題がございました。\n設定を見直してください。',
      findings: [{ message: 'request', span: '見直してください', level: 'warn' }],
      output: '大塚様\n確認したところ、ルーターの設定に問題がございました。\nお手数をおかけしますが、設定を見直してください。',
    },
  ],
});
