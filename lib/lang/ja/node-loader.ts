/**
 * Node loader for kuromoji's IPADIC dictionary (CLI, tests, eval, bench): reads the dictionary files
 * shipped in the kuromoji package.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import kuromoji from 'kuromoji';
import type { KuromojiTokenizer } from './tokenizer';

export function kuromojiDictPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
}

export function loadKuromojiStock(dicPath = kuromojiDictPath()): Promise<KuromojiTokenizer> {
  return new Promise((resolve, reject) => {
    kuromoji.builder({ dicPath }).build((error, tokenizer) => {
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(tokenizer as unknown as KuromojiTokenizer);
    });
  });
}
