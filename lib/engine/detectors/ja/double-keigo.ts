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
  message: 'stacked' | 'humbleStacked';
}

/** 〜られる on a 尊敬語: drop it and give the verb the form the next token needs. */
function dropReru(tokens: readonly JaToken[], m: KeigoMark): Rewrite | undefined {
  const reru = m.reruIndex!;
  const verb = tokens[reru - 1]!;
  const form = conjugateVerb(verb.baseForm, verb.conjugatedType, formBefore(tokens[reru + 1]));
  if (!form) return undefined;
  const before = tokens
    .slice(m.from, reru - 1)
    .map((t) => t.surface)
    .join('');
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
  return { from: frame.from, to: sasete.to, text: stem + form, message: 'humbleStacked' };
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
    tokenRewriteFindings(doc, (s) => rewrites(s).map((r) => ({ from: r.from, to: r.to, message: r.message, right: [r.text] }))),
});
