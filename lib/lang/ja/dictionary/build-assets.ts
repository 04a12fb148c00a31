/**
 * Build time and Node only: the compiled dictionary (compiled.ts) made from kuromoji's IPADIC files in
 * node_modules/kuromoji/dict, cached under WXT's own directory (`.wxt/dict/`, never committed) and
 * keyed by the kuromoji version and the format version. The WXT build hook (wxt.config.ts) copies it
 * into the extension's `dict/`; the Node loader (node-loader.ts) reads the same file, and makes it the
 * first time if no build has yet.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildIpadicDictionary } from './builder';
import { compileDictionary } from './compile';
import { COMPILED_FILE, COMPILED_VERSION } from './compiled';
import { DICTIONARY_FILES, dictionaryFileName, type DictionaryBuffers } from './files';

/** Where the extension serves the dictionary from: `browser.runtime.getURL('/dict/')`. */
export const DICTIONARY_URL_PATH = 'dict/';

export interface DictionaryAsset {
  absoluteSrc: string;
  relativeDest: string;
}

export function kuromojiPackageDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('kuromoji/package.json'));
}

/** kuromoji's IPADIC files, decompressed (build time: a few hundred ms). */
export function readKuromojiBuffers(dictDir = path.join(kuromojiPackageDir(), 'dict')): DictionaryBuffers {
  return Object.fromEntries(
    DICTIONARY_FILES.map((file) => [file, new Uint8Array(gunzipSync(readFileSync(path.join(dictDir, dictionaryFileName(file)))))]),
  ) as DictionaryBuffers;
}

function stampOf(): string {
  const version = (JSON.parse(readFileSync(path.join(kuromojiPackageDir(), 'package.json'), 'utf8')) as { version: string }).version;
  return JSON.stringify({ kuromoji: version, format: COMPILED_VERSION });
}

/** Compiles kuromoji's IPADIC into the binary the loaders wrap. */
export function compileKuromojiDictionary(): Uint8Array {
  const version = (JSON.parse(readFileSync(path.join(kuromojiPackageDir(), 'package.json'), 'utf8')) as { version: string }).version;
  return compileDictionary(buildIpadicDictionary(readKuromojiBuffers()), `kuromoji ${version} IPADIC`);
}

/**
 * The path of the compiled dictionary in `cacheDir/dict/`, written first unless a current one is
 * there. Written to a temporary name and renamed, so that concurrent builds and test workers never
 * read half a file.
 */
export function ensureCompiledDictionary(cacheDir: string): string {
  const outDir = path.join(cacheDir, 'dict');
  const file = path.join(outDir, COMPILED_FILE);
  const stampFile = `${file}.stamp.json`;
  const stamp = stampOf();
  if (existsSync(file) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return file;
  mkdirSync(outDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, compileKuromojiDictionary());
  renameSync(tmp, file);
  writeFileSync(`${stampFile}.${process.pid}.tmp`, stamp);
  renameSync(`${stampFile}.${process.pid}.tmp`, stampFile);
  return file;
}

/** The extension's dictionary asset (the WXT build hook adds it to the public files). */
export function dictionaryAssets(cacheDir: string): DictionaryAsset[] {
  return [{ absoluteSrc: ensureCompiledDictionary(cacheDir), relativeDest: `${DICTIONARY_URL_PATH}${COMPILED_FILE}` }];
}
