/**
 * The two loaders of the compiled dictionary: Node (one file read from the build cache) and the
 * extension (one fetch), here with a fake fetch serving file: URLs; and the build cache that makes the
 * file once and reuses it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPILED_FILE, type IpadicTokenizer } from '../../../lib/lang/ja/dictionary';
import { ensureCompiledDictionary } from '../../../lib/lang/ja/dictionary/build-assets';
import { loadJaTokenizerFromUrl } from '../../../lib/lang/ja/extension-loader';
import { compiledDictionaryPath, loadJaTokenizer } from '../../../lib/lang/ja/node-loader';

/** fetch over file: URLs, recording what was asked; `transform` may rewrite a file's bytes. */
function fileFetch(requested: string[], transform?: (bytes: Uint8Array) => Uint8Array): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requested.push(url);
    const file = fileURLToPath(url);
    if (!fs.existsSync(file)) return new Response('not found', { status: 404 });
    const bytes = new Uint8Array(fs.readFileSync(file));
    return new Response((transform ? transform(bytes) : bytes) as Uint8Array<ArrayBuffer>, { status: 200 });
  }) as typeof fetch;
}

const SENTENCES = [
  'このたびはご迷惑をおかけし、誠に申し訳ございません。',
  '担当者より二十四時間以内に改めてご連絡いたします。',
  'ログインできない不具合は、iOS版 3.2.1 で修正済みです😊',
];

let node: IpadicTokenizer;
let file: string;
let dir: string;

beforeAll(async () => {
  file = compiledDictionaryPath();
  dir = `${pathToFileURL(path.dirname(file)).href}/`;
  node = await loadJaTokenizer(file);
});

describe('Node loader', () => {
  it('tokenizes Japanese', () => {
    const tokens = node.tokenize('誠に申し訳ございません。');
    expect(tokens.map((t) => t.surface)).toEqual(['誠に', '申し訳', 'ござい', 'ませ', 'ん', '。']);
    expect(tokens[2]).toMatchObject({ pos: '助動詞', baseForm: 'ござる', reading: 'ゴザイ' });
  });

  it('is ready in milliseconds: one read, typed arrays over it', async () => {
    const t0 = performance.now();
    const again = await loadJaTokenizer(file);
    const ms = performance.now() - t0;
    expect(again.tokenize(SENTENCES[0]!)).toEqual(node.tokenize(SENTENCES[0]!));
    // Generous for a loaded CI machine; the benchmark measures it (≈20 ms).
    expect(ms).toBeLessThan(1000);
  });

  it('names the file when it cannot be read', async () => {
    await expect(loadJaTokenizer(path.join(os.tmpdir(), 'no-such-dictionary.bin'))).rejects.toThrow(/no-such-dictionary/);
  });
});

describe('extension loader (one fetch of the compiled file)', () => {
  it('fetches the one file once and gives the Node loader’s tokens', async () => {
    const requested: string[] = [];
    const ext = await loadJaTokenizerFromUrl(dir, fileFetch(requested));
    expect(requested).toEqual([`${dir}${COMPILED_FILE}`]);
    for (const s of SENTENCES) expect(ext.tokenize(s)).toEqual(node.tokenize(s));
  });

  it('accepts a base URL without the trailing slash', async () => {
    const requested: string[] = [];
    await loadJaTokenizerFromUrl(dir.slice(0, -1), fileFetch(requested));
    expect(requested).toEqual([`${dir}${COMPILED_FILE}`]);
  });

  it('rejects with the file name on HTTP errors', async () => {
    await expect(loadJaTokenizerFromUrl(pathToFileURL(os.tmpdir()).href, fileFetch([]))).rejects.toThrow(
      new RegExp(`cannot load ${COMPILED_FILE.replace('.', '\\.')}: HTTP 404`),
    );
  });

  it('rejects a file that is not the compiled dictionary instead of building a broken tokenizer', async () => {
    await expect(loadJaTokenizerFromUrl(dir, fileFetch([], (b) => b.slice(0, 1000)))).rejects.toThrow(/overruns the file/);
    await expect(loadJaTokenizerFromUrl(dir, fileFetch([], () => new TextEncoder().encode('<html>not found</html>')))).rejects.toThrow(
      /bad magic/,
    );
  });
});

describe('build cache', () => {
  it('makes the file once and reuses it while kuromoji and the format are the same', () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'tonebridge-dict-'));
    try {
      // Seed with the current file, stamp included, as a build would leave it.
      fs.mkdirSync(path.join(cache, 'dict'));
      fs.copyFileSync(file, path.join(cache, 'dict', COMPILED_FILE));
      fs.copyFileSync(`${file}.stamp.json`, path.join(cache, 'dict', `${COMPILED_FILE}.stamp.json`));
      const made = ensureCompiledDictionary(cache);
      const mtime = fs.statSync(made).mtimeMs;
      expect(ensureCompiledDictionary(cache)).toBe(made);
      expect(fs.statSync(made).mtimeMs).toBe(mtime);
      // A stale stamp (another kuromoji version) makes it again, to the same bytes.
      fs.writeFileSync(`${made}.stamp.json`, '{"kuromoji":"0.0.0"}');
      ensureCompiledDictionary(cache);
      expect(fs.readFileSync(made).equals(fs.readFileSync(file))).toBe(true);
      expect(fs.readdirSync(path.join(cache, 'dict')).sort()).toEqual([COMPILED_FILE, `${COMPILED_FILE}.stamp.json`]);
    } finally {
      fs.rmSync(cache, { recursive: true, force: true });
    }
  }, 60_000);
});
