/**
 * `npm run bench`: speed and memory of the Tonebridge engine, in numbers (not pass/fail).
 *
 * - Engine, for a short (~300 chars), a 1,000-char and a long (~5,000 chars) support reply in Japanese
 *   and in English (scripts/bench/texts/): cold start (new engine + first analysis, dictionary load
 *   included), warm per-call latency on the same text (answered from the sentence cache), warm latency
 *   with a cold sentence cache (every call a text with new sentences), re-analysis after a one-character
 *   edit, and peak memory. Each text in its own child process.
 * - Japanese dictionary: Tonebridge's loader against kuromoji's stock loader, time to ready and memory
 *   after load, each run three times in fresh child processes (medians).
 * - Peers on the same texts: textlint + textlint-rule-preset-ja-technical-writing (Japanese) and
 *   write-good (English), with Tonebridge's throughput as a ratio to theirs.
 * Ends with a Markdown table for the README's benchmark section.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCliStartup } from './bench/cli-startup';
import { median, type Summary } from './bench/stats';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TEXTS = path.join(ROOT, 'scripts/bench/texts');
const started = performance.now();

const TEXT_SET = [
  { lang: 'ja', size: 'short', file: 'ja-short.txt' },
  { lang: 'ja', size: '1k', file: 'ja-medium.txt' },
  { lang: 'ja', size: 'long', file: 'ja-long.txt' },
  { lang: 'en', size: 'short', file: 'en-short.txt' },
  { lang: 'en', size: '1k', file: 'en-medium.txt' },
  { lang: 'en', size: 'long', file: 'en-long.txt' },
] as const;

/** Runs a worker in a fresh Node process and returns its JSON lines. */
function run(worker: string, args: string[], { gc = true } = {}): { lines: unknown[]; stderr: string } {
  const result = spawnSync(
    process.execPath,
    [...(gc ? ['--expose-gc'] : []), '--import', 'tsx', path.join(ROOT, 'scripts/bench', worker), ...args],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (result.status !== 0) {
    throw new Error(`${worker} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  }
  const parse = (out: string) =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as unknown);
  return { lines: parse(result.stdout), stderr: result.stderr };
}

const f = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
/** A ratio: whole numbers from 10, one decimal from 1, two significant digits below (0.031×). */
const times = (x: number) => `${x >= 10 ? f(x, 0) : x >= 1 ? f(x, 1) : x.toPrecision(2)}×`;
const ms = (x: number) => (x < 10 ? f(x, 2) : x < 100 ? f(x, 1) : f(x, 0));
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
const lpad = (s: string, n: number) => ' '.repeat(Math.max(0, n - [...s].length)) + s;

function table(headers: string[], rows: string[][], rightFrom = 1): string {
  const widths = headers.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < rightFrom ? pad(c, widths[i]!) : lpad(c, widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

interface EngineResult {
  lang: string;
  chars: number;
  sentences: number;
  findings: number;
  importMs: number;
  coldStartMs: number;
  warm: Summary;
  fresh: Summary;
  edit: Summary;
  peakRssMB: number;
  peakHeapMB: number;
}
interface DictResult {
  loader: string;
  readyMs: number;
  sinceStartMs: number;
  heapMB: number;
  arrayBuffersMB: number;
  rssMB: number;
  peakRssMB: number;
}
interface PeerResult {
  peer: string;
  file: string;
  chars: number;
  findings: number;
  setupMs: number;
  firstMs: number;
  run: Summary;
}

console.log(`Tonebridge benchmark — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${os.platform()} ${os.arch()}`);
console.log('All times in milliseconds; p50/p95 are nearest-rank percentiles; each block runs in fresh child processes.\n');

// 1. Japanese dictionary: Tonebridge's loader vs kuromoji's stock loader, alternating, three runs each.
const dictRuns: Record<'tonebridge' | 'stock', DictResult[]> = { tonebridge: [], stock: [] };
for (let i = 0; i < 3; i++) {
  for (const loader of ['tonebridge', 'stock'] as const) {
    dictRuns[loader].push(run('dict-worker.ts', [loader]).lines[0] as DictResult);
  }
}
const dict = (loader: 'tonebridge' | 'stock') => {
  const runs = dictRuns[loader];
  const pick = (key: keyof DictResult) => median(runs.map((r) => r[key] as number));
  return {
    ready: pick('readyMs'),
    sinceStart: pick('sinceStartMs'),
    heap: pick('heapMB'),
    ab: pick('arrayBuffersMB'),
    total: median(runs.map((r) => r.heapMB + r.arrayBuffersMB)),
    rss: pick('rssMB'),
    peakRss: pick('peakRssMB'),
  };
};
const ours = dict('tonebridge');
const stock = dict('stock');
console.log('Japanese dictionary (IPADIC) — ready to tokenize, cold Node process, median of 3');
console.log(
  table(
    ['loader', 'ready ms', 'since process start', 'heap MB', 'arrayBuffers MB', 'heap+arrayBuffers MB', 'RSS MB', 'peak RSS MB'],
    [
      ['Tonebridge', ms(ours.ready), ms(ours.sinceStart), f(ours.heap), f(ours.ab), f(ours.total), f(ours.rss), f(ours.peakRss)],
      ['kuromoji stock', ms(stock.ready), ms(stock.sinceStart), f(stock.heap), f(stock.ab), f(stock.total), f(stock.rss), f(stock.peakRss)],
      [
        'Tonebridge / stock',
        `${f((100 * ours.ready) / stock.ready, 0)} %`,
        `${f((100 * ours.sinceStart) / stock.sinceStart, 0)} %`,
        `${f((100 * ours.heap) / stock.heap, 0)} %`,
        `${f((100 * ours.ab) / stock.ab, 0)} %`,
        `${f((100 * ours.total) / stock.total, 0)} %`,
        `${f((100 * ours.rss) / stock.rss, 0)} %`,
        `${f((100 * ours.peakRss) / stock.peakRss, 0)} %`,
      ],
    ],
  ),
);
console.log('(ready: from importing the loader to a usable tokenizer; memory after two forced GCs.)\n');

// 2. Engine per text.
const engine: (EngineResult & { size: string; file: string })[] = [];
for (const t of TEXT_SET) {
  const result = run('engine-worker.ts', [t.lang, path.join(TEXTS, t.file)]).lines[0] as EngineResult;
  engine.push({ ...result, size: t.size, file: t.file });
}
const pp = (s: Summary) => `${ms(s.p50)} / ${ms(s.p95)}`;
console.log('Engine — analyze(text, context), Japanese for market jp, English for market us');
console.log(
  table(
    ['text', 'chars', 'sentences', 'findings', 'cold start', 'warm p50/p95', 'fresh sentences p50/p95', 'one-char edit p50/p95', 'peak RSS MB', 'peak heap MB'],
    engine.map((e) => [
      `${e.lang} ${e.size}`,
      String(e.chars),
      String(e.sentences),
      String(e.findings),
      ms(e.coldStartMs),
      pp(e.warm),
      pp(e.fresh),
      pp(e.edit),
      f(e.peakRssMB),
      f(e.peakHeapMB),
    ]),
  ),
);
console.log(
  '(cold start: new engine + first analysis, Japanese dictionary load included, modules already imported;\n' +
    ' warm: the same text again, every sentence from the cache; fresh sentences: a warm engine given a text\n' +
    ' none of whose sentences it has seen (a number varied in every sentence); one-char edit: one character\n' +
    ' of one sentence changed per call. Samples per cell: warm ' +
    `${engine.map((e) => e.warm.n).join('/')}, fresh ${engine.map((e) => e.fresh.n).join('/')}, edit ${engine.map((e) => e.edit.n).join('/')}.)\n`,
);

// 3. Peers.
const peerRuns: PeerResult[] = [];
const ja = TEXT_SET.filter((t) => t.lang === 'ja').map((t) => path.join(TEXTS, t.file));
const en = TEXT_SET.filter((t) => t.lang === 'en').map((t) => path.join(TEXTS, t.file));
peerRuns.push(...(run('peer-worker.ts', ['textlint', ...ja], { gc: false }).lines as PeerResult[]));
peerRuns.push(...(run('peer-worker.ts', ['write-good', ...en], { gc: false }).lines as PeerResult[]));
const peerRows = TEXT_SET.map((t) => {
  const p = peerRuns.find((r) => path.basename(r.file) === t.file)!;
  const e = engine.find((r) => r.file === t.file)!;
  const name = t.lang === 'ja' ? 'textlint ja-technical-writing' : 'write-good';
  return { t, p, e, name, ratioFresh: p.run.p50 / e.fresh.p50, ratioWarm: p.run.p50 / e.warm.p50 };
});
console.log('Peers on the same texts — Tonebridge throughput as a multiple of the peer’s (p50 time ratio)');
console.log(
  table(
    ['text', 'peer', 'peer findings', 'peer p50/p95', 'Tonebridge fresh p50', '× vs peer (fresh)', 'Tonebridge warm p50', '× vs peer (warm)'],
    peerRows.map(({ t, p, e, name, ratioFresh, ratioWarm }) => [
      `${t.lang} ${t.size}`,
      name,
      String(p.findings),
      pp(p.run),
      ms(e.fresh.p50),
      times(ratioFresh),
      ms(e.warm.p50),
      times(ratioWarm),
    ]),
    2,
  ),
);
console.log(
  `(peer set-up, not in the ratios: textlint ${ms(peerRuns.find((r) => r.peer === 'textlint')!.setupMs)} ms, ` +
    `write-good ${ms(peerRuns.find((r) => r.peer === 'write-good')!.setupMs)} ms. Peers keep no cache, so the fair ratio is "fresh".)\n`,
);

// 3b. The compiled CLI's start-up (whole process, as a shell or CI step sees it).
const cli = await benchCliStartup(ROOT);
console.log(`CLI start-up — compiled dist/cli/tonebridge.js, wall time of the whole process, median of 7 fresh processes`);
console.log(
  table(
    ['command', 'wall median ms', 'fastest ms', 'CPU median ms', 'target (wall) ms', 'peak RSS MB'],
    cli.map((c) => [c.label, ms(c.medianMs), ms(c.minMs), ms(c.cpuMs), Number.isFinite(c.targetMs) ? `≤ ${c.targetMs}` : '—', f(c.peakRssMB)]),
  ),
);
console.log('(the dictionary loads only for Japanese text or base-form pack examples; compromise only for English.)\n');

// 4. Markdown for the README.
const md: string[] = [];
md.push('| text | chars | cold start | warm p50 / p95 | fresh sentences p50 / p95 | one-char edit p50 / p95 | peak RSS | peer | vs peer |');
md.push('|---|---:|---:|---:|---:|---:|---:|---|---:|');
for (const { t, e, name, ratioFresh } of peerRows) {
  md.push(
    `| ${t.lang === 'ja' ? 'Japanese' : 'English'} ${t.size} | ${e.chars} | ${ms(e.coldStartMs)} ms | ${ms(e.warm.p50)} / ${ms(e.warm.p95)} ms | ${ms(e.fresh.p50)} / ${ms(e.fresh.p95)} ms | ${ms(e.edit.p50)} / ${ms(e.edit.p95)} ms | ${f(e.peakRssMB, 0)} MB | ${name} | ${times(ratioFresh)} |`,
  );
}
md.push('');
md.push('| Japanese dictionary (IPADIC) | ready | heap + arrayBuffers after load | RSS after load |');
md.push('|---|---:|---:|---:|');
md.push(`| Tonebridge loader | ${ms(ours.ready)} ms | ${f(ours.total)} MB | ${f(ours.rss, 0)} MB |`);
md.push(`| kuromoji 0.1.2 stock loader | ${ms(stock.ready)} ms | ${f(stock.total)} MB | ${f(stock.rss, 0)} MB |`);
md.push('');
md.push('| CLI start-up (whole process) | wall median | CPU median | target | peak RSS |');
md.push('|---|---:|---:|---:|---:|');
for (const c of cli) md.push(`| \`tonebridge\` ${c.label} | ${ms(c.medianMs)} ms | ${ms(c.cpuMs)} ms | ${Number.isFinite(c.targetMs) ? `≤ ${c.targetMs} ms` : '—'} | ${f(c.peakRssMB, 0)} MB |`);
console.log('Markdown for README.md (benchmark section):\n');
console.log('```markdown');
console.log(md.join('\n'));
console.log('```');
console.log(`\nbench finished in ${f((performance.now() - started) / 1000)} s`);
