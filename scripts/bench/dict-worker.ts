/**
 * Child process: loads the Japanese dictionary once with one loader and prints one JSON line.
 * Run as `node --expose-gc --import tsx scripts/bench/dict-worker.ts tonebridge|stock`.
 */
import { MB } from './stats';

const which = process.argv[2];
if (which !== 'tonebridge' && which !== 'stock') throw new Error('usage: dict-worker.ts tonebridge|stock');

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const t0 = performance.now();
const tokenizer =
  which === 'tonebridge'
    ? await (await import('../../lib/lang/ja/node-loader')).loadJaTokenizer()
    : await (await import('../../lib/lang/ja/kuromoji-stock')).loadKuromojiStock();
const readyMs = performance.now() - t0;
// performance.now() counts from process start: what a CLI run waits before it can tokenize.
const sinceStartMs = performance.now();
tokenizer.tokenize('お問い合わせいただき、誠にありがとうございます。');
gc();
gc();
const m = process.memoryUsage();
console.log(
  JSON.stringify({
    loader: which,
    readyMs,
    sinceStartMs,
    heapMB: m.heapUsed / MB,
    arrayBuffersMB: m.arrayBuffers / MB,
    rssMB: m.rss / MB,
    peakRssMB: (process.resourceUsage().maxRSS * 1024) / MB,
  }),
);
