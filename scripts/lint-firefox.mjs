/**
 * `npm run lint:firefox`: Mozilla's addons-linter (`web-ext lint`, what addons.mozilla.org runs on
 * upload) over the Firefox build, held to: no errors, no notices, and no warnings except one known
 * false positive — Preact's own `innerHTML` path.
 *
 * That path is Preact's renderer applying `dangerouslySetInnerHTML` (`e.innerHTML = u.__html`), bundled
 * into every script that renders UI. It runs only for an element given that prop, and Tonebridge never
 * gives it (checked here: no source file under lib/ or entrypoints/ mentions it), so no string ever
 * becomes HTML. A warning is accepted as that path only if the code the linter points at is Preact's
 * (`.innerHTML = ….__html`); any other innerHTML, or any other warning, fails.
 *
 * Builds the Firefox extension first unless `--no-build` (npm test lints the build its e2e tests used).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = path.join(ROOT, '.output', 'firefox-mv3');

/** Whether the linter's location is Preact's dangerouslySetInnerHTML assignment. */
export function isPreactInnerHtml(code, line, column) {
  const text = code.split('\n')[line - 1] ?? '';
  // The linter's column (1-based) is the start of the assignment's target.
  return /^[\w$]+\.innerHTML=[\w$]+\.__html\b/.test(text.slice(column - 1, column + 60)) && text.includes('dangerouslySetInnerHTML');
}

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

export function lintFirefox({ build = true } = {}) {
  const problems = [];
  for (const file of [...sourceFiles(path.join(ROOT, 'lib')), ...sourceFiles(path.join(ROOT, 'entrypoints'))]) {
    if (readFileSync(file, 'utf8').includes('dangerouslySetInnerHTML')) problems.push(`${path.relative(ROOT, file)} uses dangerouslySetInnerHTML`);
  }
  if (build) {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '-b', 'firefox', '--mv3'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/web-ext/bin/web-ext.js'), 'lint', '--source-dir', SOURCE, '--output', 'json', '--no-config-discovery'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    throw new Error(`web-ext lint gave no report (exit ${run.status}):\n${run.stderr}`);
  }
  const accepted = [];
  for (const kind of ['errors', 'notices', 'warnings']) {
    for (const m of report[kind]) {
      const where = `${m.file ?? ''}${m.line ? `:${m.line}:${m.column ?? 0}` : ''}`;
      if (kind === 'warnings' && m.code === 'UNSAFE_VAR_ASSIGNMENT' && m.file && m.line) {
        const code = readFileSync(path.join(SOURCE, m.file), 'utf8');
        if (isPreactInnerHtml(code, m.line, m.column ?? 0)) {
          accepted.push(where);
          continue;
        }
      }
      problems.push(`${kind.slice(0, -1)} ${m.code} ${where}: ${m.message}`);
    }
  }
  return { problems, accepted, summary: report.summary };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { problems, accepted, summary } = lintFirefox({ build: !process.argv.includes('--no-build') });
  console.log(`web-ext lint: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.notices} notices`);
  if (accepted.length > 0) console.log(`  accepted: Preact's dangerouslySetInnerHTML path (never used by Tonebridge) in ${accepted.join(', ')}`);
  for (const p of problems) console.error(`  ${p}`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
