/** How real sentences end: kind, head word, particles, question, trailing conjunctive, casual. */
import { describe, expect, it } from 'vitest';
import { sentenceOf } from './helpers';

describe('endingOf', () => {
  it.each([
    // [sentence, kind, head surface, casual]
    ['本日発送いたしました。', 'polite', '発送', false],
    ['在庫はございません。', 'polite', 'ござい', false],
    ['返金の対象ではない。', 'plain', null, false],
    ['ご確認ください。', 'request', '確認', false],
    ['お越しくださいませ。', 'polite', 'お越し', false],
    ['確認した。', 'plain', '確認', false],
    ['確認したよ。', 'plain', '確認', true],
    ['できない。', 'plain', 'でき', false],
    ['原因は設定の誤りである。', 'dearu', '誤り', false],
    ['それは不具合だ。', 'plain', '不具合', false],
    ['分かるでしょ？', 'plain', '分かる', true],
    // kuromoji reads で+し as でし (です); the ending is still plain
    ['そこでしている。', 'plain', null, false],
    ['ちょっと待って。', 'plain', '待っ', true],
    ['ご注文の件。', 'noun', '件', false],
    ['初めて？', 'none', '初めて', true],
    ['お客さんの名前は？', 'none', null, true],
    ['ありがとう。', 'interjection', 'ありがとう', false],
    ['そうですね。', 'polite', 'そうですね', false],
    ['在庫はございますが。', 'polite', 'ござい', false],
    ['家に同じようなルールがあります笑', 'polite', 'あり', false],
  ] as const)('%s → %s', async (text, kind, head, casual) => {
    const s = await sentenceOf(text);
    const e = s.ja.ending;
    expect(e.kind).toBe(kind);
    if (head !== null) expect(s.ja.tokens[e.head]?.surface).toBe(head);
    expect(e.casual).toBe(casual);
  });

  it('records final particles, questions and a trailing conjunctive', async () => {
    const q = (await sentenceOf('明日届きますか？')).ja.ending;
    expect(q).toMatchObject({ kind: 'polite', particles: ['か'], question: true, trailing: undefined });
    const t = (await sentenceOf('在庫を確認しますので。')).ja.ending;
    expect(t).toMatchObject({ kind: 'polite', trailing: 'ので', question: false });
    const y = (await sentenceOf('届いたよね。')).ja.ending;
    expect(y.particles).toEqual(['よ', 'ね']);
  });
});
