/**
 * Child process: measures the Tonebridge engine on one text and prints one JSON line.
 * Run as `node --expose-gc --import tsx scripts/bench/engine-worker.ts <ja|en> <text file>`.
 */
import { readFileSync } from 'node:fs';
import type { AnalysisContext } from '../../lib/engine/types';
import { MB, PeakHeap, peakRss, sample, summarize } from './stats';
import { editPosition, editVariant, freshVariant } from './variants';

const lang = process.argv[2];
const file = process.argv[3];
if ((lang !== 'ja' && lang !== 'en') || !file) throw new Error('usage: engine-worker.ts ja|en FILE');
const text = readFileSync(file, 'utf8');
const context: AnalysisContext =
  lang === 'ja'
    ? { market: 'jp', uiLang: 'ja', agentName: '佐藤' }
    : { market: 'us', uiLang: 'en', agentName: 'Priya' };
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const tImport = performance.now();
const { createNodeEngine } = await import('../../lib/node/engine');
const importMs = performance.now() - tImport;

// Cold start: a new engine (its analyser loads on first use) and the first analysis.
const t0 = performance.now();
const engine = createNodeEngine();
const first = await engine.analyzeAsync(text, context);
const coldStartMs = performance.now() - t0;

const heap = new PeakHeap();
heap.note();

// Size the loops by the cost of one uncached analysis, to stay within the bench's time budget.
const budget = (ms: number) => ({ budgetMs: ms, after: () => heap.note() });

// Warm: the same text again and again (every sentence comes from the cache).
const warm = await sample(() => engine.analyze(text, context), { warmup: 20, max: 400, ...budget(1500) });
gc();

// Warm engine, cold sentence cache: a text none of whose sentences the engine has seen.
const fresh = await sample((k) => engine.analyze(freshVariant(text, lang, k + 1), context), {
  warmup: 3,
  max: 150,
  ...budget(3000),
});
gc();

// Re-analysis after a one-character edit: each call changes one character of one sentence.
const at = editPosition(text, lang);
engine.analyze(text, context);
const edit = await sample((k) => engine.analyze(editVariant(text, at, lang, k), context), {
  warmup: 5,
  max: 300,
  ...budget(1500),
});

console.log(
  JSON.stringify({
    lang,
    file,
    chars: text.length,
    sentences: engine.analyzeText(text).sentences.length,
    findings: first.findings.length,
    importMs,
    coldStartMs,
    warm: summarize(warm),
    fresh: summarize(fresh),
    edit: summarize(edit),
    peakRssMB: peakRss() / MB,
    peakHeapMB: heap.peak / MB,
  }),
);
