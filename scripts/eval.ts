/**
 * `npm run eval -- [DIR] [--errors N]`: scores the evaluation corpora in DIR (default ../shared/eval)
 * with one Node engine and prints a table of metrics, then ONE JSON line (the last line of output)
 * with the keys of ../shared/eval/README.md. `--errors N` also prints the N worst examples per metric.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadDatasets } from '../lib/eval/datasets';
import { engineScorer, evaluate, formatTable } from '../lib/eval/evaluate';
import { createNodeEngine } from '../lib/node/engine';

const USAGE = 'usage: npm run eval -- [DIR] [--errors N]';

function fail(message: string): never {
  console.error(`eval: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv: string[]): { dir: string; errors: number } {
  let dir: string | undefined;
  let errors = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--errors' || arg.startsWith('--errors=')) {
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
  return { dir: resolve(dir ?? '../shared/eval'), errors };
}

function oneLine(text: string, max = 160): string {
  const flat = text.split(/\r\n|[\r\n]/).map((line) => line.trim()).join(' ⏎ ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

async function main(): Promise<void> {
  const { dir, errors } = parseArgs(process.argv.slice(2));
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
  const done = performance.now();

  console.log(`Tonebridge evaluation — ${dir}`);
  for (const f of data.files) {
    console.log(`  ${f.file.padEnd(32)} ${f.kind.padEnd(10)} ${String(f.rows).padStart(6)} rows${f.skipped ? ` (${f.skipped} skipped)` : ''}`);
  }
  console.log('');
  console.log(formatTable(result.table));
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
  console.log(JSON.stringify(result.json));
}

main().catch((error: unknown) => {
  console.error(`eval: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
