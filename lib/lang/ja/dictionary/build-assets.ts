/**
 * Build-time only (wxt.config.ts): the dictionary files the extension loader fetches, made from
 * node_modules/kuromoji/dict and written to the extension's `dict/` folder. Never committed.
 *
 * The files are precomputed into a leaner form of the same format: each is decompressed, cut to its
 * content (kuromoji's files are zero-padded to powers of two, and the trie arrays to twice the part the
 * trie uses) and compressed again. The gzip files are about as large (17.6 MB against 17.8 MB), but
 * they decompress to 58.5 MB instead of 100 MB, which takes about 40 % less CPU in the service worker
 * every time it starts. The builder reads both forms identically (test/lang/ja/dictionary-*.test.ts).
 * The lean files are cached under WXT's own directory (.wxt/dict), keyed by the kuromoji version.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { int32View, trieUsedSize } from './builder';
import { TrimmingCollector } from './collect';
import { DICTIONARY_FILES, dictionaryFileName, type DictionaryFile } from './files';

/** Where the extension serves the dictionary from: `browser.runtime.getURL('/dict/')`. */
export const DICTIONARY_URL_PATH = 'dict/';

/** Bump when the lean form changes, to invalidate caches. */
const LEAN_FORMAT = 1;

export interface DictionaryAsset {
  absoluteSrc: string;
  relativeDest: string;
}

function kuromojiPackageDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('kuromoji/package.json'));
}

/** One file's content without padding: trailing zeros cut (8 bytes kept), trie arrays cut to use. */
export function leanContent(file: DictionaryFile, decompressed: Uint8Array, check?: Uint8Array): Uint8Array {
  if (file === 'base' || file === 'check') {
    if (!check) throw new Error('the trie arrays are cut by the CHECK array: pass it');
    const size = trieUsedSize(int32View(check)) * 4;
    return decompressed.slice(0, Math.min(size, decompressed.length));
  }
  const collector = new TrimmingCollector();
  collector.push(decompressed);
  return collector.finish();
}

/**
 * Writes the lean dictionary files into `cacheDir/dict` (unless the cache is current) and returns them
 * as public assets for `dict/`.
 */
export function leanDictionaryAssets(cacheDir: string): DictionaryAsset[] {
  const pkgDir = kuromojiPackageDir();
  const version = (JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  const outDir = path.join(cacheDir, 'dict');
  const stampFile = path.join(outDir, 'stamp.json');
  const stamp = JSON.stringify({ kuromoji: version, format: LEAN_FORMAT });
  const assets = DICTIONARY_FILES.map((file) => ({
    absoluteSrc: path.join(outDir, dictionaryFileName(file)),
    relativeDest: `${DICTIONARY_URL_PATH}${dictionaryFileName(file)}`,
  }));
  const current =
    existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && assets.every((a) => existsSync(a.absoluteSrc));
  if (current) return assets;

  mkdirSync(outDir, { recursive: true });
  const read = (file: DictionaryFile) => new Uint8Array(gunzipSync(readFileSync(path.join(pkgDir, 'dict', dictionaryFileName(file)))));
  const check = read('check');
  for (const file of DICTIONARY_FILES) {
    const lean = leanContent(file, file === 'check' ? check : read(file), check);
    writeFileSync(path.join(outDir, dictionaryFileName(file)), gzipSync(lean, { level: 6 }));
  }
  writeFileSync(stampFile, stamp);
  return assets;
}
