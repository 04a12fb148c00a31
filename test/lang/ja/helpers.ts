/** Real kuromoji analyses for the Japanese analysis tests (the shared test engine, one sentence at a time). */
import { jaSentences, type JaSentenceEntry } from '../../../lib/engine/document';
import type { JaToken } from '../../../lib/lang/ja/types';
import { testEngine } from '../../helpers/engine';

/** The analysis of a one-sentence text (throws if the text is not exactly one sentence). */
export async function sentenceOf(text: string): Promise<JaSentenceEntry> {
  const engine = await testEngine();
  const sentences = jaSentences(engine.analyzeText(text, { lang: 'ja' }));
  if (sentences.length !== 1) throw new Error(`expected one sentence in ${text}, got ${sentences.length}`);
  return sentences[0]!;
}

export async function tokensOf(text: string): Promise<JaToken[]> {
  return (await sentenceOf(text)).ja.tokens;
}

/** The token with this surface (the first, or the n-th when it repeats). */
export function token(tokens: readonly JaToken[], surface: string, nth = 0): JaToken {
  const found = tokens.filter((t) => t.surface === surface)[nth];
  if (!found) throw new Error(`no token ${surface} in ${tokens.map((t) => t.surface).join('|')}`);
  return found;
}

export function indexOfToken(tokens: readonly JaToken[], surface: string): number {
  const i = tokens.findIndex((t) => t.surface === surface);
  if (i < 0) throw new Error(`no token ${surface} in ${tokens.map((t) => t.surface).join('|')}`);
  return i;
}
