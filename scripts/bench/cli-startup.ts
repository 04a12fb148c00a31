/**
 * Start-up of the compiled `tonebridge` CLI (dist/cli/, built first): wall time from spawning `node` to
 * its exit, and the process's peak RSS, for the commands people and CI run once per call. Each command
 * runs `RUNS` times in fresh processes after one untimed run (so the OS file cache is warm, as on a CI
 * runner's second step); the median is reported against the target from the cold-start issue.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildCli, CLI_OUT } from '../build-cli.mjs';
import { median } from './stats';

const RUNS = 7;

/** Prints the child's peak RSS (KB) and CPU time (µs, user + system) on stderr when it exits. */
const PROBE = `data:text/javascript,${encodeURIComponent(
  'process.on("exit", () => { const u = process.resourceUsage(); process.stderr.write("\\nmaxRSS:" + u.maxRSS + " cpu:" + (u.userCPUTime + u.systemCPUTime) + "\\n"); });',
)}`;

export interface CliStartupRow {
  label: string;
  targetMs: number;
  medianMs: number;
  minMs: number;
  /** CPU time of the process (user + system): what start-up costs, less sensitive to a busy machine than wall time. */
  cpuMs: number;
  peakRssMB: number;
  exitCode: number;
}

export async function benchCliStartup(root: string): Promise<CliStartupRow[]> {
  await buildCli({ quiet: true });
  const bin = path.join(CLI_OUT, 'tonebridge.js');
  const cases = [
    { label: 'check, one Japanese reply', targetMs: 500, args: ['check', '--market', 'jp', 'examples/replies/jp-complaint-no-apology.txt'] },
    { label: 'check, one English reply', targetMs: 400, args: ['check', '--market', 'us', 'examples/replies/us-cold-reply.txt'] },
    { label: 'pack validate (built-in jp + us packs)', targetMs: 300, args: ['pack', 'validate', 'dictionaries/packs/jp.json', 'dictionaries/packs/us.json'] },
    { label: 'pack validate, base-form examples (acme)', targetMs: 300, args: ['pack', 'validate', 'examples/packs/acme-support.json'] },
  ];
  return cases.map((c) => {
    const walls: number[] = [];
    const rss: number[] = [];
    const cpu: number[] = [];
    let exitCode = 0;
    for (let i = 0; i <= RUNS; i++) {
      const started = performance.now();
      const result = spawnSync(process.execPath, ['--import', PROBE, bin, ...c.args], { cwd: root, encoding: 'utf8' });
      const wall = performance.now() - started;
      if (result.status === null || result.status > 1) throw new Error(`tonebridge ${c.args.join(' ')} failed (${result.status}):\n${result.stderr}`);
      exitCode = result.status;
      if (i === 0) continue;
      walls.push(wall);
      rss.push(Number(/maxRSS:(\d+)/.exec(result.stderr)?.[1] ?? NaN) / 1024);
      cpu.push(Number(/cpu:(\d+)/.exec(result.stderr)?.[1] ?? NaN) / 1000);
    }
    return { label: c.label, targetMs: c.targetMs, medianMs: median(walls), minMs: Math.min(...walls), cpuMs: median(cpu), peakRssMB: median(rss), exitCode };
  });
}
