/**
 * Verb conjugation for fixes: from a dictionary form and its IPADIC conjugation type (活用型) to the
 * form a fix needs (連用形 for 〜ます, 連用タ接続 for 〜た/〜て, 未然形 for 〜ない …), and the polite
 * rewriting of a plain sentence ending (確認した → 確認しました, できない → できません, だ → です).
 */
import type { JaEnding } from './ending';
import type { JaToken } from './types';

export type ConjugationForm = '基本形' | '未然形' | '未然ウ接続' | '連用形' | '連用タ接続' | '仮定形' | '命令形';

const ROWS: Record<string, string> = {
  // u-row kana → [a, i, u, e, o]
  う: 'わいうえお',
  く: 'かきくけこ',
  ぐ: 'がぎぐげご',
  す: 'さしすせそ',
  つ: 'たちつてと',
  ぬ: 'なにぬねの',
  ぶ: 'ばびぶべぼ',
  む: 'まみむめも',
  る: 'らりるれろ',
};

/** The 音便 stem before た/て for each 五段 row. */
function onbin(type: string, last: string): string {
  if (type.includes('イ音便')) return 'い'; // 書く → 書い
  if (type.includes('ウ音便')) return 'う'; // 問う → 問う
  if (type.includes('促音便')) return 'っ'; // 行く, 言う → 行っ, 言っ
  switch (last) {
    case 'ぐ':
      return 'い';
    case 'す':
      return 'し';
    case 'ぬ':
    case 'ぶ':
    case 'む':
      return 'ん';
    default:
      return 'っ'; // つ, る, う
  }
}

/**
 * `base` conjugated to `form`, or undefined when the type is one we do not conjugate. `type` is the
 * IPADIC 活用型 of the verb (五段・ラ行, 一段, サ変・スル, カ変・来ル …).
 */
export function conjugateVerb(base: string, type: string, form: ConjugationForm): string | undefined {
  if (type.startsWith('五段')) {
    const last = base.slice(-1);
    const stem = base.slice(0, -1);
    const row = ROWS[last];
    if (!row) return undefined;
    const special = type.includes('ラ行特殊'); // くださる, いらっしゃる, おっしゃる, なさる, ござる
    switch (form) {
      case '基本形':
        return base;
      case '未然形':
        return stem + row[0];
      case '未然ウ接続':
        return stem + row[4];
      case '連用形':
        return stem + (special ? 'い' : row[1]);
      case '連用タ接続':
        return stem + onbin(type, last);
      case '仮定形':
        return stem + row[3];
      case '命令形':
        return stem + (special ? 'い' : row[3]);
    }
  }
  if (type === '一段' || type.startsWith('一段')) {
    if (!base.endsWith('る')) return undefined;
    const stem = base.slice(0, -1);
    switch (form) {
      case '基本形':
        return base;
      case '仮定形':
        return `${stem}れ`;
      case '命令形':
        return `${stem}ろ`;
      case '未然ウ接続':
        return `${stem}よ`;
      default:
        return stem;
    }
  }
  if (type.startsWith('サ変')) {
    // する, 〜ずる (存ずる)
    const zuru = base.endsWith('ずる');
    const stem = base.slice(0, -2);
    const f = zuru
      ? { 基本形: 'ずる', 未然形: 'じ', 未然ウ接続: 'じよ', 連用形: 'じ', 連用タ接続: 'じ', 仮定形: 'ずれ', 命令形: 'じろ' }
      : { 基本形: 'する', 未然形: 'し', 未然ウ接続: 'しよ', 連用形: 'し', 連用タ接続: 'し', 仮定形: 'すれ', 命令形: 'しろ' };
    return stem + f[form];
  }
  if (type.startsWith('カ変')) {
    const kanji = base.startsWith('来');
    const f = kanji
      ? { 基本形: '来る', 未然形: '来', 未然ウ接続: '来よ', 連用形: '来', 連用タ接続: '来', 仮定形: '来れ', 命令形: '来い' }
      : { 基本形: 'くる', 未然形: 'こ', 未然ウ接続: 'こよ', 連用形: 'き', 連用タ接続: 'き', 仮定形: 'くれ', 命令形: 'こい' };
    return base.slice(0, -2) + f[form];
  }
  return undefined;
}

/** 連用形 (the ます-stem) of a verb token, from its base form and type. */
export function masuStem(t: JaToken): string | undefined {
  if (t.pos !== '動詞') return undefined;
  return conjugateVerb(t.baseForm, t.conjugatedType, '連用形');
}

/** The form the *next* token asks of a verb (た/て → 連用タ接続, ます → 連用形, ない → 未然形 …). */
export function formBefore(next: JaToken | undefined): ConjugationForm {
  if (!next) return '基本形';
  if (next.pos === '助動詞') {
    if (next.baseForm === 'た') return '連用タ接続';
    if (next.baseForm === 'ます' || next.baseForm === 'たい') return '連用形';
    if (next.baseForm === 'ない' || next.baseForm === 'ぬ' || next.baseForm === 'ん') return '未然形';
    if (next.baseForm === 'う') return '未然ウ接続';
    return '基本形';
  }
  if (next.pos === '助詞' && (next.surface === 'て' || next.surface === 'で')) return '連用タ接続';
  if (next.pos === '助詞' && next.surface === 'ば') return '仮定形';
  if (next.pos === '動詞' && next.posDetail1 === '非自立') return '連用形';
  if (next.pos === '名詞' || next.pos === '記号' || next.pos === '助詞') return '基本形';
  return '連用形';
}

/** A replacement of tokens [from, to) of a sentence by `text`. */
export interface TokenEdit {
  from: number;
  to: number;
  text: string;
}

const DROP_PARTICLES = new Set(['な', 'わ', 'さ', 'ぞ', 'ぜ', 'じゃん', 'っす', 'もん', 'なあ', 'ねえ']);

/**
 * The polite (です/ます) rewrite of a plain sentence ending, as an edit of the sentence's tokens, or
 * undefined when no safe rewrite is known. Final particles are kept (だよね → ですよね), except
 * conversational ones (な, わ, ぞ …) which are dropped.
 */
export function politeEnding(tokens: readonly JaToken[], ending: JaEnding): TokenEdit | undefined {
  if (ending.kind !== 'plain' && ending.kind !== 'dearu') return undefined;
  const to = ending.to;
  const last = tokens[to - 1];
  if (!last) return undefined;
  const r = rewrite(tokens, to, ending);
  if (!r) return undefined;
  // Conversational final particles after the predicate are dropped with the rewrite (よな → よ).
  let tail = to;
  while (tail < tokens.length && tokens[tail]!.pos === '助詞' && r.to <= tail) tail++;
  const particles = tokens.slice(to, tail);
  if (r.to !== to || !particles.some((t) => DROP_PARTICLES.has(t.surface))) return r;
  const kept = particles.filter((t) => !DROP_PARTICLES.has(t.surface)).map((t) => t.surface).join('');
  return { from: r.from, to: tail, text: r.text + kept };
}

function rewrite(tokens: readonly JaToken[], to: number, ending: JaEnding): TokenEdit | undefined {
  const last = tokens[to - 1]!;
  const prev = tokens[to - 2];
  const prev2 = tokens[to - 3];

  // A te-form request: 確認して。 → 確認してください。
  if (ending.trailing === 'て' || ending.trailing === 'で') {
    const te = tokens[to];
    if (te && (te.surface === 'て' || te.surface === 'で')) return { from: to, to: to + 1, text: `${te.surface}ください` };
    return undefined;
  }

  // である / であった / であろう
  if (ending.kind === 'dearu') {
    const de = tokens.findIndex((t, i) => i >= ending.head && t.surface === 'で' && t.baseForm === 'だ' && tokens[i + 1]?.baseForm === 'ある');
    if (de < 0) return undefined;
    const after = tokens.slice(de + 2, to).map((t) => t.surface).join('');
    if (after === '') return { from: de, to, text: 'です' };
    if (after === 'た') return { from: de, to, text: 'でした' };
    if (after === 'う') return { from: de, to, text: 'でしょう' };
    return undefined;
  }

  if (last.pos === '助動詞') {
    // kuromoji gives 読んだ's だ the base form だ but the type 特殊・タ: it is the past た.
    const aux = last.conjugatedType === '特殊・タ' ? 'た' : last.baseForm;
    switch (aux) {
      case 'た': {
        if (!prev) return undefined;
        // 〜なかった → 〜ませんでした (verb), 〜くなかった → 〜くありませんでした (adjective)
        if (prev.pos === '助動詞' && prev.baseForm === 'ない' && prev2) {
          if (prev2.pos === '動詞') {
            const stem = masuStem(prev2);
            return stem ? { from: to - 3, to, text: `${stem}ませんでした` } : undefined;
          }
          return undefined;
        }
        if (prev.pos === '形容詞' && prev.baseForm === 'ない') return { from: to - 2, to, text: 'ありませんでした' };
        if (prev.pos === '形容詞' || (prev.pos === '助動詞' && prev.baseForm === 'たい')) return { from: to, to, text: 'です' };
        if (prev.pos === '助動詞' && prev.baseForm === 'だ') return { from: to - 2, to, text: 'でした' };
        if (prev.pos === '動詞') {
          // ちゃった / じゃった → てしまいました / でしまいました
          if (prev.baseForm === 'ちゃう' || prev.baseForm === 'じゃう') {
            return { from: to - 2, to, text: prev.baseForm === 'ちゃう' ? 'てしまいました' : 'でしまいました' };
          }
          if (prev.baseForm === 'てる' || prev.baseForm === 'でる') {
            return { from: to - 2, to, text: prev.baseForm === 'てる' ? 'ていました' : 'でいました' };
          }
          const stem = masuStem(prev);
          return stem ? { from: to - 2, to, text: `${stem}ました` } : undefined;
        }
        return undefined;
      }
      case 'ない':
      case 'ん':
      case 'ぬ': {
        if (prev && prev.pos === '動詞') {
          const stem = masuStem(prev);
          return stem ? { from: to - 2, to, text: `${stem}ません` } : undefined;
        }
        // ではない, 良くない: ない after a particle or an adjective → ありません
        if (last.baseForm === 'ない' && prev && (prev.pos === '助詞' || prev.pos === '形容詞')) return { from: to - 1, to, text: 'ありません' };
        return undefined;
      }
      case 'だ':
        if (last.surface === 'だ') {
          // 〜んだ / 〜のだ → 〜んです / 〜のです; noun + だ → です
          return { from: to - 1, to, text: 'です' };
        }
        return undefined;
      case 'う':
      case 'よう': {
        if (prev && prev.pos === '助動詞' && prev.baseForm === 'だ') return { from: to - 2, to, text: 'でしょう' };
        if (prev && prev.pos === '動詞') {
          const stem = masuStem(prev);
          return stem ? { from: to - 2, to, text: `${stem}ましょう` } : undefined;
        }
        if (last.baseForm === 'よう' && prev && prev.pos === '動詞') return undefined;
        return undefined;
      }
      case 'たい':
      case 'らしい':
      case 'ようだ':
        return { from: to, to, text: 'です' };
      default:
        return undefined;
    }
  }
  if (last.pos === '形容詞') {
    if (last.baseForm === 'ない' && last.conjugatedForm === '基本形') {
      // ではない / じゃない → ではありません; 良くない, 在庫がない → 良くありません, ありません
      if (prev && prev.surface === 'じゃ') return { from: to - 2, to, text: 'ではありません' };
      return { from: to - 1, to, text: 'ありません' };
    }
    if (last.conjugatedForm === '基本形') return { from: to, to, text: 'です' };
    return undefined;
  }
  if (last.pos === '動詞' && last.conjugatedForm === '基本形') {
    if (last.baseForm === 'てる' || last.baseForm === 'でる') {
      return { from: to - 1, to, text: last.baseForm === 'てる' ? 'ています' : 'でいます' };
    }
    if (last.baseForm === 'ちゃう' || last.baseForm === 'じゃう') {
      return { from: to - 1, to, text: last.baseForm === 'ちゃう' ? 'てしまいます' : 'でしまいます' };
    }
    const stem = masuStem(last);
    return stem ? { from: to - 1, to, text: `${stem}ます` } : undefined;
  }
  return undefined;
}

/** The text span of a token edit in its sentence (an insertion goes right after token `from - 1`). */
export function tokenEditSpan(tokens: readonly JaToken[], edit: TokenEdit): { start: number; end: number; text: string } {
  if (edit.to === edit.from) {
    const at = edit.from > 0 ? tokens[edit.from - 1]!.end : 0;
    return { start: at, end: at, text: edit.text };
  }
  return { start: tokens[edit.from]!.start, end: tokens[edit.to - 1]!.end, text: edit.text };
}
