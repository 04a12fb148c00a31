/**
 * Extension loader for the Japanese dictionary: fetches the compiled binary the build put in `dict/`
 * (wxt.config.ts, dictionary/build-assets.ts) as one ArrayBuffer and wraps it (dictionary/compiled.ts):
 * no decompression, no parsing, so a service worker that Chrome stopped is ready again in milliseconds.
 * The store package is compressed as a whole; the installed file is read as is.
 *
 * Usage from the background: `loadJaTokenizerFromUrl(browser.runtime.getURL('/dict/'))`.
 */
import { COMPILED_FILE, tokenizerFromBuffer } from './dictionary';
import type { JaTokenizer } from './tokenizer';

/** `fetchImpl` defaults to the global fetch; tests pass one that serves files. */
export async function loadJaTokenizerFromUrl(baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<JaTokenizer> {
  const url = `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}${COMPILED_FILE}`;
  let buffer: ArrayBuffer;
  try {
    const response = await fetchImpl(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    buffer = await response.arrayBuffer();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Japanese dictionary: cannot load ${COMPILED_FILE}: ${reason}`, { cause: error });
  }
  return tokenizerFromBuffer(buffer);
}
