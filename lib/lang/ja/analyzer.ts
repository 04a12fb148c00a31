/** Japanese half of the engine: segmentation (split.ts) and per-sentence tokens and register. */
import type { SentenceAnalyzer } from '../../engine/analyzer';
import { registerOf } from './register';
import { splitJapanese } from './split';
import type { JaTokenizer } from './tokenizer';
import type { JaSentence } from './types';

export function createJaAnalyzer(tokenizer: JaTokenizer): SentenceAnalyzer<JaSentence> {
  return {
    lang: 'ja',
    split: splitJapanese,
    analyze(sentence: string): JaSentence {
      const tokens = tokenizer.tokenize(sentence);
      return { tokens, register: registerOf(tokens) };
    },
  };
}
