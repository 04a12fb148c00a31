/**
 * Child process: measures a peer checker on the benchmark texts and prints one JSON line per text.
 * Run as `node --import tsx scripts/bench/peer-worker.ts <textlint|write-good> FILE...`.
 * - textlint with textlint-rule-preset-ja-technical-writing (Japanese), through textlint's Node API;
 * - write-good (English).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { MB, peakRss, sample, summarize } from './stats';

const peer = process.argv[2];
const files = process.argv.slice(3);
if ((peer !== 'textlint' && peer !== 'write-good') || files.length === 0) {
  throw new Error('usage: peer-worker.ts textlint|write-good FILE...');
}

type Check = (text: string) => Promise<number>;

async function setUp(): Promise<Check> {
  if (peer === 'textlint') {
    const { createLinter, loadTextlintrc } = await import('textlint');
    const descriptor = await loadTextlintrc({
      configFilePath: fileURLToPath(new URL('./textlintrc.json', import.meta.url)),
    });
    const linter = createLinter({ descriptor });
    return async (text) => (await linter.lintText(text, 'reply.txt')).messages.length;
  }
  const require = createRequire(import.meta.url);
  const writeGood = require('write-good') as (text: string) => { index: number; offset: number; reason: string }[];
  return async (text) => writeGood(text).length;
}

const t0 = performance.now();
const check = await setUp();
const setupMs = performance.now() - t0;

for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const t1 = performance.now();
  const findings = await check(text);
  const firstMs = performance.now() - t1;
  const times = await sample(() => check(text), { warmup: 2, min: 5, max: 200, budgetMs: 2500 });
  console.log(JSON.stringify({ peer, file, chars: text.length, findings, setupMs, firstMs, run: summarize(times) }));
}
console.error(JSON.stringify({ peer, peakRssMB: peakRss() / MB }));
