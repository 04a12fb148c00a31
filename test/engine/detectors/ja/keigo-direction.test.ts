import detector from '../../../../lib/engine/detectors/ja/keigo-direction';
import { testDetector } from '../../../helpers/detector-tester';

testDetector(detector, {
  valid: [
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
  ],
  invalid: [
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
    {
      text: '先ほど担当者がおっしゃっていた通り、返金は来週中に完了いたします。',
      findings: [{ message: 'honorificForSelf', span: 'おっしゃっ' }],
      output: '先ほど担当者が申していた通り、返金は来週中に完了いたします。',
    },
    {
      text: '明細を拝見していただけますでしょうか。',
      findings: [{ message: 'humbleRequest', span: '拝見して', data: { right: 'ご覧' } }],
      output: '明細をご覧いただけますでしょうか。',
    },
    {
      text: '添付の手順書をご拝見ください。',
      findings: [{ message: 'humbleRequest', span: 'ご拝見ください' }],
      output: '添付の手順書をご覧ください。',
    },
    {
      text: '弊社の担当者が明日ご説明なさいます。',
      findings: [{ message: 'honorificForSelf', span: 'ご説明なさい' }],
      output: '弊社の担当者が明日ご説明いたします。',
    },
    {
      text: 'サポート部の者がそちらにいらっしゃいます。',
      findings: [{ message: 'honorificForSelf', span: 'いらっしゃい' }],
      output: 'サポート部の者がそちらに参ります。',
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
