/**
 * kuromoji 0.1.2's own loader and builder (Node), for the benchmarks' side-by-side comparison and the
 * parity tests; Tonebridge itself never runs it.
 */
import kuromoji from 'kuromoji';
import { kuromojiPackageDir } from './dictionary/build-assets';
import path from 'node:path';
import type { KuromojiTokenizer } from './tokenizer';

export function kuromojiDictPath(): string {
  return path.join(kuromojiPackageDir(), 'dict');
}

export function loadKuromojiStock(dicPath = kuromojiDictPath()): Promise<KuromojiTokenizer> {
  return new Promise((resolve, reject) => {
    kuromoji.builder({ dicPath }).build((error, tokenizer) => {
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(tokenizer as unknown as KuromojiTokenizer);
    });
  });
}
