/**
 * `npm run eval -- [DIR] [--errors N] [--corpus CORPUS_DIR] [--heldout HELDOUT_DIR]`: scores the evaluation
 * corpora in DIR (default ../shared/eval) with one Node engine and prints a table of metrics, then ONE JSON
 * line (the last line of output) with the keys of ../shared/eval/README.md plus `corpus: {ja, en}` — the
 * project's own reply corpus (test/corpus/<lang>.json; lib/eval/corpus.ts) — and `heldout: {ja, en}`, the
 * held-out replies (test/heldout/<lang>.json: written blind, see test/heldout/README.md), each with its
 * misses and false alarms listed. `--errors N` also prints the N worst examples per metric.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusJson, engineAnalyze, evaluateCorpus, loadCorpus, type CorpusJson, type CorpusResult } from '../lib/eval/corpus';
import { loadDatasets } from '../lib/eval/datasets';
import { engineScorer, evaluate, formatTable, type TableRow } from '../lib/eval/evaluate';
import { createNodeEngine } from '../lib/node/engine';

const USAGE = 'usage: npm run eval -- [DIR] [--errors N] [--corpus CORPUS_DIR] [--heldout HELDOUT_DIR]';
const CORPUS_LANGS = ['ja', 'en'] as const;

function fail(message: string): never {
  console.error(`eval: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv: string[]): { dir: string; errors: number; corpus: string; heldout: string } {
  let dir: string | undefined;
  let errors = 0;
  let corpus = fileURLToPath(new URL('../test/corpus', import.meta.url));
  let heldout = fileURLToPath(new URL('../test/heldout', import.meta.url));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--corpus' || arg.startsWith('--corpus=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (value === undefined || value === '') fail('--corpus needs a folder');
      corpus = resolve(value);
    } else if (arg === '--heldout' || arg.startsWith('--heldout=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (value === undefined || value === '') fail('--heldout needs a folder');
      heldout = resolve(value);
    } else if (arg === '--errors' || arg.startsWith('--errors=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (value === undefined || !/^\d+$/.test(value)) fail('--errors needs a whole number');
      errors = Number(value);
    } else if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('-')) {
      fail(`unknown option ${arg}`);
    } else if (dir === undefined) {
      dir = arg;
    } else {
      fail(`one folder only (got ${dir} and ${arg})`);
    }
  }
  return { dir: resolve(dir ?? '../shared/eval'), errors, corpus, heldout };
}

function corpusRows(name: string, lang: string, r: CorpusResult): TableRow[] {
  return [
    { metric: `${name}.${lang} recall of expected findings`, n: r.expected, value: r.recall, detail: `${r.found} of ${r.expected} (${r.flawed} flawed replies)` },
    {
      metric: `${name}.${lang} excellent replies clean`,
      n: r.excellent,
      value: r.cleanShare,
      detail: `no warn/block on ${Math.round(r.cleanShare * r.excellent)} of ${r.excellent}`,
    },
    { metric: `${name}.${lang} warns per excellent reply`, n: r.excellent, value: r.warnsPerExcellent },
  ];
}

function printCorpusDetails(name: string, lang: string, r: CorpusResult): void {
  console.log('');
  console.log(`## ${name}.${lang}: misses (${r.misses.length})`);
  for (const m of r.misses) console.log(`  ${m.id}: ${m.rule} — ${oneLine(m.reply, 110)}`);
  console.log(`## ${name}.${lang}: false alarms (${r.falseAlarms.length})`);
  for (const f of r.falseAlarms) {
    console.log(`  ${f.id}: ${f.rule} [${f.level}${f.why === 'silent' ? ', must be silent' : ''}] ${f.message}${f.span ? ` «${oneLine(f.span, 60)}»` : ''}`);
  }
  const rules = [...r.byRule].sort(([a], [b]) => a.localeCompare(b));
  console.log(`## ${name}.${lang}: by rule (expected / found / false alarms)`);
  for (const [id, c] of rules) console.log(`  ${id.padEnd(30)} ${String(c.expected).padStart(3)} ${String(c.found).padStart(4)} ${String(c.falseAlarms).padStart(4)}`);
}

function oneLine(text: string, max = 160): string {
  const flat = text.split(/\r\n|[\r\n]/).map((line) => line.trim()).join(' ⏎ ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

async function main(): Promise<void> {
  const { dir, errors, corpus, heldout } = parseArgs(process.argv.slice(2));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`${dir} is not a folder`);
  const started = performance.now();
  let data: ReturnType<typeof loadDatasets>;
  try {
    data = loadDatasets(dir);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (data.files.length === 0) fail(`no keico*/cocoa*/politeness*/pastel* files in ${dir}`);

  const engine = createNodeEngine();
  await engine.prepare(['ja', 'en']);
  const ready = performance.now();
  const result = evaluate(data, engineScorer(engine));
  // The project's corpus (replies the rules were tuned on) and the held-out replies (written blind, by
  // someone who did not read the rules' code; a round is measured before anything is changed for it).
  const corpora: { name: 'corpus' | 'heldout'; lang: string; result: CorpusResult }[] = [];
  for (const [name, folder] of [['corpus', corpus], ['heldout', heldout]] as const) {
    for (const lang of CORPUS_LANGS) {
      const file = join(folder, `${lang}.json`);
      if (!existsSync(file)) continue;
      try {
        corpora.push({ name, lang, result: evaluateCorpus(loadCorpus(file), engineAnalyze(engine)) });
      } catch (error) {
        fail(error instanceof Error ? error.message : String(error));
      }
    }
  }
  const done = performance.now();

  console.log(`Tonebridge evaluation — ${dir}`);
  for (const f of data.files) {
    console.log(`  ${f.file.padEnd(32)} ${f.kind.padEnd(10)} ${String(f.rows).padStart(6)} rows${f.skipped ? ` (${f.skipped} skipped)` : ''}`);
  }
  console.log('');
  console.log(formatTable([...result.table, ...corpora.flatMap((c) => corpusRows(c.name, c.lang, c.result))]));
  for (const c of corpora) printCorpusDetails(c.name, c.lang, c.result);
  if (errors > 0) {
    for (const [label, list] of result.errors) {
      console.log('');
      console.log(`## ${label} (${list.length}; worst ${Math.min(errors, list.length)})`);
      for (const e of list.slice(0, errors)) {
        console.log(`  [${e.note}] ${oneLine(e.text)}`);
        if (e.other !== undefined) console.log(`      vs ${oneLine(e.other)}`);
      }
    }
  }
  console.log('');
  console.log(
    `elapsed ${((done - started) / 1000).toFixed(1)} s (engine load ${((ready - started) / 1000).toFixed(1)} s, scoring ${((done - ready) / 1000).toFixed(1)} s)`,
  );
  const json: typeof result.json & { corpus?: Record<string, CorpusJson>; heldout?: Record<string, CorpusJson> } = { ...result.json };
  for (const name of ['corpus', 'heldout'] as const) {
    const mine = corpora.filter((c) => c.name === name);
    if (mine.length > 0) json[name] = Object.fromEntries(mine.map((c) => [c.lang, corpusJson(c.result)]));
  }
  console.log(JSON.stringify(json));
}

main().catch((error: unknown) => {
  console.error(`eval: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
