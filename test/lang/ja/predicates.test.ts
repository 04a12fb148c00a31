/**
 * Each token predicate against real kuromoji tokens: a table of (sentence, token surface, expected).
 * The tokens come from the engine, so a tokenizer change that breaks a predicate shows here.
 */
import { describe, expect, it } from 'vitest';
import {
  isCasualContraction,
  isCasualDesho,
  isCasualFinalParticle,
  isCasualInterjection,
  isCausative,
  isColloquialParticle,
  isCourteousVerb,
  isDearuAt,
  isFamiliarPronoun,
  isGodanVerb,
  isGozaru,
  isHonorificNoun,
  isHonorificNounSurface,
  isHonorificPrefix,
  isHonorificVerb,
  isHumbleNoun,
  isHumbleVerb,
  isIchidanVerb,
  isKudasaiRequest,
  isKuruVerb,
  isLaughterOrEmoticon,
  isMizenkei,
  isPlainCopula,
  isPoliteAuxiliary,
  isPrefixedNoun,
  isPunctuation,
  isReceivingAuxiliary,
  isReruRareru,
  isSentenceFinalParticle,
  isTrailingConjunctive,
  isVerb,
  lastPredicateIndex,
} from '../../../lib/lang/ja/predicates';
import { isPlainFormEnding, isPoliteEnding } from '../../../lib/lang/ja/ending';
import type { JaToken } from '../../../lib/lang/ja/types';
import { indexOfToken, token, tokensOf } from './helpers';

type TokenPredicate = (t: JaToken) => boolean;

/** [sentence, token surface, expected] */
type Row = [string, string, boolean];

function table(name: string, predicate: TokenPredicate, rows: Row[]): void {
  describe(name, () => {
    it.each(rows)('%s — %s → %s', async (text, surface, expected) => {
      expect(predicate(token(await tokensOf(text), surface))).toBe(expected);
    });
  });
}

table('isPoliteAuxiliary', isPoliteAuxiliary, [
  ['確認いたします。', 'ます', true],
  ['在庫はございませんでした。', 'でし', true],
  ['発送済みです。', 'です', true],
  ['発送済みだ。', 'だ', false],
  ['確認した。', 'た', false],
]);

table('isGozaru', isGozaru, [
  ['ありがとうございます。', 'ござい', true],
  ['担当の佐藤でございます。', 'ござい', true],
  ['ございますか。', 'ござい', true],
  ['在庫があります。', 'あり', false],
]);

table('isKudasaiRequest', isKudasaiRequest, [
  ['ご確認ください。', 'ください', true],
  ['しばらくお待ちください。', 'ください', true],
  ['ご連絡くださいました。', 'ください', false],
  ['ご連絡くださり、ありがとうございます。', 'くださり', false],
  ['資料をお送りくださいませ。', 'ください', false],
]);

table('isPunctuation', isPunctuation, [
  ['確認しました。', '。', true],
  ['はい、承知しました。', '、', true],
  ['確認しました！', '！', true],
  ['確認しました。', 'し', false],
]);

table('isLaughterOrEmoticon', isLaughterOrEmoticon, [
  ['それは面白いですね笑', '笑', true],
  ['それは面白いですねｗ', 'ｗ', true],
  ['それは面白いです。', 'です', false],
]);

table('isSentenceFinalParticle', isSentenceFinalParticle, [
  ['明日届きますね。', 'ね', true],
  ['届きましたか。', 'か', true],
  ['大丈夫だよ。', 'よ', true],
  ['東京から発送します。', 'から', false],
]);

table('isTrailingConjunctive', isTrailingConjunctive, [
  ['在庫はございますが。', 'が', true],
  ['確認しますので。', 'ので', true],
  ['東京に発送します。', 'に', false],
]);

table('isPlainCopula', isPlainCopula, [
  ['それは不具合だ。', 'だ', true],
  ['不具合だった。', 'だっ', true],
  ['不具合です。', 'です', false],
]);

table('isHonorificPrefix', isHonorificPrefix, [
  ['ご確認ください。', 'ご', true],
  ['ご連絡いたします。', 'ご', true],
  ['確認ください。', '確認', false],
]);

table('isPrefixedNoun', isPrefixedNoun, [
  ['少々お待ちください。', 'お待ち', true],
  ['資料をお送りします。', 'お送り', true],
  ['お客様に連絡します。', 'お客様', true],
  ['追って連絡します。', '連絡', false],
]);

table('isHumbleVerb', isHumbleVerb, [
  ['明日御社に伺います。', '伺い', true],
  ['担当の佐藤と申します。', '申し', true],
  ['ご説明申し上げます。', '申し上げ', true],
  ['承知いたしました。', 'いたし', false],
  ['存じております。', '存じ', true],
  ['ご注文を承りました。', '承り', true],
  ['確認しました。', 'し', false],
  ['お客様がおっしゃいました。', 'おっしゃい', false],
]);

table('isHumbleNoun', isHumbleNoun, [
  ['メールを拝見しました。', '拝見', true],
  ['資料を拝読しました。', '拝読', true],
  ['メールを確認しました。', '確認', false],
]);

table('isCourteousVerb', isCourteousVerb, [
  ['確認いたします。', 'いたし', true],
  ['お待ちしております。', 'おり', true],
  ['確認しています。', 'い', false],
]);

table('isHonorificVerb', isHonorificVerb, [
  ['田中様はいらっしゃいますか。', 'いらっしゃい', true],
  ['お客様がおっしゃる通りです。', 'おっしゃる', true],
  ['ご利用なさいますか。', 'なさい', true],
  ['どうぞ召し上がってください。', '召し上がっ', true],
  ['ご確認ください。', 'ください', true],
  ['私が参ります。', '参り', false],
]);

table('isHonorificNoun', isHonorificNoun, [
  ['ご存じでしょうか。', 'ご存じ', true],
  ['詳細はこちらをご覧ください。', 'ご覧', true],
  ['当店へのお越しをお待ちしております。', 'お越し', true],
  ['ご確認ください。', '確認', false],
]);

describe('isHonorificNounSurface', () => {
  it.each([
    ['ご清栄', true],
    ['ご存じ', true],
    ['ご確認', false],
  ] as const)('%s → %s', (surface, expected) => {
    expect(isHonorificNounSurface(surface)).toBe(expected);
  });
});

table('isVerb', isVerb, [
  ['商品を送ります。', '送り', true],
  ['商品を送ります。', 'ます', false],
  ['商品を送ります。', '商品', false],
]);

table('isReruRareru', isReruRareru, [
  ['お客様が来られました。', 'れ', true],
  ['先日の件で上司に叱られた。', 'れ', true],
  ['確認されましたか。', 'れ', true],
  ['確認しました。', 'し', false],
]);

table('isCausative', isCausative, [
  ['確認させていただきます。', 'せ', true],
  ['読まさせていただきます。', 'させ', true],
  ['確認していただきます。', 'し', false],
]);

table('isReceivingAuxiliary', isReceivingAuxiliary, [
  ['ご確認いただきました。', 'いただき', true],
  ['教えてもらいました。', 'もらい', true],
  ['教えてくれました。', 'くれ', false],
]);

table('isIchidanVerb', isIchidanVerb, [
  ['明日は起きれる。', '起き', true],
  ['食べれます。', '食べ', true],
  ['読めます。', '読め', true],
  ['行きます。', '行き', false],
]);

table('isKuruVerb', isKuruVerb, [
  ['明日はこれる。', 'こ', true],
  ['明日は行ける。', '行ける', false],
]);

table('isGodanVerb', isGodanVerb, [
  ['明日は行きます。', '行き', true],
  ['資料を読まさせていただきます。', '読ま', true],
  ['食べます。', '食べ', false],
]);

table('isMizenkei', isMizenkei, [
  ['できない。', 'でき', true],
  ['確認できます。', 'でき', false],
]);

table('isCasualContraction', isCasualContraction, [
  ['間違えちゃった。', 'ちゃっ', true],
  ['もう届いてる。', 'てる', true],
  ['それでいいじゃん。', 'じゃん', true],
  ['そうっす。', 'っす', true],
  ['届いています。', 'い', false],
]);

table('isCasualFinalParticle', isCasualFinalParticle, [
  ['大丈夫だよ。', 'よ', true],
  ['届いたかな。', 'な', true],
  ['届いたかしら。', 'かしら', true],
  ['届きましたか。', 'か', false],
]);

table('isCasualInterjection', isCasualInterjection, [
  ['うん、わかった。', 'うん', true],
  ['ほら、届いた。', 'ほら', true],
  ['はい、承知しました。', 'はい', false],
]);

table('isColloquialParticle', isColloquialParticle, [
  ['返金って、できますか。', 'って', true],
  ['返金は、できますか。', 'は', false],
]);

table('isFamiliarPronoun', isFamiliarPronoun, [
  ['俺が確認する。', '俺', true],
  ['君の注文は届いた。', '君', true],
  ['私が確認します。', '私', false],
]);

describe('isCasualDesho', () => {
  it.each([
    ['分かるでしょ？', true],
    ['いかがでしょうか。', false],
    ['届くでしょう。', false],
  ] as const)('%s → %s', async (text, expected) => {
    const tokens = await tokensOf(text);
    expect(isCasualDesho(tokens, indexOfToken(tokens, 'でしょ'))).toBe(expected);
  });
});

describe('isDearuAt', () => {
  it.each([
    ['原因は設定の誤りである。', 'ある', true],
    ['原因は設定の誤りであった。', 'あっ', true],
    ['在庫がある。', 'ある', false],
  ] as const)('%s (%s) → %s', async (text, surface, expected) => {
    const tokens = await tokensOf(text);
    expect(isDearuAt(tokens, indexOfToken(tokens, surface))).toBe(expected);
  });
});

describe('lastPredicateIndex', () => {
  it.each([
    ['確認しましたよね。', 'た'],
    ['発送済みです！', 'です'],
    ['届きましたか？', 'た'],
  ] as const)('%s → %s', async (text, surface) => {
    const tokens = await tokensOf(text);
    expect(tokens[lastPredicateIndex(tokens)]!.surface).toBe(surface);
  });
});

describe('isPlainFormEnding / isPoliteEnding', () => {
  it.each([
    ['確認しました。', false, true],
    ['確認した。', true, false],
    ['できない。', true, false],
    ['原因は設定の誤りである。', true, false],
    ['ご確認ください。', false, true],
    ['ありがとうございます。', false, true],
    ['そこでしている。', true, false],
    ['分かるでしょ？', true, false],
    ['ご注文の件。', false, false],
  ] as const)('%s → plain %s, polite %s', async (text, plain, polite) => {
    const tokens = await tokensOf(text);
    expect(isPlainFormEnding(tokens)).toBe(plain);
    expect(isPoliteEnding(tokens)).toBe(polite);
  });
});
