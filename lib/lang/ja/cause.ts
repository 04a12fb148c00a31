/**
 * Whether a Japanese sentence explains the cause of a problem: a cause phrase (原因, 調査の結果,
 * 判明 …), a cause noun before により / によって / のため / の影響で (システム障害により), or a past
 * event before ため (確認漏れがあったため). 「ご確認のため」 is a purpose, not a cause.
 */
import data from '../../../dictionaries/ja/cause.json';
import { PhraseSet } from '../../engine/phrases';
import type { JaToken } from './types';

const MARKERS = new PhraseSet(data.markers);
const CAUSE_NOUNS: readonly string[] = data.causeNouns;

function endsInCauseNoun(tokens: readonly JaToken[], i: number): boolean {
  const t = tokens[i];
  return !!t && t.pos === '名詞' && CAUSE_NOUNS.some((n) => t.surface.endsWith(n));
}

export function explainsCause(text: string, tokens: readonly JaToken[]): boolean {
  if (MARKERS.test(text)) return true;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1]!;
    // 〜ため: after a past or ongoing event (あったため, 発生しているため) or 〈cause noun〉のため
    if (t.surface === 'ため' || t.surface === 'ために') {
      if (prev.pos === '助動詞' && (prev.baseForm === 'た' || prev.conjugatedType === '特殊・タ')) return true;
      if (prev.pos === '動詞' && (prev.baseForm === 'いる' || prev.baseForm === 'おる')) return true;
      if (prev.surface === 'の' && endsInCauseNoun(tokens, i - 2)) return true;
    }
    // 〈cause noun〉により / によって / による (one token or に + よる)
    if (t.pos === '助詞' && t.surface.startsWith('によ') && endsInCauseNoun(tokens, i - 1)) return true;
    if (t.surface === 'に' && endsInCauseNoun(tokens, i - 1)) {
      const n = tokens[i + 1];
      if (n && (n.baseForm === 'よる' || n.surface === 'より')) return true;
    }
  }
  return false;
}
