/**
 * Node loaders for kuromoji's IPADIC dictionary (CLI, tests, eval, bench), reading the files shipped in
 * the kuromoji package.
 *
 * `loadJaTokenizer` is Tonebridge's: all files are read and gunzipped in parallel on libuv's thread
 * pool, streamed in 1 MB chunks into exactly sized buffers without the zero padding (dictionary/
 * collect.ts), and handed to the same builder the extension uses (dictionary/). `loadKuromojiStock` is
 * kuromoji's own builder, kept for the benchmark's side-by-side comparison and the parity tests.
 */
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import kuromoji from 'kuromoji';
import { buildJaTokenizer, collectTrimmed, dictionaryFileName, loadDictionaryBuffers } from './dictionary';
import type { DictionaryFile, IpadicTokenizer } from './dictionary';
import type { KuromojiTokenizer } from './tokenizer';

export function kuromojiDictPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
}

/** Output chunk size: large enough that the thread-pool round trips do not matter, small enough that a
 * chunk of padding is recognised and dropped before it costs memory. */
const CHUNK = 1 << 20;

/** One dictionary file, decompressed, its zero padding trimmed. */
export function gunzipDictionaryFile(file: string): Promise<Uint8Array> {
  const source = createReadStream(file, { highWaterMark: CHUNK });
  const gunzip = createGunzip({ chunkSize: CHUNK });
  source.on('error', (error) => gunzip.destroy(error));
  return collectTrimmed(source.pipe(gunzip));
}

/** Tonebridge's loader: the IPADIC tokenizer from a kuromoji `dict/` directory. */
export async function loadJaTokenizer(dicPath = kuromojiDictPath()): Promise<IpadicTokenizer> {
  const buffers = await loadDictionaryBuffers((file: DictionaryFile) =>
    gunzipDictionaryFile(path.join(dicPath, dictionaryFileName(file))),
  );
  return buildJaTokenizer(buffers);
}

/** kuromoji's stock builder (for comparison). */
export function loadKuromojiStock(dicPath = kuromojiDictPath()): Promise<KuromojiTokenizer> {
  return new Promise((resolve, reject) => {
    kuromoji.builder({ dicPath }).build((error, tokenizer) => {
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(tokenizer as unknown as KuromojiTokenizer);
    });
  });
}
