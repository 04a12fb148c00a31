/**
 * ja/ra-nuki — ら抜き言葉 and さ入れ言葉, colloquial verb forms that read as careless in writing:
 *
 * - ら抜き: the potential of an 一段 or カ変 verb without ら (食べれる, 来れる, 見れる) → 食べられる;
 * - さ入れ: a 五段 verb's causative with an extra さ (読まさせていただく, 行かさせて) → 読ませて.
 *
 * Found by grammar, not by list: an 一段 verb's 未然形 followed by れる can only be ら抜き, a 五段
 * verb's 未然形 followed by させる can only be さ入れ. IPADIC's one-word ら抜き forms (見れる) are data.
 */
import data from '../../../../dictionaries/ja/ra-nuki.json';
import type { JaToken } from '../../../lang/ja/types';
import { defineDetector } from '../../detector';
import { NO_OPTIONS } from '../../options';
import { tokenRewriteFindings } from '../../token-rewrite';

const LEXICALIZED = new Map(Object.entries(data.lexicalized));
/** a-row hiragana: the 未然形 ending of a 五段 verb (行か, 読ま, 帰ら). */
const A_ROW = new Set([...'かがさざただなばぱまらわ']);

interface Hit {
  from: number;
  to: number;
  message: 'raNuki' | 'saIre';
  /** The corrected text of tokens [from, to). */
  right: string;
}

function hits(tokens: readonly JaToken[]): Hit[] {
  const out: Hit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const n = tokens[i + 1];
    // 見れる, 来れる (one token): the stem before れ gets ら
    if (t.pos === '動詞' && LEXICALIZED.has(t.baseForm)) {
      const right = LEXICALIZED.get(t.baseForm)!;
      const stem = t.baseForm.slice(0, -2); // 見, 来
      const rightStem = right.slice(0, -2); // 見ら, 来ら
      out.push({ from: i, to: i + 1, message: 'raNuki', right: rightStem + t.surface.slice(stem.length) });
      continue;
    }
    if (!n || !(n.pos === '動詞' && n.posDetail1 === '接尾') || t.pos !== '動詞' || !t.conjugatedForm.startsWith('未然')) continue;
    // 食べ + れる, こ + れる → 食べられる
    if (n.baseForm === 'れる' && (t.conjugatedType === '一段' || t.conjugatedType.startsWith('カ変'))) {
      out.push({ from: i, to: i + 2, message: 'raNuki', right: `${t.surface}ら${n.surface}` });
      continue;
    }
    // 読ま + させる → 読ませる
    if (n.baseForm === 'させる' && t.conjugatedType.startsWith('五段')) {
      out.push({ from: i, to: i + 2, message: 'saIre', right: t.surface + n.surface.slice(1) });
      continue;
    }
    // 行かさ (行かす) + せ + て + いただく: an extra さ on a 五段 verb, read by IPADIC as a 〜す verb
    if (n.baseForm === 'せる' && t.conjugatedType === '五段・サ行' && t.baseForm.endsWith('す') && t.surface.endsWith('さ')) {
      const before = t.surface.slice(0, -1);
      const third = tokens[i + 2];
      const fourth = tokens[i + 3];
      const favour = third && (third.surface === 'て' || third.surface === 'で') && fourth && ['いただく', '頂く', 'もらう', 'くださる', '下さる', 'ほしい', '欲しい'].includes(fourth.baseForm);
      if (favour && A_ROW.has(before.slice(-1)) && before.length >= 2) {
        out.push({ from: i, to: i + 2, message: 'saIre', right: before + n.surface });
      }
    }
  }
  return out;
}

export default defineDetector({
  meta: {
    id: 'ja/ra-nuki',
    kind: 'formality',
    languages: ['ja'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: true,
    schema: NO_OPTIONS,
    holdsSend: true,
    description: {
      en: 'No ら抜き言葉 (食べれる → 食べられる) or さ入れ言葉 (読まさせて → 読ませて) in a customer reply.',
      ja: 'お客様への返信では、ら抜き言葉（食べれる→食べられる）やさ入れ言葉（読まさせて→読ませて）を使いません。',
    },
    messages: {
      raNuki: {
        en: '“{wrong}” drops the ら (ら抜き言葉); in writing it is “{right}”.',
        ja: '「{wrong}」はら抜き言葉です。書き言葉では「{right}」とします。',
      },
      saIre: {
        en: '“{wrong}” has an extra さ (さ入れ言葉); the correct form is “{right}”.',
        ja: '「{wrong}」はさ入れ言葉です。正しくは「{right}」です。',
      },
      fix: { en: 'Write “{right}”', ja: '「{right}」に直す' },
      reason: {
        en: 'ら抜き and さ入れ forms are common in speech but are marked as errors in written Japanese; in a company’s reply they read as careless, and さ入れ in particular as clumsy over-politeness.',
        ja: 'ら抜き言葉・さ入れ言葉は話し言葉では広く使われますが、書き言葉では誤りとされます。企業の返信では雑な印象を与え、特にさ入れ言葉は不自然な過剰敬語と受け取られます。',
      },
    },
  },
  detect: ({ doc }) => tokenRewriteFindings(doc, (s) => hits(s.ja.tokens).map((h) => ({ ...h, right: [h.right] }))),
});
