/**
 * Every regular expression literal in lib/ runs in linear time on adversarial input (issue 14: a
 * customer's 「確認しました」 + 30 × "w" + "a" stalled the worker for a minute). The lint rules
 * (eslint-plugin-regexp's no-super-linear-backtracking / no-super-linear-move) judge the pattern's
 * shape; this test runs each literal on long runs of the characters it names, followed by a character
 * that makes the match fail — the input that exposes backtracking — and fails if any takes longer than
 * a bound that linear patterns meet by orders of magnitude (a quadratic one takes seconds at this size).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const LENGTH = 50_000;
/**
 * Generous, so a loaded machine does not fail a linear pattern: one failing search over 50,000
 * characters takes about a millisecond when linear, and seconds when quadratic (1.25 × 10⁹ steps).
 */
const BOUND_MS = 400;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

interface Literal {
  where: string;
  source: string;
  flags: string;
}

function regexLiterals(file: string): Literal[] {
  const text = readFileSync(file, 'utf8');
  const found: Literal[] = [];
  const visit = (node: ts.Node, sf: ts.SourceFile) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const raw = node.getText(sf);
      const slash = raw.lastIndexOf('/');
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      found.push({ where: `${relative(ROOT, file)}:${line}`, source: raw.slice(1, slash), flags: raw.slice(slash + 1) });
    }
    ts.forEachChild(node, (child) => visit(child, sf));
  };
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  visit(sf, sf);
  return found;
}

/** Characters worth repeating: what the pattern names literally, what its escapes stand for, and a few classics. */
function attackCharacters(source: string): string[] {
  const chars = new Set<string>([' ', '\u3000', 'a', 'A', '1', 'w', 'ｗ', '!', '?', '.', '-', '(', '<', '\n', 'あ', '漢', '😅']);
  for (const ch of source.replace(/\\[dDsSwWbBnrtvf]|\\u\{?[0-9a-fA-F]+\}?|\\./g, ' ')) if (ch.trim()) chars.add(ch);
  return [...chars];
}

const literals = sourceFiles(join(ROOT, 'lib')).flatMap(regexLiterals);

describe('regular expressions in lib/ are linear', () => {
  it('finds the literals (the scan works)', () => {
    expect(literals.length).toBeGreaterThan(100);
    expect(literals.some((l) => l.where.startsWith('lib/lang/ja/predicates.ts'))).toBe(true);
  });

  it.each(literals.map((l) => [l.where, l] as const))('%s', (_where, literal) => {
    const flags = literal.flags.replace(/[gy]/g, '');
    const pattern = new RegExp(literal.source, flags);
    let slowest = { ms: 0, input: '' };
    for (const ch of attackCharacters(literal.source)) {
      for (const tail of ['\u0000', 'a', '!']) {
        const input = ch.repeat(Math.ceil(LENGTH / ch.length)) + tail;
        // One search from every start position (what a failing match costs); the faster of two runs,
        // so a pause of the machine is not taken for backtracking.
        let ms = Infinity;
        for (let run = 0; run < 2 && ms >= BOUND_MS / 4; run++) {
          const started = performance.now();
          pattern.test(input);
          ms = Math.min(ms, performance.now() - started);
        }
        if (ms > slowest.ms) slowest = { ms, input: `${JSON.stringify(ch)} × ${LENGTH} + ${JSON.stringify(tail)}` };
      }
    }
    expect(slowest.ms, `${literal.where} /${literal.source}/ took ${slowest.ms.toFixed(0)} ms on ${slowest.input}`).toBeLessThan(BOUND_MS);
  });

  it('catches the pattern that stalled the worker (the test can fail)', () => {
    // eslint-disable-next-line regexp/no-super-linear-backtracking, regexp/no-trivially-nested-quantifier -- the old pattern, kept to prove this test fails on it
    const old = /^(?:[wｗ]+|笑+|[（(]笑[)）]|[:;=^_\-()<>*'"~]+)+$/u;
    const started = performance.now();
    old.test(`${'w'.repeat(24)}a`);
    expect(performance.now() - started).toBeGreaterThan(BOUND_MS);
  });
});
