import detector from '../../../../lib/engine/detectors/ja/double-keigo';
import { testDetector } from '../../../helpers/detector-tester';

testDetector(detector, {
  valid: [
    { text: 'お客様がおっしゃった内容を確認いたしました。' },
    { text: '添付の資料はご覧になりましたか。' },
    { text: 'どうぞお召し上がりになってください。', why: 'お召し上がりになる is an accepted double form (敬語の指針)' },
    { text: '新しい担当者がお見えになりました。', why: 'お見えになる is accepted' },
    { text: '明日、御社にお伺いいたします。', why: 'お伺いする / お伺いいたす are accepted' },
    { text: '内容を確認させていただきます。', why: 'させていただく alone is one humble form' },
    { text: '先生が来られました。', why: 'the honorific られる alone' },
    { text: 'ご不明な点はお気軽にお問い合わせください。' },
    { text: '詳細をご説明させていただいてもよろしいでしょうか。', why: 'させていただく asking permission is its proper use' },
    { text: 'どうかお構いなく、すぐお暇させていただきます。', why: 'お暇 is a 美化語 noun, not humble お〜する' },
  ],
  invalid: [
    {
      text: 'アプリからも明細をご覧になられます。',
      findings: [{ message: 'stacked', span: 'ご覧になられ', data: { right: 'ご覧になれ' } }],
      output: 'アプリからも明細をご覧になれます。',
    },
    {
      text: '資料はもうご覧になられましたか。',
      findings: [{ message: 'stacked', span: 'ご覧になられ', data: { right: 'ご覧になり' } }],
      output: '資料はもうご覧になりましたか。',
    },
    {
      text: 'お客様がおっしゃられた内容を確認いたしました。',
      findings: [{ message: 'stacked', span: 'おっしゃられ', data: { right: 'おっしゃっ' } }],
      output: 'お客様がおっしゃった内容を確認いたしました。',
    },
    {
      text: '添付の資料はご覧になられましたか。',
      findings: [{ message: 'stacked', span: 'ご覧になられ', data: { right: 'ご覧になり' } }],
      output: '添付の資料はご覧になりましたか。',
    },
    {
      text: '田中様はいらっしゃられますか。',
      findings: [{ message: 'stacked', span: 'いらっしゃられ' }],
      output: '田中様はいらっしゃいますか。',
    },
    {
      text: '商品をお受け取りになられた際に、破損にお気づきになられたとのことです。',
      findings: [
        { message: 'stacked', span: 'お受け取りになられ' },
        { message: 'stacked', span: 'お気づきになられ' },
      ],
      output: '商品をお受け取りになった際に、破損にお気づきになられたとのことです。',
    },
    // Issue 12 item 4: the られ of お〜になられる is the potential when the sentence says where, when or
    // whether anyone can do it; the fix keeps the potential (ご覧になれます) rather than dropping it.
    {
      text: '注文履歴はマイページからご覧になられます。',
      findings: [{ message: 'stacked', span: 'ご覧になられ', data: { right: 'ご覧になれ' } }],
      output: '注文履歴はマイページからご覧になれます。',
    },
    {
      text: 'お時間をお忘れになられませんようにお願いいたします。',
      findings: [{ message: 'stacked', span: 'お忘れになられ', data: { right: 'お忘れになり' } }],
      output: 'お時間をお忘れになりませんようにお願いいたします。',
    },
    {
      text: '更新後の明細はいつでもご覧になられます。',
      findings: [{ message: 'stacked', span: 'ご覧になられ', data: { right: 'ご覧になれ' } }],
      output: '更新後の明細はいつでもご覧になれます。',
    },
    {
      text: '田中様はもうお帰りになられましたか。',
      findings: [{ message: 'stacked', span: 'お帰りになられ', data: { right: 'お帰りになり' } }],
      output: '田中様はもうお帰りになりましたか。',
    },
    {
      text: '明日、御社にお伺いさせていただきます。',
      findings: [{ message: 'humbleStacked', span: 'お伺いさせていただき', data: { right: '伺い' } }],
      output: '明日、御社に伺います。',
    },
    {
      text: 'お送りいただいた資料を拝見させていただきました。',
      findings: [{ message: 'humbleStacked', span: '拝見させていただき', data: { right: '拝見いたし' } }],
      output: 'お送りいただいた資料を拝見いたしました。',
    },
    {
      text: '後ほど担当者からご連絡させていただきます。',
      findings: [{ message: 'humbleStacked', span: 'ご連絡させていただき' }],
      output: '後ほど担当者からご連絡いたします。',
    },
  ],
});
