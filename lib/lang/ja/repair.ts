/**
 * Repairs of IPADIC tokenizations that would mislead the analysis. Run once per sentence by the
 * analyser (the engine caches the result), whichever loader produced the tokens.
 */
import type { JaToken } from './types';

/**
 * 連用形 in -り of the honorific 五段・ラ行特殊 verbs, which IPADIC lacks (it lists only ください,
 * なさい …): 「ご連絡くださり」 comes out as くだ + さり or くださ (くだす) + り (文語 り). These are
 * merged back into the one verb token they are.
 */
const RI_FORMS: Record<string, string> = {
  くださり: 'くださる',
  下さり: '下さる',
  なさり: 'なさる',
  為さり: '為さる',
  いらっしゃり: 'いらっしゃる',
};

export function repairRiForms(tokens: JaToken[]): JaToken[] {
  let out: JaToken[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    let merged: JaToken | undefined;
    let span = 0;
    for (const n of [2, 3]) {
      const window = tokens.slice(i, i + n);
      if (window.length < n) break;
      const last = window[n - 1]!;
      if (!last.surface.endsWith('り')) continue;
      if (window.some((t, k) => k > 0 && t.start !== window[k - 1]!.end)) continue;
      const surface = window.map((t) => t.surface).join('');
      const base = RI_FORMS[surface];
      if (!base) continue;
      const prev = tokens[i - 1];
      const bound = !!prev && prev.pos === '助詞' && (prev.surface === 'て' || prev.surface === 'で');
      merged = {
        surface,
        start: window[0]!.start,
        end: last.end,
        pos: '動詞',
        posDetail1: bound ? '非自立' : '自立',
        posDetail2: '',
        posDetail3: '',
        conjugatedType: '五段・ラ行特殊',
        conjugatedForm: '連用形',
        baseForm: base,
        reading: '',
      };
      span = n;
      break;
    }
    if (merged) {
      out ??= tokens.slice(0, i);
      out.push(merged);
      i += span - 1;
    } else if (out) {
      out.push(tokens[i]!);
    }
  }
  return out ?? tokens;
}

