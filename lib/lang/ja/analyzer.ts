/** Japanese half of the engine: segmentation (split.ts) and per-sentence tokens, ending, keigo and register. */
import type { SentenceAnalyzer } from '../analyzer';
import { endingOf } from './ending';
import { keigoMarks } from './keigo';
import { registerOf } from './register';
import { repairRiForms } from './repair';
import { splitJapanese } from './split';
import type { JaTokenizer } from './tokenizer';
import type { JaSentence, JaToken } from './types';

/** The analysis of one sentence from its tokens (pure; the engine caches it by sentence text). */
export function analyzeJaTokens(raw: JaToken[]): JaSentence {
  const tokens = repairRiForms(raw);
  const ending = endingOf(tokens);
  const keigo = keigoMarks(tokens);
  return { tokens, ending, keigo, register: registerOf(tokens, ending, keigo) };
}

export function createJaAnalyzer(tokenizer: JaTokenizer): SentenceAnalyzer<JaSentence> {
  return {
    lang: 'ja',
    split: splitJapanese,
    analyze(sentence: string): JaSentence {
      return analyzeJaTokens(tokenizer.tokenize(sentence));
    },
  };
}
