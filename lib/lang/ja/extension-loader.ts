/**
 * Extension loader for the IPADIC dictionary: fetches the gzip files the build copied to `dict/`
 * (wxt.config.ts), decompresses them with `DecompressionStream('gzip')` and builds the tokenizer with the
 * same builder as the Node loader (dictionary/). kuromoji's own browser loader uses XMLHttpRequest,
 * which MV3 service workers do not have.
 *
 * Usage from the background: `loadJaTokenizerFromUrl(browser.runtime.getURL('/dict/'))`.
 */
import { buildJaTokenizer, dictionaryFileName, loadDictionaryBuffers, TrimmingCollector } from './dictionary';
import type { DictionaryFile } from './dictionary';
import type { JaTokenizer } from './tokenizer';

/** gzip's magic bytes and deflate method: 1f 8b 08. */
function isGzip(chunk: Uint8Array): boolean {
  return chunk.length >= 3 && chunk[0] === 0x1f && chunk[1] === 0x8b && chunk[2] === 0x08;
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, collector: TrimmingCollector): Promise<void> {
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    collector.push(value);
  }
}

/**
 * Fetches one dictionary file and returns its decompressed content (zero padding trimmed). A server
 * that already decoded the gzip (Content-Encoding: gzip) is handled by sniffing the magic bytes: none
 * of the decompressed files can start with them (their first bytes are small integers or UTF-8 text).
 */
async function fetchDecompressed(url: string, fetchImpl: typeof fetch): Promise<Uint8Array> {
  const response = await fetchImpl(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  if (!response.body) throw new Error(`empty response for ${url}`);
  const body = response.body.getReader();
  const first = await body.read();
  if (first.done) throw new Error(`empty response for ${url}`);
  const collector = new TrimmingCollector();
  if (!isGzip(first.value)) {
    collector.push(first.value);
    await drain(body, collector);
    return collector.finish();
  }
  const gunzip = new DecompressionStream('gzip');
  const writer = gunzip.writable.getWriter();
  const feed = async () => {
    try {
      await writer.write(first.value);
      for (;;) {
        const { done, value } = await body.read();
        if (done) break;
        await writer.write(value);
      }
      await writer.close();
    } catch (error) {
      await writer.abort(error).catch(() => undefined);
      throw error;
    }
  };
  await Promise.all([feed(), drain(gunzip.readable.getReader(), collector)]);
  return collector.finish();
}

/**
 * Loads the Japanese tokenizer from a base URL holding the dictionary's `*.dat.gz` files (all fetched in
 * parallel). `fetchImpl` defaults to the global fetch; tests pass one that serves files.
 */
export async function loadJaTokenizerFromUrl(baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<JaTokenizer> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const buffers = await loadDictionaryBuffers((file: DictionaryFile) =>
    fetchDecompressed(`${base}${dictionaryFileName(file)}`, fetchImpl),
  );
  return buildJaTokenizer(buffers);
}
