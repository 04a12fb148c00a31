/**
 * Node loader for the Japanese dictionary (CLI, tests, eval, bench): reads the same compiled binary the
 * extension ships (dictionary/compiled.ts) from the build cache, `.wxt/dict/` at the repository root,
 * and wraps it. If no build has made it yet (or kuromoji or the format changed), it is compiled once
 * from kuromoji's IPADIC files and cached (a few seconds, once). `TONEBRIDGE_DICT_CACHE` moves the
 * cache (e.g. to a writable place when the package directory is not).
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenizerFromBuffer, type IpadicTokenizer } from './dictionary';
import { ensureCompiledDictionary } from './dictionary/build-assets';

/** The package's root: the nearest folder up from this module (or its bundled chunk) whose
 * package.json is Tonebridge's. */
function packageRoot(): string | undefined {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    try {
      if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'tonebridge') return dir;
    } catch {
      // not ours: keep looking
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** WXT's directory at the package root (the extension build caches the same file there), else a
 * folder in the system's temporary directory. */
export function dictionaryCacheDir(): string {
  if (process.env.TONEBRIDGE_DICT_CACHE) return process.env.TONEBRIDGE_DICT_CACHE;
  const root = packageRoot();
  return root ? path.join(root, '.wxt') : path.join(os.tmpdir(), 'tonebridge');
}

/** The compiled dictionary's path, made first if needed. */
export function compiledDictionaryPath(cacheDir = dictionaryCacheDir()): string {
  try {
    return ensureCompiledDictionary(cacheDir);
  } catch (error) {
    // An installed package's folder may not be writable: make it in the temporary directory instead.
    const fallback = path.join(os.tmpdir(), 'tonebridge');
    if (path.resolve(cacheDir) === fallback) throw error;
    return ensureCompiledDictionary(fallback);
  }
}

/** Tonebridge's loader: one file read, typed arrays over it. */
export async function loadJaTokenizer(file = compiledDictionaryPath()): Promise<IpadicTokenizer> {
  const bytes = await readFile(file);
  // A Buffer this large owns its ArrayBuffer from offset 0; copy only if not (typed views need alignment).
  const buffer =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? (bytes.buffer as ArrayBuffer)
      : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return tokenizerFromBuffer(buffer);
}
