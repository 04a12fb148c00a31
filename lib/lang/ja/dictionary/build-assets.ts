/**
 * Build-time only (wxt.config.ts): the dictionary files the extension loader fetches, copied from
 * node_modules/kuromoji/dict into the extension's `dict/` folder. They are never committed.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { DICTIONARY_FILES, dictionaryFileName } from './files';

/** Where the extension serves the dictionary from: `browser.runtime.getURL('/dict/')`. */
export const DICTIONARY_URL_PATH = 'dict/';

export function dictionaryPublicAssets(): { absoluteSrc: string; relativeDest: string }[] {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
  return DICTIONARY_FILES.map((file) => ({
    absoluteSrc: path.join(dir, dictionaryFileName(file)),
    relativeDest: `${DICTIONARY_URL_PATH}${dictionaryFileName(file)}`,
  }));
}
