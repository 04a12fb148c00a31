/**
 * The two dictionary loaders over the one builder: Node (files + zlib) and extension (fetch +
 * DecompressionStream), here with a fake fetch serving file: URLs from kuromoji's dict/ directory.
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DICTIONARY_FILES, dictionaryFileName } from '../../../lib/lang/ja/dictionary';
import type { IpadicTokenizer } from '../../../lib/lang/ja/dictionary';
import { leanDictionaryAssets } from '../../../lib/lang/ja/dictionary/build-assets';
import { loadJaTokenizerFromUrl } from '../../../lib/lang/ja/extension-loader';
import { gunzipDictionaryFile, kuromojiDictPath, loadJaTokenizer } from '../../../lib/lang/ja/node-loader';

const DICT = kuromojiDictPath();
const DICT_URL = `${pathToFileURL(DICT).href}/`;

/** fetch over file: URLs, recording what was asked; `transform` may rewrite a file's bytes. */
function fileFetch(requested: string[], transform?: (name: string, bytes: Uint8Array) => Uint8Array | undefined): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requested.push(url);
    const file = fileURLToPath(url);
    if (!fs.existsSync(file)) return new Response('not found', { status: 404 });
    const bytes = new Uint8Array(fs.readFileSync(file));
    const body = transform ? transform(path.basename(file), bytes) : bytes;
    if (body === undefined) return new Response('not found', { status: 404 });
    // Serve in small chunks, as a network would.
    let at = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= body.length) return controller.close();
        controller.enqueue(body.subarray(at, at + 65_536));
        at += 65_536;
      },
    });
    return new Response(stream, { status: 200 });
  }) as typeof fetch;
}

const SENTENCES = [
  'このたびはご迷惑をおかけし、誠に申し訳ございません。',
  '担当者より二十四時間以内に改めてご連絡いたします。',
  'ログインできない不具合は、iOS版 3.2.1 で修正済みです😊',
];

let node: IpadicTokenizer;

beforeAll(async () => {
  node = await loadJaTokenizer();
});

describe('Node loader', () => {
  it('tokenizes Japanese', () => {
    const tokens = node.tokenize('誠に申し訳ございません。');
    expect(tokens.map((t) => t.surface)).toEqual(['誠に', '申し訳', 'ござい', 'ませ', 'ん', '。']);
    expect(tokens[2]).toMatchObject({ pos: '助動詞', baseForm: 'ござる', reading: 'ゴザイ' });
  });

  it('drops the zero padding kuromoji’s files carry', async () => {
    const unk = await gunzipDictionaryFile(path.join(DICT, 'unk.dat.gz'));
    // 10 MB decompressed, 398 bytes of entries.
    expect(unk.length).toBeLessThan(512);
    expect(unk.length).toBeGreaterThanOrEqual(398);
    const features = await gunzipDictionaryFile(path.join(DICT, 'tid_pos.dat.gz'));
    expect(features.length).toBeLessThan(36_100_000);
    expect(features.length).toBeGreaterThan(36_000_000);
  });

  it('names the file that is missing', async () => {
    await expect(loadJaTokenizer('/nonexistent/dict')).rejects.toThrow(/cannot load \w+\.dat\.gz: .*ENOENT/);
  });
});

describe('extension loader (fetch + DecompressionStream)', () => {
  it('fetches every dictionary file once and gives the Node loader’s tokens', async () => {
    const requested: string[] = [];
    const tokenizer = await loadJaTokenizerFromUrl(DICT_URL, fileFetch(requested));
    expect(requested.sort()).toEqual(DICTIONARY_FILES.map((f) => `${DICT_URL}${dictionaryFileName(f)}`).sort());
    for (const text of SENTENCES) expect(tokenizer.tokenize(text)).toEqual(node.tokenize(text));
  });

  it('accepts a base URL without the trailing slash', async () => {
    const requested: string[] = [];
    await loadJaTokenizerFromUrl(DICT_URL.slice(0, -1), fileFetch(requested));
    expect(requested).toContain(`${DICT_URL}base.dat.gz`);
  });

  it('accepts files a server already decompressed (Content-Encoding: gzip)', async () => {
    const tokenizer = await loadJaTokenizerFromUrl(DICT_URL, fileFetch([], (_name, bytes) => new Uint8Array(gunzipSync(bytes))));
    for (const text of SENTENCES) expect(tokenizer.tokenize(text)).toEqual(node.tokenize(text));
  });

  it('rejects with the file name on HTTP errors', async () => {
    const missing = fileFetch([], (name, bytes) => (name === 'cc.dat.gz' ? undefined : bytes));
    await expect(loadJaTokenizerFromUrl(DICT_URL, missing)).rejects.toThrow(/cannot load cc\.dat\.gz: HTTP 404/);
  });

  it('rejects a corrupt gzip file instead of building a broken dictionary', async () => {
    const corrupt = fileFetch([], (name, bytes) => {
      if (name !== 'tid.dat.gz') return bytes;
      const broken = bytes.slice();
      broken.fill(0xff, 100, 5000);
      return broken;
    });
    await expect(loadJaTokenizerFromUrl(DICT_URL, corrupt)).rejects.toThrow(/tid\.dat\.gz/);
  });

  it('rejects a well-formed gzip file with the wrong content, naming the dictionary file', async () => {
    const wrong = fileFetch([], (name, bytes) => (name === 'cc.dat.gz' ? gzipSync(new Uint8Array(64)) : bytes));
    await expect(loadJaTokenizerFromUrl(DICT_URL, wrong)).rejects.toThrow(/cc\.dat is malformed/);
  });
});

describe('build: lean dictionary files for the extension', () => {
  it('writes every file the extension loader fetches, smaller decompressed, and they give the same tokens', async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'tonebridge-dict-'));
    try {
      const assets = leanDictionaryAssets(cache);
      expect(assets.map((a) => a.relativeDest).sort()).toEqual(DICTIONARY_FILES.map((f) => `dict/${f}.dat.gz`).sort());
      let lean = 0;
      let stock = 0;
      for (const asset of assets) {
        expect(asset.absoluteSrc.startsWith(cache)).toBe(true);
        lean += gunzipSync(fs.readFileSync(asset.absoluteSrc)).length;
        stock += gunzipSync(fs.readFileSync(path.join(DICT, path.basename(asset.absoluteSrc)))).length;
      }
      expect(stock).toBe(99_998_244);
      expect(lean).toBeLessThan(60 * 2 ** 20);

      const tokenizer = await loadJaTokenizerFromUrl(`${pathToFileURL(path.join(cache, 'dict')).href}/`, fileFetch([]));
      for (const text of SENTENCES) expect(tokenizer.tokenize(text)).toEqual(node.tokenize(text));

      // A second build reuses the cache.
      const before = fs.statSync(assets[0]!.absoluteSrc).mtimeMs;
      leanDictionaryAssets(cache);
      expect(fs.statSync(assets[0]!.absoluteSrc).mtimeMs).toBe(before);
    } finally {
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });
});
