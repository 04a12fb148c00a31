/**
 * ja/keigo-direction — keigo pointed the wrong way. 尊敬語 raises the customer's actions, 謙譲語
 * lowers one's own; swapping them insults the customer or flatters oneself:
 *
 * - a humble verb made "honorific" for the customer: 申される → おっしゃる, 参られる → いらっしゃる,
 *   拝見される → ご覧になる, ご利用される → ご利用になる;
 * - a humble form in a request to the customer: 拝見してください → ご覧ください,
 *   伺ってください → お尋ねください, ご確認してください → ご確認ください;
 * - humble potential for the customer's action: ご利用できます → ご利用いただけます;
 * - 尊敬語 for one's own side: 私がいらっしゃいます → 参ります, 弊社がご説明なさいます →
 *   ご説明いたします, 私がご覧になりました → 拝見しました.
 */
import data from '../../../../dictionaries/ja/keigo.json';
import { conjugateVerb, formBefore } from '../../../lang/ja/conjugate';
import type { JaToken, KeigoMark } from '../../../lang/ja/types';
import { defineDetector } from '../../detector';
import type { JaSentenceEntry } from '../../document';
import { tokenRewriteFindings } from '../../token-rewrite';

interface Mapping {
  verb: string;
  type: string;
  request?: string;
}

const TO_HONORIFIC = new Map<string, Mapping>(Object.entries(data.humbleToHonorific.verbs));
const TO_HUMBLE = new Map<string, Mapping>(Object.entries(data.honorificToHumble.verbs));
const CUSTOMER_ACTIONS = new Set(data.customerActions.stems);
const SELF = new Set(data.selfMarkers.words);
const SELF_PARTICLES = new Set(data.selfMarkers.particles);

type Message = 'humbleForCustomer' | 'humbleRequest' | 'humblePotential' | 'honorificForSelf';

interface Rewrite {
  from: number;
  to: number;
  text: string;
  message: Message;
  /** A second fix (ご利用される → 利用される as well as ご利用になる). */
  alternative?: string;
}

const surfaces = (tokens: readonly JaToken[], from: number, to: number) =>
  tokens
    .slice(from, to)
    .map((t) => t.surface)
    .join('');

const TE = (t: JaToken | undefined) => !!t && t.pos === '助詞' && (t.surface === 'て' || t.surface === 'で');
const KUDASAI = (t: JaToken | undefined) => !!t && (t.baseForm === 'くださる' || t.baseForm === '下さる');

/** 申される / 拝見される / ご利用される / いたされる → the honorific verb. */
function humbleMadeHonorific(tokens: readonly JaToken[], m: KeigoMark): Rewrite | undefined {
  const reru = m.reruIndex!;
  const form = formBefore(tokens[reru + 1]);
  if (m.form === 'o-suru') {
    // ご利用される → ご利用になる (or 利用される)
    const naru = conjugateVerb('なる', '五段・ラ行', form);
    if (!naru) return undefined;
    const stem = surfaces(tokens, m.from, m.to - 1);
    return {
      from: m.from,
      to: reru + 1,
      text: `${stem}に${naru}`,
      message: 'humbleForCustomer',
      alternative: stem.replace(/^[おご御]/, '') + surfaces(tokens, m.to - 1, reru + 1),
    };
  }
  // 申し上げられません is the potential of an 一段 humble verb (I cannot say), not an honorific.
  if (tokens[m.from]!.conjugatedType === '一段') return undefined;
  const map = TO_HONORIFIC.get(m.lexeme);
  if (!map || !map.type) return undefined;
  const text = conjugateVerb(map.verb, map.type, form);
  return text ? { from: m.from, to: reru + 1, text, message: 'humbleForCustomer' } : undefined;
}

/** 拝見してください / 伺ってください / ご確認してください → the honorific request. */
function humbleRequest(tokens: readonly JaToken[], m: KeigoMark): Rewrite | undefined {
  let k = m.to;
  if (TE(tokens[k])) k++;
  const kudasai = tokens[k];
  if (!KUDASAI(kudasai) || !kudasai!.conjugatedForm.startsWith('命令') && tokens[k + 1]?.baseForm !== 'ます') return undefined;
  if (m.form === 'o-suru' || m.form === 'o-itasu') {
    // ご確認してください → ご確認ください
    return { from: m.from, to: k + 1, text: `${surfaces(tokens, m.from, m.to - 1)}${kudasai!.surface}`, message: 'humbleRequest' };
  }
  const map = TO_HONORIFIC.get(m.lexeme);
  if (!map?.request) return undefined;
  const request = kudasai!.surface === 'ください' ? map.request : map.request.replace(/ください$/, kudasai!.surface);
  return { from: m.from, to: k + 1, text: request, message: 'humbleRequest' };
}

/** ご利用できます → ご利用いただけます (the customer's action). */
function humblePotential(tokens: readonly JaToken[], m: KeigoMark): Rewrite | undefined {
  if (!CUSTOMER_ACTIONS.has(m.lexeme)) return undefined;
  const dekiru = tokens[m.to - 1]!;
  const text = conjugateVerb('いただける', '一段', dekiru.conjugatedForm.startsWith('未然') ? '未然形' : formBefore(tokens[m.to]));
  return text ? { from: m.to - 1, to: m.to, text, message: 'humblePotential' } : undefined;
}

/** The first token after which one's own side is the subject (私が, 弊社では), or -1. */
function selfSubject(tokens: readonly JaToken[]): number {
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    if (!SELF.has(t.surface)) continue;
    const n = tokens[i + 1]!;
    if (SELF_PARTICLES.has(n.surface)) return i + 1;
  }
  return -1;
}

/**
 * One's own subject does not reach the predicate: the customer is named in between
 * (私がお客様のおっしゃる…), or another predicate closes the subject's clause first
 * (私がしました理由をご存じですか, 私は自信がありますので、ご心配なさらず).
 */
function subjectInterrupted(tokens: readonly JaToken[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.surface === '様' || t.surface === 'さま' || t.surface.endsWith('様') || t.surface === '御社' || t.surface === '貴社') return true;
    if (t.pos === '動詞' || t.pos === '助動詞') {
      const n = tokens[k + 1];
      if (n && (n.pos === '名詞' || n.pos === '記号' || (n.pos === '助詞' && n.posDetail1 === '接続助詞' && n.surface !== 'て'))) return true;
    }
  }
  return false;
}

/** 私がいらっしゃいます → 参ります; ご説明なさいます → ご説明いたします; ご覧になりました → 拝見しました. */
function honorificForSelf(tokens: readonly JaToken[], m: KeigoMark): Rewrite | undefined {
  const last = tokens[m.to - 1]!;
  const form = formBefore(tokens[m.to]);
  if (m.form === 'honorific-verb') {
    const map = TO_HUMBLE.get(m.lexeme);
    const text = map && conjugateVerb(map.verb, map.type, form);
    return text ? { from: m.from, to: m.to, text, message: 'honorificForSelf' } : undefined;
  }
  if (m.form === 'go-nasaru') {
    const text = conjugateVerb('いたす', '五段・サ行', form);
    return text ? { from: m.from, to: m.to, text: surfaces(tokens, m.from, m.to - 1) + text, message: 'honorificForSelf' } : undefined;
  }
  if (m.form === 'o-ni-naru' && last.baseForm === 'なる') {
    const suru = conjugateVerb('する', 'サ変・スル', form);
    if (!suru) return undefined;
    if (m.lexeme === '覧') return { from: m.from, to: m.to, text: `拝見${suru}`, message: 'honorificForSelf' };
    // お送りになる → お送りする (drop に + なる)
    return { from: m.from, to: m.to, text: surfaces(tokens, m.from, m.to - 2) + suru, message: 'honorificForSelf' };
  }
  return undefined;
}

function rewrites(s: JaSentenceEntry): Rewrite[] {
  const { tokens, keigo } = s.ja;
  const out: Rewrite[] = [];
  const self = selfSubject(tokens);
  for (const m of keigo) {
    let r: Rewrite | undefined;
    if ((m.type === 'kenjogo' || m.form === 'itasu') && m.stackedReru) r = humbleMadeHonorific(tokens, m);
    else if (m.form === 'o-dekiru') r = humblePotential(tokens, m);
    else if (m.type === 'kenjogo' && m.form !== 'sasete-itadaku' && m.form !== 'te-itadaku' && m.form !== 'o-itadaku') r = humbleRequest(tokens, m);
    else if (m.type === 'sonkeigo' && self >= 0 && m.from > self && !subjectInterrupted(tokens, self, m.from)) r = honorificForSelf(tokens, m);
    if (r) out.push(r);
  }
  return out;
}

export default defineDetector({
  meta: {
    id: 'ja/keigo-direction',
    kind: 'honorific',
    languages: ['ja'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: true,
    holdsSend: true,
    description: {
      en: 'Honorific (尊敬語) for the customer’s actions, humble (謙譲語) for your own — never the other way round.',
      ja: 'お客様の動作には尊敬語、自分（自社）の動作には謙譲語を使い、逆にしないようにします。',
    },
    messages: {
      humbleForCustomer: {
        en: '“{wrong}” is a humble verb made honorific; for the customer’s action use “{right}”.',
        ja: '「{wrong}」は謙譲語に尊敬の「れる・られる」を付けた誤用です。お客様の動作には「{right}」を使います。',
      },
      humbleRequest: {
        en: '“{wrong}” asks the customer to act in humble language; write “{right}”.',
        ja: '「{wrong}」はお客様の動作に謙譲語を使っています。「{right}」としましょう。',
      },
      humblePotential: {
        en: '“{wrong}” is humble (ご〜できる) for the customer’s action; write “{right}”.',
        ja: '「{wrong}」（ご〜できる）は謙譲表現で、お客様の動作には使えません。「{right}」としましょう。',
      },
      honorificForSelf: {
        en: '“{wrong}” raises your own action with honorific language; use the humble “{right}”.',
        ja: '「{wrong}」は自分（自社）の動作に尊敬語を使っています。謙譲語の「{right}」を使いましょう。',
      },
      fix: { en: 'Write “{right}”', ja: '「{right}」に直す' },
      reason: {
        en: 'Keigo encodes who is raised and who is lowered. Humble words for the customer’s actions lower the customer; honorific words for one’s own actions raise oneself — both read as rude, and Japanese customers notice immediately.',
        ja: '敬語は、誰を高め誰がへりくだるかを表します。お客様の動作に謙譲語を使うとお客様を低めることになり、自分の動作に尊敬語を使うと自分を高めることになります。どちらも失礼にあたり、すぐに気付かれます。',
      },
    },
  },
  detect: ({ doc }) =>
    tokenRewriteFindings(doc, (s) =>
      rewrites(s).map((r) => ({ from: r.from, to: r.to, message: r.message, right: r.alternative ? [r.text, r.alternative] : [r.text] })),
    ),
});
