/**
 * The CLI as a published package: `bin` and `exports` point at the compiled build, `files` ships it and
 * nothing else of the repository, and every package the build imports at run time is a dependency.
 * (The unit tests' global setup has just built dist/cli.)
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  exports: Record<string, string>;
  files: string[];
  dependencies: Record<string, string>;
};

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? jsFiles(path.join(dir, n)) : n.endsWith('.js') ? [path.join(dir, n)] : []));
}

describe('the tonebridge package', () => {
  it('bin and exports are compiled JavaScript, runnable without a TypeScript loader', async () => {
    const bin = path.join(root, pkg.bin.tonebridge!);
    expect(bin).toMatch(/dist[/\\]cli[/\\]tonebridge\.js$/);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(bin).mode & 0o111).not.toBe(0);
    const api = (await import(path.join(root, pkg.exports['.']!))) as { main: unknown; createCliEngine: unknown };
    expect(typeof api.main).toBe('function');
    expect(typeof api.createCliEngine).toBe('function');
    // Run it with no loader at all: a plain `node` on the file.
    const { stdout } = await promisify(execFile)(process.execPath, [bin, '--help'], { cwd: root });
    expect(stdout).toContain('tonebridge check');
  });

  it('imports at run time only Node built-ins and declared dependencies (no tsx, nothing from devDependencies)', () => {
    const imported = new Set<string>();
    for (const file of jsFiles(path.join(root, 'dist/cli'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:^|[\s;}])(?:import|export)[^"'`;]*?from\s*"([^"]+)"|import\("([^"]+)"\)/gm)) {
        const spec = m[1] ?? m[2]!;
        if (spec.startsWith('.')) continue;
        imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
    const builtins = new Set(builtinModules);
    const external = [...imported].filter((s) => !s.startsWith('node:') && !builtins.has(s));
    expect(external.sort()).toEqual(['kuromoji']);
    for (const dep of external) expect(Object.keys(pkg.dependencies)).toContain(dep);
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
  });

  it('ships the compiled CLI and nothing else of the repository', async () => {
    expect(pkg.files).toEqual(['dist/cli/']);
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root });
    const files = (JSON.parse(stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toContain('dist/cli/tonebridge.js');
    expect(files).toContain('dist/cli/index.js');
    expect(files.filter((f) => !f.startsWith('dist/cli/')).sort()).toEqual(['README.md', 'package.json']);
  }, 60_000);
});
