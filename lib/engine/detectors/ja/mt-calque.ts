/**
 * ja/mt-calque — machine-translation calques: English support phrasing carried word for word into
 * Japanese, which no Japanese agent writes and every Japanese customer notices:
 *
 * - 親愛なる〜 ("Dear …") → drop it: a Japanese reply opens with 〜様;
 * - 私たち / 私達 / 我々 ("we", "our") → 弊社 (the company speaks as 弊社, or 私ども);
 * - 〜を認識しています ("we are aware of") → 〜を把握しております;
 * - 〜に感謝します ("we appreciate") → 〜に感謝申し上げます.
 *
 * Read from tokens (親愛 + なる, 私 + たち, 認識 + する + ている, 感謝 + する), so spacing and
 * conjugation do not matter. あなた is ja/customer-address's.
 */
import type { JaToken } from '../../../lang/ja/types';
import { defineDetector, type RawFinding } from '../../detector';
import { jaSentences } from '../../document';
import { NO_OPTIONS } from '../../options';

interface Calque {
  from: number;
  to: number;
  natural: string;
}

const WE = new Set(['私', 'わたし']);

function calques(tokens: readonly JaToken[]): Calque[] {
  const out: Calque[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const n = tokens[i + 1];
    if (t.baseForm === '親愛' && n && (n.surface === 'なる' || n.baseForm === 'なり')) {
      out.push({ from: i, to: i + 1, natural: '' });
      i++;
      continue;
    }
    if (WE.has(t.surface) && n && (n.surface === 'たち' || n.surface === '達')) {
      out.push({ from: i, to: i + 1, natural: '弊社' });
      i++;
      continue;
    }
    if (t.surface === '我々' || t.surface === 'われわれ') {
      out.push({ from: i, to: i, natural: '弊社' });
      continue;
    }
    // 認識しています / 認識しております (with an object: 〜を認識して…) → 把握しております
    if (t.baseForm === '認識' && tokens[i - 1]?.surface === 'を' && n?.baseForm === 'する' && tokens[i + 2]?.surface === 'て' && ['いる', 'おる'].includes(tokens[i + 3]?.baseForm ?? '')) {
      let end = i + 3;
      while (tokens[end + 1] && tokens[end + 1]!.pos === '助動詞') end++;
      out.push({ from: i, to: end, natural: '把握しております' });
      i = end;
      continue;
    }
    // 感謝します (plain する, not いたす / 申し上げる) → 感謝申し上げます
    if (t.baseForm === '感謝' && n?.baseForm === 'する' && n.pos === '動詞' && tokens[i + 2]?.baseForm === 'ます' && tokens[i + 3]?.baseForm !== 'た') {
      out.push({ from: i, to: i + 2, natural: '感謝申し上げます' });
      i += 2;
    }
  }
  return out;
}

export default defineDetector({
  meta: {
    id: 'ja/mt-calque',
    kind: 'formality',
    languages: ['ja'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: true,
    holdsSend: false,
    schema: NO_OPTIONS,
    description: {
      en: 'Machine-translation calques (親愛なる, 私たちは, 〜を認識しています): write as a Japanese agent would (弊社, 把握しております).',
      ja: '機械翻訳調の表現（親愛なる、私たちは、〜を認識しています）を、日本の担当者が書く表現（弊社、把握しております）に直します。',
    },
    messages: {
      calque: {
        en: '“{text}” reads as a word-for-word translation from English; write “{natural}”.',
        ja: '「{text}」は英語の直訳調です。「{natural}」としましょう。',
      },
      calqueDrop: {
        en: '“{text}” is a translation of “Dear”; a Japanese reply opens with the name and 様 alone.',
        ja: '「{text}」は英語の Dear の直訳です。宛名は「〜様」だけにしましょう。',
      },
      replace: { en: 'Replace with “{natural}”', ja: '「{natural}」に置き換える' },
      drop: { en: 'Remove “{text}”', ja: '「{text}」を削除' },
      reason: {
        en: 'Japanese customers recognise translated support mail at once; it tells them the company did not write to them in their language, and it sounds distant and odd.',
        ja: '日本のお客様は翻訳調のメールをすぐに見分けます。自分の言葉で書かれていない印象を与え、よそよそしく不自然に響きます。',
      },
    },
  },
  detect({ doc }) {
    const findings: RawFinding[] = [];
    for (const s of jaSentences(doc)) {
      const tokens = s.ja.tokens;
      for (const c of calques(tokens)) {
        const start = s.start + tokens[c.from]!.start;
        const end = s.start + tokens[c.to]!.end;
        const text = doc.text.slice(start, end);
        if (c.natural === '') {
          findings.push({ start, end, message: 'calqueDrop', data: { text }, fixes: [{ label: 'drop', data: { text }, edits: [{ start, end, text: '' }] }] });
        } else {
          findings.push({
            start,
            end,
            message: 'calque',
            data: { text, natural: c.natural },
            fixes: [{ label: 'replace', data: { natural: c.natural }, edits: [{ start, end, text: c.natural }] }],
          });
        }
      }
    }
    return findings;
  },
});
