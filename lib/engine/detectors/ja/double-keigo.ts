/**
 * ja/double-keigo — 二重敬語: the same kind of keigo stacked twice on one verb.
 *
 * - 尊敬語 + the honorific れる/られる: おっしゃられる, ご覧になられる, お帰りになられる,
 *   いらっしゃられる, ご利用なさられる → おっしゃる, ご覧になる, お帰りになる …
 * - 謙譲語 + させていただく: お伺いさせていただく → 伺う, 拝見させていただく → 拝見いたす,
 *   ご連絡させていただく → ご連絡いたす.
 *
 * Forms usage has accepted (お召し上がりになる, お見えになる, お伺いする — 文化審議会「敬語の指針」)
 * are not flagged. The fix keeps the sentence's conjugation (ご覧になられましたか → ご覧になりましたか).
 */
import data from '../../../../dictionaries/ja/keigo.json';
import { conjugateVerb, formBefore } from '../../../lang/ja/conjugate';
import type { KeigoMark, JaToken } from '../../../lang/ja/types';
import { defineDetector } from '../../detector';
import { NO_OPTIONS } from '../../options';
import type { JaSentenceEntry } from '../../document';
import { tokenRewriteFindings } from '../../token-rewrite';

const HUMBLE_STEMS = new Map(Object.entries(data.doubleHumbleStems.stems));
const STACKABLE = new Set(['o-ni-naru', 'honorific-verb', 'go-nasaru', 'o-kudasai']);
const HUMBLE_FRAMES = new Set(['o-suru', 'o-itasu', 'humble-noun']);

const TE = (t: JaToken | undefined) => !!t && t.pos === '助詞' && (t.surface === 'て' || t.surface === 'で');

interface Rewrite {
  /** Token range the finding covers and the fix replaces. */
  from: number;
  to: number;
  text: string;
  /** A second fix (ご覧になります as well as ご覧になれます). */
  alternative?: string;
  message: 'stacked' | 'humbleStacked';
  /** ご連絡させていただく: redundant rather than wrong — so common in business mail that it is a tip. */
  mild?: boolean;
}

/** Words that make a statement about what anyone can do (いつでも, どなたでも). */
const ANYONE = new Set(['いつでも', 'どなたでも', 'どこでも', '誰でも', 'だれでも', 'どちらでも']);
const PLACE_NOUN = new Set(['一般', '固有名詞', 'サ変接続']);
const WH = new Set(['いつ', 'どなた', 'どこ', '誰', 'だれ', 'どちら']);

/**
 * Whether the れる/られる on お〜になる is meant as the potential (ご覧になれる, "can view") rather than a
 * second honorific: a non-past statement of where, or that anyone or at any time, one can do it
 * (マイページからご覧になられます, いつでもご覧になられます). A negation is no sign of it: お忘れになられ
 * ませんように and おあがりになられませんか are honorific.
 */
function potentialReru(tokens: readonly JaToken[], m: KeigoMark): boolean {
  const reru = m.reruIndex!;
  const after = tokens.slice(reru + 1, reru + 4);
  if (after.some((t) => t.pos === '助動詞' && (t.baseForm === 'た' || t.baseForm === 'ない' || t.baseForm === 'ん' || t.baseForm === 'ぬ'))) return false;
  for (let k = 0; k < m.from; k++) {
    const t = tokens[k]!;
    if (ANYONE.has(t.surface) || (t.surface === 'でも' && WH.has(tokens[k - 1]?.surface ?? ''))) return true;
    // 〈place〉から / 〈place〉では: マイページから, アプリでは (not a time: 明日から, 小さい頃から)
    const place = tokens[k - 1];
    if (t.pos === '助詞' && (t.surface === 'から' || t.surface === 'で') && place?.pos === '名詞' && PLACE_NOUN.has(place.posDetail1)) {
      const n = tokens[k + 1];
      if (t.surface === 'から' || n?.surface === 'は' || n?.surface === 'も') return true;
    }
  }
  return false;
}

/**
 * 〜られる on a 尊敬語: drop it and give the verb the form the next token needs. When the られ is the
 * potential (ご覧になられます = "can view"), dropping it would change the meaning: the fix is the
 * honorific's own potential (ご覧になれます), with the plain honorific as the alternative.
 */
function dropReru(tokens: readonly JaToken[], m: KeigoMark): Rewrite | undefined {
  const reru = m.reruIndex!;
  const verb = tokens[reru - 1]!;
  const next = formBefore(tokens[reru + 1]);
  const form = conjugateVerb(verb.baseForm, verb.conjugatedType, next);
  if (!form) return undefined;
  const before = tokens
    .slice(m.from, reru - 1)
    .map((t) => t.surface)
    .join('');
  if (m.form === 'o-ni-naru' && verb.baseForm === 'なる' && potentialReru(tokens, m)) {
    const reruForm = tokens[reru]!.conjugatedForm;
    const potential = conjugateVerb('なれる', '一段', reruForm.startsWith('未然') ? '未然形' : next);
    if (potential) return { from: m.from, to: reru + 1, text: before + potential, alternative: before + form, message: 'stacked' };
  }
  return { from: m.from, to: reru + 1, text: before + form, message: 'stacked' };
}

/** お伺いさせていただく → 伺う; 拝見させていただく / ご連絡させていただく → 〜いたす. */
function dropSasete(tokens: readonly JaToken[], frame: KeigoMark, sasete: KeigoMark): Rewrite | undefined {
  const next = tokens[sasete.to];
  const humble = HUMBLE_STEMS.get(frame.lexeme);
  if (humble && frame.form === 'o-suru') {
    const form = conjugateVerb(humble.verb, humble.type, formBefore(next));
    return form ? { from: frame.from, to: sasete.to, text: form, message: 'humbleStacked' } : undefined;
  }
  // Keep the frame's stem (ご連絡, 拝見) and replace する + させていただく with いたす.
  const suru = frame.to - 1;
  const form = conjugateVerb('いたす', '五段・サ行', formBefore(next));
  if (!form || tokens[suru]!.baseForm !== 'する') return undefined;
  const stem = tokens
    .slice(frame.from, suru)
    .map((t) => t.surface)
    .join('');
  // ご提案させていただく / ご連絡させていただく (ご + an ordinary verbal noun) is everywhere in business mail
  // and reads as over-polite, not wrong: a tip. 拝見させていただく stacks on a humble word: an error.
  const ordinary = /^[おご御]/.test(stem) && frame.form === 'o-suru';
  return { from: frame.from, to: sasete.to, text: stem + form, message: 'humbleStacked', ...(ordinary ? { mild: true } : {}) };
}

function rewrites(s: JaSentenceEntry): Rewrite[] {
  const { tokens, keigo } = s.ja;
  const out: Rewrite[] = [];
  for (let k = 0; k < keigo.length; k++) {
    const m = keigo[k]!;
    if (m.type === 'sonkeigo' && STACKABLE.has(m.form) && m.stackedReru) {
      const r = dropReru(tokens, m);
      if (r) out.push(r);
      continue;
    }
    if (HUMBLE_FRAMES.has(m.form)) {
      const sasete = keigo.find((x) => x.form === 'sasete-itadaku' && x.from <= m.to && x.to > m.to);
      // 〜させていただいてもよろしいでしょうか asks permission: that is what させていただく is for.
      const permission = sasete && TE(tokens[sasete.to]) && tokens[sasete.to + 1]?.surface === 'も';
      if (sasete && !permission) {
        const r = dropSasete(tokens, m, sasete);
        if (r) out.push(r);
      }
    }
  }
  return out;
}

export default defineDetector({
  meta: {
    id: 'ja/double-keigo',
    kind: 'honorific',
    languages: ['ja'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: true,
    schema: NO_OPTIONS,
    holdsSend: true,
    description: {
      en: 'No 二重敬語: one honorific per verb (おっしゃられる → おっしゃる, お伺いさせていただく → 伺う).',
      ja: '二重敬語を避け、一つの動詞に敬語は一つにします（おっしゃられる→おっしゃる、お伺いさせていただく→伺う）。',
    },
    messages: {
      stacked: {
        en: '“{wrong}” stacks two honorifics (二重敬語); “{right}” is already respectful.',
        ja: '「{wrong}」は尊敬語が重なった二重敬語です。「{right}」で十分に丁寧です。',
      },
      humbleStacked: {
        en: '“{wrong}” stacks humble forms (過剰敬語); write “{right}”.',
        ja: '「{wrong}」は謙譲表現が重なった過剰な敬語です。「{right}」としましょう。',
      },
      fix: { en: 'Write “{right}”', ja: '「{right}」に直す' },
      reason: {
        en: 'Stacked keigo sounds clumsy and insecure to Japanese readers — a sign the writer is unsure of keigo rather than respectful; one correct honorific reads as more professional.',
        ja: '敬語を重ねると、丁寧さよりも敬語に不慣れな印象を与え、回りくどく聞こえます。正しい敬語を一つ使う方が、プロらしく誠実に伝わります。',
      },
    },
  },
  detect: ({ doc }) =>
    tokenRewriteFindings(doc, (s) => rewrites(s).map((r) => ({ from: r.from, to: r.to, message: r.message, right: r.alternative ? [r.text, r.alternative] : [r.text], ...(r.mild ? { mild: true } : {}) }))),
});
