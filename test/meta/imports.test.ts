/**
 * The import graph is layered and free of circles (shared/DESIGN.md: "Imports run one way: lang →
 * engine → policy → coach/compose/panel → entrypoints; a test keeps the graph layered and free of
 * circles"). Every relative import in lib/, entrypoints/ and bin/ — type-only ones too: a type is a
 * dependency — is read with the TypeScript scanner, resolved to its file, and checked:
 * - a module imports only from its own layer or the layers below it (lib/contract's Valibot helpers,
 *   parse.ts and schema-kit.ts, are below everything);
 * - no module reaches itself through its imports (no circle of files).
 * The code meets both with no exception (issue 15 removed the last ones): a new upward import or circle
 * fails the test. docs/architecture.md ("Layers") says what each layer holds.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

/** Layers, lowest first; a path's layer is the one with the longest prefix it starts with. */
const LAYERS: { name: string; prefixes: string[] }[] = [
  // Helpers every layer may use (lib/base: generic data structures; Valibot helpers) — they import nothing above.
  { name: 'base', prefixes: ['lib/base/', 'lib/contract/parse.ts', 'lib/contract/schema-kit.ts'] },
  { name: 'lang', prefixes: ['lib/lang/'] },
  { name: 'engine', prefixes: ['lib/engine/'] },
  // lib/contract (schemas of packs, settings and messages) sits with policy: packs are policy's data.
  { name: 'policy', prefixes: ['lib/policy/', 'lib/contract/'] },
  {
    name: 'app',
    prefixes: ['lib/coach/', 'lib/compose/', 'lib/guard/', 'lib/panel/', 'lib/hosts/', 'lib/ui/', 'lib/messaging.ts', 'lib/node/', 'lib/cli/', 'lib/eval/', 'lib/docs/'],
  },
  // The CLI's bin and the package's programmatic entry (lib/cli/index.ts re-exports bin/cli.ts) are entrypoints too.
  { name: 'entrypoints', prefixes: ['entrypoints/', 'bin/', 'lib/cli/index.ts'] },
];

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined; // a package
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  }
  return undefined;
}

const rel = (file: string) => relative(ROOT, file).split('\\').join('/');

function layerOf(path: string): number {
  let layer = -1;
  let longest = 0;
  LAYERS.forEach((l, i) => {
    for (const p of l.prefixes) {
      if (path.startsWith(p) && p.length > longest) {
        layer = i;
        longest = p.length;
      }
    }
  });
  if (layer < 0) throw new Error(`${path} is in no layer: add its folder to LAYERS in test/meta/imports.test.ts`);
  return layer;
}

const files = ['lib', 'entrypoints', 'bin'].flatMap((dir) => sourceFiles(join(ROOT, dir)));
const graph = new Map<string, string[]>();
for (const file of files) {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const targets = info.importedFiles
    .map((f) => resolveImport(file, f.fileName))
    .filter((t): t is string => t !== undefined)
    .map(rel);
  graph.set(rel(file), [...new Set(targets)]);
}

/** Strongly connected components with more than one file (Tarjan), each sorted. */
function circles(): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    order.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!order.has(v)) visit(v);
  return found;
}

describe('import graph', () => {
  it('reads the imports (the scan works)', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('lib/node/engine.ts')).toContain('lib/engine/engine.ts');
  });

  it('orders the layers base → lang → engine → policy and contract → app → entrypoints', () => {
    const order = ['lib/base/x.ts', 'lib/lang/x.ts', 'lib/engine/x.ts', 'lib/policy/x.ts', 'lib/coach/x.ts', 'entrypoints/x.ts'].map(layerOf);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(order.length);
    expect(layerOf('lib/contract/parse.ts')).toBe(layerOf('lib/base/x.ts'));
    expect(layerOf('lib/contract/pack.ts')).toBe(layerOf('lib/policy/x.ts'));
  });

  it('every module is in a layer', () => {
    for (const file of graph.keys()) expect(() => layerOf(file)).not.toThrow();
  });

  it('imports run one way: lang → engine → policy → coach/compose/panel → entrypoints', () => {
    const upward: string[] = [];
    for (const [from, targets] of graph) {
      for (const to of targets) if (layerOf(to) > layerOf(from)) upward.push(`${from} → ${to}`);
    }
    expect(upward, 'imports against the layers').toEqual([]);
  });

  it('no circles of files', () => {
    expect(circles().map((c) => c.join(' ⇄ ')), 'circles of files').toEqual([]);
  });
});
