/** Keigo constructions found in real sentences: [sentence, expected marks as type/form:lexeme(+reru)]. */
import { describe, expect, it } from 'vitest';
import { sentenceOf } from './helpers';

const marks = async (text: string) =>
  (await sentenceOf(text)).ja.keigo.map((m) => `${m.type}/${m.form}:${m.lexeme}${m.stackedReru ? '+reru' : ''}`);

describe('keigoMarks', () => {
  it.each([
    // 尊敬語
    ['商品をお受け取りになりましたか。', ['sonkeigo/o-ni-naru:受け取り']],
    ['詳細はご覧になれます。', ['sonkeigo/o-ni-naru:覧']],
    ['少々お待ちください。', ['sonkeigo/o-kudasai:待ち']],
    ['ご連絡くださり、ありがとうございます。', ['sonkeigo/o-kudasai:連絡', 'teichogo/gozaru:ござる']],
    ['何かお困りですか。', ['sonkeigo/o-desu:困り']],
    ['ご利用なさいますか。', ['sonkeigo/go-nasaru:利用']],
    ['田中様はいらっしゃいますか。', ['sonkeigo/honorific-verb:いらっしゃる']],
    ['ご存じでしょうか。', ['sonkeigo/honorific-noun:ご存じ']],
    ['先生が来られました。', ['sonkeigo/reru-honorific:来る']],
    ['貴社におかれましては、ご清栄のこととお喜び申し上げます。', ['sonkeigo/reru-honorific:おく', 'sonkeigo/honorific-noun:ご清栄', 'kenjogo/o-moushiageru:喜び']],
    // 謙譲語
    ['資料をお送りします。', ['kenjogo/o-suru:送り']],
    ['追ってご連絡いたします。', ['kenjogo/o-itasu:連絡']],
    ['心よりお詫び申し上げます。', ['kenjogo/o-moushiageru:詫び']],
    ['ご確認いただけますか。', ['kenjogo/o-itadaku:確認']],
    ['明日御社に伺います。', ['kenjogo/humble-verb:伺う']],
    ['メールを拝見しました。', ['kenjogo/humble-noun:拝見']],
    ['確認させていただきます。', ['kenjogo/sasete-itadaku:確認']],
    ['教えていただきありがとうございます。', ['kenjogo/te-itadaku:いただく', 'teichogo/gozaru:ござる']],
    ['ご利用できます。', ['kenjogo/o-dekiru:利用']],
    // 丁重語
    ['確認いたします。', ['teichogo/itasu:いたす']],
    ['発送しております。', ['teichogo/oru:おる']],
    ['ありがとう存じます。', ['teichogo/gozaru:存じる']],
    // stacked and misdirected
    ['ご覧になられましたか。', ['sonkeigo/o-ni-naru:覧+reru']],
    ['おっしゃられた通りです。', ['sonkeigo/honorific-verb:おっしゃる+reru']],
    ['お客様が申されました。', ['kenjogo/humble-verb:申す+reru']],
    // not keigo
    ['いつもお世話になっております。', ['teichogo/oru:おる']],
    ['上司に叱られました。', []],
    ['お黙りなさい。', []],
    ['あの三人組には参ってしまった。', []],
    ['お手並み拝見。', []],
    ['確認しました。', []],
  ] as const)('%s', async (text, expected) => {
    expect(await marks(text)).toEqual(expected);
  });

  it('gives exact offsets in the sentence', async () => {
    const s = await sentenceOf('明日、御社に伺います。');
    const m = s.ja.keigo[0]!;
    expect(s.text.slice(m.start, m.end)).toBe('伺い');
  });
});
