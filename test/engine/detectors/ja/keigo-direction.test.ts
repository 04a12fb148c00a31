import detector from '../../../../lib/engine/detectors/ja/keigo-direction';
import { testDetector } from '../../../helpers/detector-tester';

testDetector(detector, {
  valid: [
    { text: '画面交換は、ご購入から1年以内のお客様は20％割引の14,960円で承ります。', why: 'with a verb of receiving, the topic お客様は is the one served (h25ja-29)' },
    { text: '院長先生がおっしゃっていたとおり、経過は良好です。', why: '院長先生 is honoured, not ours by position and surname' },
    { text: '発行後の宛名の修正はシステム上承れないため、ご入力内容をご確認ください。', why: '承れない is the potential of 承る (we cannot accept), not an honorific' },
    { text: '資料を拝見させていただきました。', why: 'our own action, humble (ja/double-keigo judges させていただく)' },
    { text: 'お客様が担当者におっしゃった内容を確認いたします。', why: 'the customer said it to our staff: 担当者 is not the subject' },
    { text: '担当者が明日お伺いします。', why: 'humble for our own staff is right' },
    { text: '佐藤様がご説明なさいます。', context: { agentName: '鈴木' }, why: 'a customer’s name, not the agent’s' },
    { text: 'お客様がおっしゃった内容を確認いたしました。' },
    { text: '添付の資料をご覧ください。' },
    { text: '明日、私が御社に伺います。' },
    { text: 'このクーポンは全店舗でご利用いただけます。' },
    { text: '詳しい手順をご案内できます。', why: 'ご案内できる is our own action: humble potential is right' },
    { text: '私がお客様のおっしゃる内容を担当者に伝えます。', why: 'おっしゃる is the customer’s action, even after 私が' },
    { text: '弊社からご説明いたします。' },
    { text: 'メールを拝見しました。' },
    { text: '遠慮なくお代わりしてください。', why: 'お代わりする is a 美化語 noun with an ordinary する, not humble お〜する' },
    { text: 'お値段は決してお安いとは申し上げられませんが、品質は確かです。', why: '申し上げられる is the potential of our own humble verb' },
    { text: '私がご依頼しました件をご存じでいらっしゃいますか。', why: '私が belongs to the relative clause; ご存じ is the customer’s' },
    { text: '私どもで対応いたしますので、どうぞご心配なさらないでください。', why: 'the request after ので is addressed to the customer' },
    // Issue 12 item 4: roles.
    { text: 'ご担当者様がおっしゃっていました内容を確認いたしました。', why: 'ご担当者様 is the customer’s side' },
    { text: '御社の担当者がおっしゃっていた件、承知いたしました。', why: 'the customer company’s staff, not ours' },
    { text: '担当者が「明日届きます」と申しておりました。', why: 'reported speech of our staff in humble language is right' },
    { text: '明細をご覧いただけますでしょうか。' },
    { text: 'ご確認いただけますと幸いです。' },
    { text: '資料を拝見させていただきました。', why: 'させていただく is our own act' },
    { text: '佐藤様がおっしゃったとおりです。', context: { agentName: '佐藤 花子' }, why: '佐藤様 is the customer even when the agent is a 佐藤' },
    { text: 'おっしゃるとおりでございます。', why: 'no subject: silent' },
    { text: '明日お伺いいたします。', why: 'お伺いする is accepted for our own visit' },
    { text: '田中様がおっしゃった件を担当者が拝見しました。', why: 'the nearer subject of 拝見 is our 担当者' },
    { text: 'お客様からお預かりした商品を返送いたします。', why: 'から marks the source: the act is ours' },
    { text: 'お客様が購入された商品をお送りしました。', why: 'お送りした is ours: the customer’s clause closed at 購入された' },
    { text: 'お客様は、先日お電話で申し上げたとおり、返金を希望されています。', why: 'a topic は does not reach an embedded clause (we told them)' },
    { text: '内容を拝見して、折り返しご連絡いたしますので、少々お待ちください。', why: 'our clause closes at ので before the request' },
    { text: '私が拝見して、結果をお知らせいたします。' },
    { text: '資料を拝見させてください。', why: 'asking leave for our own act' },
  ],
  invalid: [
    {
      text: '院長の三宅が直接ご説明なさいますので、ご安心くださいませ。',
      findings: [{ message: 'honorificForSelf', span: 'ご説明なさい' }],
    },
    {
      text: 'お客様が申されました内容を確認いたしました。',
      findings: [{ message: 'humbleForCustomer', span: '申され', data: { right: 'おっしゃい' } }],
      output: 'お客様がおっしゃいました内容を確認いたしました。',
    },
    {
      text: '受付へは何時に参られますか。',
      findings: [{ message: 'humbleForCustomer', span: '参られ', data: { right: 'いらっしゃい' } }],
      output: '受付へは何時にいらっしゃいますか。',
    },
    {
      text: '資料は拝見されましたでしょうか。',
      findings: [{ message: 'humbleForCustomer', span: '拝見され' }],
      output: '資料はご覧になりましたでしょうか。',
    },
    {
      text: '当サービスをご利用される場合は、事前に登録が必要です。',
      findings: [{ message: 'humbleForCustomer', span: 'ご利用される', data: { right: 'ご利用になる' } }],
      output: '当サービスをご利用になる場合は、事前に登録が必要です。',
    },
    {
      text: '添付の資料を拝見してください。',
      findings: [{ message: 'humbleRequest', span: '拝見してください', data: { right: 'ご覧ください' } }],
      output: '添付の資料をご覧ください。',
    },
    {
      text: 'ご不明な点は窓口で伺ってください。',
      findings: [{ message: 'humbleRequest', span: '伺ってください' }],
      output: 'ご不明な点は窓口でお尋ねください。',
    },
    {
      text: 'お手数ですが、メールの内容をご確認してください。',
      findings: [{ message: 'humbleRequest', span: 'ご確認してください', data: { right: 'ご確認ください' } }],
      output: 'お手数ですが、メールの内容をご確認ください。',
    },
    {
      text: 'このクーポンは全店舗でご利用できます。',
      findings: [{ message: 'humblePotential', span: 'でき', data: { right: 'いただけ' } }],
      output: 'このクーポンは全店舗でご利用いただけます。',
    },
    {
      text: '明日、私がそちらにいらっしゃいます。',
      findings: [{ message: 'honorificForSelf', span: 'いらっしゃい', data: { right: '参り' } }],
      output: '明日、私がそちらに参ります。',
    },
    {
      text: '詳細は弊社がご説明なさいます。',
      findings: [{ message: 'honorificForSelf', span: 'ご説明なさい' }],
      output: '詳細は弊社がご説明いたします。',
    },
    {
      text: '送っていただいた写真は担当の私がご覧になりました。',
      findings: [{ message: 'honorificForSelf', span: 'ご覧になり', data: { right: '拝見し' } }],
      output: '送っていただいた写真は担当の私が拝見しました。',
    },
    // Issue 12 item 4: our own side by role (IPADIC splits 担当者 into 担当 + 者), reported speech.
    {
      text: '担当者がおっしゃっていました。',
      findings: [{ message: 'honorificForSelf', span: 'おっしゃっ', data: { right: '申し' } }],
      output: '担当者が申していました。',
    },
    {
      text: '担当者が「明日届きます」とおっしゃっていました。',
      findings: [{ message: 'honorificForSelf', span: 'おっしゃっ' }],
      output: '担当者が「明日届きます」と申していました。',
    },
    {
      text: 'サポート部の者がそちらにいらっしゃいます。',
      findings: [{ message: 'honorificForSelf', span: 'いらっしゃい', data: { right: '参り' } }],
      output: 'サポート部の者がそちらに参ります。',
    },
    {
      text: '私どもがご説明なさいます。',
      findings: [{ message: 'honorificForSelf', span: 'ご説明なさい' }],
      output: '私どもがご説明いたします。',
    },
    {
      text: '佐藤が明日そちらにいらっしゃいます。',
      context: { agentName: '佐藤 花子' },
      findings: [{ message: 'honorificForSelf', span: 'いらっしゃい' }],
      output: '佐藤が明日そちらに参ります。',
    },
    {
      text: '担当の佐藤が申されたとおり、返金は明日になります。',
      findings: [{ message: 'honorificForSelf', span: '申され', data: { right: '申し' } }],
      output: '担当の佐藤が申したとおり、返金は明日になります。',
    },
    {
      text: '弊社スタッフがおっしゃっていたとおり、交換は無料です。',
      findings: [{ message: 'honorificForSelf', span: 'おっしゃっ' }],
      output: '弊社スタッフが申していたとおり、交換は無料です。',
    },
    // The customer's act done as a favour (〜ていただく / 〜てくださる) in humble language.
    {
      text: '明細を拝見していただけますでしょうか。',
      findings: [{ message: 'humbleFavour', span: '拝見して', data: { right: 'ご覧' } }],
      output: '明細をご覧いただけますでしょうか。',
    },
    {
      text: 'お手数ですが、内容をご確認していただけますか。',
      findings: [{ message: 'humbleFavour', span: 'ご確認して', data: { right: 'ご確認' } }],
      output: 'お手数ですが、内容をご確認いただけますか。',
    },
    {
      text: 'お送りした資料を拝見してくださったとのこと、ありがとうございます。',
      findings: [{ message: 'humbleFavour', span: '拝見して' }],
      output: 'お送りした資料をご覧くださったとのこと、ありがとうございます。',
    },
    // The customer as the subject of a humble verb.
    {
      text: 'お客様が申した内容を確認いたしました。',
      findings: [{ message: 'humbleCustomerAct', span: '申し', data: { right: 'おっしゃっ' } }],
      output: 'お客様がおっしゃった内容を確認いたしました。',
    },
    {
      text: '田中様が拝見した資料は旧版です。',
      findings: [{ message: 'humbleCustomerAct', span: '拝見し', data: { right: 'ご覧になっ' } }],
      output: '田中様がご覧になった資料は旧版です。',
    },
    {
      text: '田中様は昨日窓口に参りましたか。',
      findings: [{ message: 'humbleCustomerAct', span: '参り', data: { right: 'いらっしゃい' } }],
      output: '田中様は昨日窓口にいらっしゃいましたか。',
    },
    {
      text: 'お客様がご利用した店舗をお知らせください。',
      findings: [{ message: 'humbleCustomerAct', span: 'ご利用し', data: { right: 'ご利用になっ' } }],
      output: 'お客様がご利用になった店舗をお知らせください。',
    },
    // A humble act in a clause subordinate to a request of the customer.
    {
      text: 'お手数ですが、添付の明細を拝見して、ご連絡ください。',
      findings: [{ message: 'humbleCustomerAct', span: '拝見し', data: { right: 'ご覧になっ' } }],
      output: 'お手数ですが、添付の明細をご覧になって、ご連絡ください。',
    },
    {
      text: '内容を拝見した上で、お知らせください。',
      findings: [{ message: 'humbleCustomerAct', span: '拝見し' }],
      output: '内容をご覧になった上で、お知らせください。',
    },
    // ご + a humble stem.
    {
      text: '添付の明細をご拝見ください。',
      findings: [{ message: 'humbleStem', span: 'ご拝見ください', data: { right: 'ご覧ください' } }],
      output: '添付の明細をご覧ください。',
    },
    {
      text: 'ご不明な点は窓口でお伺いください。',
      findings: [{ message: 'humbleStem', span: 'お伺いください', data: { right: 'お尋ねください' } }],
      output: 'ご不明な点は窓口でお尋ねください。',
    },
    {
      text: '明細をご拝見いただけますか。',
      findings: [{ message: 'humbleStem', span: 'ご拝見いただけ' }],
      output: '明細をご覧いただけますか。',
    },
    {
      text: '先ほど担当者がおっしゃっていた通り、返金は来週中に完了いたします。',
      findings: [{ message: 'honorificForSelf', span: 'おっしゃっ' }],
      output: '先ほど担当者が申していた通り、返金は来週中に完了いたします。',
    },
    {
      text: '添付の手順書をご拝見ください。',
      findings: [{ message: 'humbleStem', span: 'ご拝見ください' }],
      output: '添付の手順書をご覧ください。',
    },
    {
      text: '弊社の担当者が明日ご説明なさいます。',
      findings: [{ message: 'honorificForSelf', span: 'ご説明なさい' }],
      output: '弊社の担当者が明日ご説明いたします。',
    },
    {
      text: '佐藤がご説明なさいます。',
      context: { agentName: '佐藤 花子' },
      findings: [{ message: 'honorificForSelf', span: 'ご説明なさい' }],
      output: '佐藤がご説明いたします。',
    },
    {
      text: '先ほど私が申されたとおりです。',
      findings: [{ message: 'honorificForSelf', span: '申され', data: { right: '申し' } }],
      output: '先ほど私が申したとおりです。',
    },
  ],
});
