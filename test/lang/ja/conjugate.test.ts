/** Conjugation tables and the polite rewrite of plain endings, on real sentences. */
import { describe, expect, it } from 'vitest';
import { conjugateVerb, politeEnding, tokenEditSpan } from '../../../lib/lang/ja/conjugate';
import { sentenceOf } from './helpers';

describe('conjugateVerb', () => {
  it.each([
    ['書く', '五段・カ行イ音便', '連用形', '書き'],
    ['書く', '五段・カ行イ音便', '連用タ接続', '書い'],
    ['行く', '五段・カ行促音便', '連用タ接続', '行っ'],
    ['言う', '五段・ワ行促音便', '未然形', '言わ'],
    ['読む', '五段・マ行', '連用タ接続', '読ん'],
    ['話す', '五段・サ行', '連用形', '話し'],
    ['待つ', '五段・タ行', '連用形', '待ち'],
    ['送る', '五段・ラ行', '未然形', '送ら'],
    ['泳ぐ', '五段・ガ行', '連用タ接続', '泳い'],
    ['いらっしゃる', '五段・ラ行特殊', '連用形', 'いらっしゃい'],
    ['おっしゃる', '五段・ラ行特殊', '連用タ接続', 'おっしゃっ'],
    ['食べる', '一段', '連用形', '食べ'],
    ['見る', '一段', '未然ウ接続', '見よ'],
    ['する', 'サ変・スル', '連用形', 'し'],
    ['存ずる', 'サ変・−ズル', '連用形', '存じ'],
    ['来る', 'カ変・来ル', '未然形', '来'],
    ['くる', 'カ変・クル', '連用形', 'き'],
  ] as const)('%s (%s) %s → %s', (base, type, form, expected) => {
    expect(conjugateVerb(base, type, form)).toBe(expected);
  });

  it('declines types it does not know', () => {
    expect(conjugateVerb('美しい', '形容詞・イ段', '連用形')).toBeUndefined();
  });
});

describe('politeEnding', () => {
  const rewrite = async (text: string) => {
    const s = await sentenceOf(text);
    const edit = politeEnding(s.ja.tokens, s.ja.ending);
    if (!edit) return undefined;
    const span = tokenEditSpan(s.ja.tokens, edit);
    return s.text.slice(0, span.start) + span.text + s.text.slice(span.end);
  };

  it.each([
    ['在庫を確認した。', '在庫を確認しました。'],
    ['明日、商品を送る。', '明日、商品を送ります。'],
    ['本日発送する。', '本日発送します。'],
    ['現在、在庫を確認している。', '現在、在庫を確認しています。'],
    ['ログインできない。', 'ログインできません。'],
    ['商品は届かなかった。', '商品は届きませんでした。'],
    ['原因はサーバーの不具合だ。', '原因はサーバーの不具合です。'],
    ['原因はサーバーの不具合だった。', '原因はサーバーの不具合でした。'],
    ['原因は設定の誤りである。', '原因は設定の誤りです。'],
    ['原因は設定の誤りであった。', '原因は設定の誤りでした。'],
    ['在庫がない。', '在庫がありません。'],
    ['返金の対象ではない。', '返金の対象ではありません。'],
    ['返品は難しい。', '返品は難しいです。'],
    ['対応は難しかった。', '対応は難しかったです。'],
    ['明日行く。', '明日行きます。'],
    ['資料を読んだ。', '資料を読みました。'],
    ['もう届いてる。', 'もう届いています。'],
    ['データを消しちゃった。', 'データを消してしまいました。'],
    ['一緒に確認しよう。', '一緒に確認しましょう。'],
    ['設定を確認して。', '設定を確認してください。'],
    ['大丈夫だよね。', '大丈夫ですよね。'],
    ['すぐ直るよな。', 'すぐ直りますよ。'],
  ] as const)('%s → %s', async (text, expected) => {
    expect(await rewrite(text)).toBe(expected);
  });

  it('leaves polite and noun endings alone', async () => {
    expect(await rewrite('本日発送しました。')).toBeUndefined();
    expect(await rewrite('ご注文の件。')).toBeUndefined();
  });
});
