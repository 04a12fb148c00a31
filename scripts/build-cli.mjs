/**
 * `npm run build:cli`: compiles the CLI to plain JavaScript in dist/cli/ with esbuild (the one vite
 * ships), so `tonebridge` starts without a TypeScript loader.
 *
 * - Entries: dist/cli/tonebridge.js (the `bin`) and dist/cli/index.js (the package's `exports`).
 * - Code splitting: each language's analyser is a dynamic import in lib/cli/engine.ts, so compromise
 *   and kuromoji (with the dictionary) are separate chunks loaded only when a text needs them.
 * - Packages stay external (installed with the package as its `dependencies`); the dictionaries' JSON
 *   is bundled.
 *
 * Also used by the unit tests' global setup (test/cli/build-cli.setup.ts), so a test that runs the real
 * binary never runs a stale build. Run directly: `node scripts/build-cli.mjs [--quiet]`.
 */
import { chmod, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_OUT = path.join(ROOT, 'dist/cli');

export async function buildCli({ quiet = false } = {}) {
  const started = performance.now();
  await rm(CLI_OUT, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { tonebridge: 'bin/tonebridge.ts', index: 'lib/cli/index.ts' },
    outdir: CLI_OUT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['kuromoji'],
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  await chmod(path.join(CLI_OUT, 'tonebridge.js'), 0o755);
  if (!quiet) {
    const outputs = Object.entries(result.metafile.outputs).map(([file, o]) => `${path.relative(ROOT, file)} ${(o.bytes / 1024).toFixed(0)} KB`);
    console.log(`CLI built in ${(performance.now() - started).toFixed(0)} ms:\n  ${outputs.join('\n  ')}`);
  }
  return result.metafile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli({ quiet: process.argv.includes('--quiet') });
}
