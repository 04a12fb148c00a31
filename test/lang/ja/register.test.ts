/**
 * Per-sentence register and formality. Formality is compared, not pinned: the order of registers is
 * the contract (plain < である < polite < polite with keigo; casual below plain), the exact weights
 * may be retuned against the corpora.
 */
import { describe, expect, it } from 'vitest';
import { clauseEvidence } from '../../../lib/lang/ja/register';
import { sentenceOf } from './helpers';

const reg = async (text: string) => (await sentenceOf(text)).ja.register;
const f = async (text: string) => {
  const value = (await reg(text)).formality;
  if (value === undefined) throw new Error(`no formality for ${text}`);
  return value;
};

describe('register flags', () => {
  it.each([
    // [sentence, polite, plain, dearu, sonkeigo, kenjogo, casual]
    ['本日発送しました。', true, false, false, false, false, false],
    ['本日発送した。', false, true, false, false, false, false],
    ['原因は設定の誤りである。', false, true, true, false, false, false],
    ['商品をお受け取りになりましたか。', true, false, false, true, false, false],
    ['明日、御社に伺います。', true, false, false, false, true, false],
    ['心よりお詫び申し上げます。', true, false, false, false, true, false],
    ['もう届いてるじゃん。', false, true, false, false, false, true],
    ['マジで助かったよ。', false, true, false, false, false, true],
    // a sentence that raises the customer's act is 尊敬語, even with a humble frame
    ['ご検討なさる方がよいかと存じます。', true, false, false, true, false, false],
    // a humble verb in a subordinate clause does not make the sentence 謙譲語
    ['配達に伺ったのですが、ご不在でした。', true, false, false, false, false, false],
    // お〜する is humble grammar but too lexicalised to label a sentence (お願いします)
    ['よろしくお願いします。', true, false, false, false, false, false],
  ] as const)('%s', async (text, polite, plain, dearu, sonkeigo, kenjogo, casual) => {
    expect(await reg(text)).toMatchObject({ polite, plain, dearu, sonkeigo, kenjogo, casual });
  });

  it('has no formality for a sentence with nothing to judge', async () => {
    expect((await reg('田中')).formality).toBeUndefined();
    expect((await reg('注文番号：12345')).formality).toBeUndefined();
  });

  it('keeps formality in [0, 1] and explains it with cues', async () => {
    const r = await reg('このたびは誠に申し訳ございませんでした。');
    expect(r.formality).toBeGreaterThan(0.7);
    expect(r.formality).toBeLessThanOrEqual(1);
    expect(r.cues.map((c) => c.cue)).toContain('formal:誠に');
    const low = await reg('マジでやばいじゃん、ちょっと待ってて。');
    expect(low.formality).toBeGreaterThanOrEqual(0);
  });
});

describe('formality order', () => {
  it.each([
    // [more formal, less formal]
    ['確認いたしました。', '確認しました。'],
    ['確認しました。', '確認した。'],
    ['原因は設定の誤りである。', '原因は設定の誤りだよ。'],
    ['確認しました。', '原因は設定の誤りである。'],
    ['ご確認ください。', '確認して。'],
    ['分かりますよね。', '分かるでしょ？'],
    ['届いています。', '届いてる。'],
    ['間違えてしまいました。', '間違えちゃった。'],
    ['少々お待ちください。', 'ちょっと待ってください。'],
    ['お名前を伺ってもよろしいでしょうか。', 'お名前は？'],
    ['ありがとうございます。', 'ありがとう。'],
    ['お待ちになってください。', '待ってください。'],
    // clause-level evidence: the same fragment with a polite and a plain inner clause
    ['そこには行ったことがあります、良いところではありません、馬アレルギーなので', '行ったことがある、良いところではない、馬アレルギーなので'],
    ['プレーしますか、それともWii Sports？', 'プレーする、それともWii Sports？'],
  ] as const)('%s > %s', async (high, low) => {
    expect(await f(high)).toBeGreaterThan(await f(low));
  });
});

describe('clauseEvidence', () => {
  it.each([
    ['最初は小さなことに見えるかもしれませんが、本当に大きいことです。', 1, 0],
    ['最初は小さなことに見えるかもしれないけど、本当に大きいことだ。', 0, 1],
    ['商品が届かない場合は、ご連絡ください。', 0, 0],
    ['確認したところ、発送済みでした。', 0, 0],
  ] as const)('%s → polite %i, plain %i', async (text, polite, plain) => {
    const s = await sentenceOf(text);
    expect(clauseEvidence(s.ja.tokens)).toEqual({ polite, plain });
  });
});
