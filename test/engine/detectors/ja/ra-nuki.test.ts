import detector from '../../../../lib/engine/detectors/ja/ra-nuki';
import { testDetector } from '../../../helpers/detector-tester';

testDetector(detector, {
  valid: [
    { text: 'この画面で履歴をご覧いただけます。' },
    { text: '明日なら来られますか。' },
    { text: '新しいアプリでも同じ設定が使えます。', why: '使える is the potential of 五段 使う: no ら needed' },
    { text: '資料を拝見させていただきました。', why: 'する → させる is right; さ入れ is only for 五段 verbs' },
    { text: '詳しくお話しさせていただきます。', why: '話す → 話させる is the right causative' },
    { text: 'この靴は雨の日でも履けます。' },
    { text: '確認させていただきます。' },
  ],
  invalid: [
    {
      text: '明日なら来れますか。',
      findings: [{ message: 'raNuki', span: '来れ', data: { right: '来られ' } }],
      output: '明日なら来られますか。',
    },
    {
      text: 'この画面で履歴が見れます。',
      findings: [{ message: 'raNuki', span: '見れ', data: { right: '見られ' } }],
      output: 'この画面で履歴が見られます。',
    },
    {
      text: 'アレルギーの方でも食べれる商品です。',
      findings: [{ message: 'raNuki', span: '食べれる', data: { right: '食べられる' } }],
      output: 'アレルギーの方でも食べられる商品です。',
    },
    {
      text: '設定を変えれば、すぐに起きれない問題は解決します。',
      findings: [{ message: 'raNuki', span: '起きれ' }],
      output: '設定を変えれば、すぐに起きられない問題は解決します。',
    },
    {
      text: '今日中に出れますか。',
      findings: [{ message: 'raNuki', span: '出れ' }],
      output: '今日中に出られますか。',
    },
    {
      text: 'お送りいただいた資料を読まさせていただきました。',
      findings: [{ message: 'saIre', span: '読まさせ', data: { right: '読ませ' } }],
      output: 'お送りいただいた資料を読ませていただきました。',
    },
    {
      text: '本日は早めに休まさせていただきます。',
      findings: [{ message: 'saIre', span: '休まさせ' }],
      output: '本日は早めに休ませていただきます。',
    },
    {
      text: '明日、担当者を行かさせてください。',
      findings: [{ message: 'saIre', span: '行かさせ', data: { right: '行かせ' } }],
      output: '明日、担当者を行かせてください。',
    },
  ],
});
