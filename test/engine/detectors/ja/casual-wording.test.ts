import detector from '../../../../lib/engine/detectors/ja/casual-wording';
import { testDetector } from '../../../helpers/detector-tester';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../../helpers/engine';

testDetector(detector, {
  valid: [
    { text: 'ご注文の商品が届いていないとのことですね。', why: 'ですね confirms what the customer said' },
    { text: '寒い日が続きますが、お体にお気をつけくださいね。', why: 'a polite request ending in ね is warm, not a verb ending in ます' },
    { text: 'ただいま担当部署で確認しております。' },
    { text: 'ご注文の商品は本日発送しています。' },
    { text: '設定を変更していただけますでしょうか。' },
    { text: '弊社にて調査を進めてまいります。' },
    { text: '少々お待ちください。' },
    { text: '承知いたしました。本日中に対応いたします。' },
    { text: 'ログインできませんとのご連絡をいただきました。', why: 'できません describes the customer’s trouble, not a refusal' },
    { text: '原因がわかりましたので、ご報告いたします。', why: 'わかりました here is “became clear”, not an acknowledgement' },
    { text: 'ご連絡いただき、ありがとうございます。' },
    { text: 'ちょうど本日発送いたしました。', why: 'ちょうど is not ちょっと: whole words only' },
    { text: 'しかしながら、在庫がございません。' },
    { text: '本日中にお届けいたします。' },
    { text: 'ご確認いただくことはできませんでしょうか。', why: '〜ことはできませんでしょうか is a polite request, not a refusal' },
    { text: 'お気持ちだけで胸がいっぱいです。', why: 'いっぱい after が means full, not many' },
    { text: 'わんちゃんとの毎日が楽しいものになりますように。', why: 'わん|ちゃん|と: ちゃん is the suffix of わんちゃん, not the start of ちゃんと' },
  ],
  invalid: [
    {
      text: '何か分かりましたらご連絡しますね。',
      findings: [{ message: 'casual', span: 'ますね', data: { formal: 'ます' } }],
      output: '何か分かりましたらご連絡します。',
    },
    {
      text: '届くまでもう少し待っててください。',
      findings: [{ message: 'casual', span: '待ってて', data: { formal: '待っていて' } }],
      output: '届くまでもう少し待っていてください。',
    },
    {
      text: 'ただいま担当部署で確認してます。',
      findings: [{ message: 'casual', span: 'してます', data: { formal: 'しています' } }],
      output: 'ただいま担当部署で確認しています。',
    },
    {
      text: '誤って注文を削除しちゃったようです。',
      findings: [{ message: 'casual', span: 'しちゃっ', data: { formal: 'してしまっ' } }],
      output: '誤って注文を削除してしまったようです。',
    },
    {
      text: '担当者に伝えときます。',
      findings: [{ message: 'casual', span: '伝えとき', data: { formal: '伝えておき' } }],
      output: '担当者に伝えておきます。',
    },
    {
      text: '昨日まで問題なく使えてたとのことですね。',
      findings: [{ message: 'casual', span: '使えて', data: { formal: '使えてい' } }],
      output: '昨日まで問題なく使えていたとのことですね。',
    },
    {
      text: '商品がちゃんと届くように手配いたします。',
      findings: [{ message: 'casual', span: 'ちゃんと', data: { formal: '確実に' } }],
      output: '商品が確実に届くように手配いたします。',
    },
    {
      text: 'ちょっとお待ちください。',
      findings: [{ message: 'casual', span: 'ちょっと', data: { formal: '少々' } }],
      output: '少々お待ちください。',
    },
    {
      text: 'ご要望の件、了解しました。',
      findings: [{ message: 'casual', span: '了解しました', data: { formal: '承知いたしました' } }],
      output: 'ご要望の件、承知いたしました。',
    },
    {
      text: '申し訳ございませんが、返品はできません。',
      findings: [{ message: 'casual', span: 'できません', data: { formal: 'いたしかねます' } }],
      output: '申し訳ございませんが、返品はいたしかねます。',
    },
    {
      text: 'はい、わかりました。すぐに確認します。',
      findings: [{ message: 'casual', span: 'わかりました' }],
      output: 'はい、承知いたしました。すぐに確認します。',
    },
    {
      text: 'やっぱり在庫がございません。すごく人気の商品です。',
      findings: [
        { message: 'casual', span: 'やっぱり', data: { formal: 'やはり' } },
        { message: 'casual', span: 'すごく', data: { formal: '大変' } },
      ],
      output: 'やはり在庫がございません。すごく人気の商品です。',
    },
    {
      text: '写真を送ってもらえますか。',
      findings: [{ message: 'casual', span: 'てもらえますか', data: { formal: 'ていただけますでしょうか' } }],
      output: '写真を送っていただけますでしょうか。',
    },
    {
      text: '添付の画像を見てください。',
      findings: [{ message: 'casual', span: '見てください' }],
      output: '添付の画像をご覧ください。',
    },
    {
      text: '今日中にお届けできるか確認いたします。',
      findings: [{ message: 'casual', span: '今日', data: { formal: '本日' } }],
      output: '本日中にお届けできるか確認いたします。',
    },
    {
      text: 'ご連絡ありがとう。',
      findings: [{ message: 'casual', span: 'ありがとう', data: { formal: 'ありがとうございます' } }],
      output: 'ご連絡ありがとうございます。',
    },
    {
      text: '在庫が切れております。なので、入荷をお待ちください。',
      findings: [{ message: 'casual', span: 'なので' }],
      output: '在庫が切れております。そのため、入荷をお待ちください。',
    },
  ],
});

describe('てくれる said of someone other than the customer', () => {
  it('is a tip (info) for a pet, and a warning when the customer did it', async () => {
    const engine = await testEngine();
    const level = (text: string) => engine.analyze(text, { market: 'jp' }).findings.filter((f) => f.ruleId === 'ja/casual-wording').map((f) => f.level);
    expect(level('今朝はしっぽを振ってスタッフを迎えてくれました。')).toEqual(['info']);
    expect(level('田中様が教えてくれました。')).toEqual(['warn']);
    expect(level('早速対応してくれてありがとうございます。')).toEqual(['warn']);
  });
});

describe('polite but plain, or someone else’s words', () => {
  it('leaves quoted words alone and gives tips for お約束できません / 本当にありがとう', async () => {
    const engine = await testEngine();
    const levels = (text: string) => engine.analyze(text, { market: 'jp' }).findings.filter((f) => f.ruleId === 'ja/casual-wording').map((f) => f.level);
    expect(levels('「復習のときに1.5倍だとちょっと遅い」とのお声、ごもっともです。')).toEqual([]);
    expect(levels('対応の時期は現時点ではお約束できませんが、決まりましたらお知らせいたします。')).toEqual([]);
    expect(levels('最後までお付き合いいただき、本当にありがとうございました。')).toEqual(['info']);
    expect(levels('少々お待ちください。ちょっと確認いたします。')).toEqual(['warn']);
  });
});
