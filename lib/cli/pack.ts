/**
 * `tonebridge pack …`: validate packs (schema, limits, rule ids, and every phrase rule's examples run
 * through the real matcher), and sign / verify them for URL distribution.
 */
import { ruleContract } from '../contract/rule-options';
import type { Engine } from '../engine/engine';
import { detectors } from '../engine/registry';
import { readPackBytes, validatePack, type PackIssue, type PackValidation } from '../policy/validate';
import type { PhraseRule, PolicyPack } from '../policy/types';
import { UsageError } from './args';
import { createCliEngine } from './engine';
import type { CliIo } from './io';
import { runPackCommand, type PackSignIo } from './pack-sign';

/** The built-in rules' ids and options: what a pack may name and set. */
const builtinRules = ruleContract(detectors);

function describeIssues(file: string, issues: readonly PackIssue[]): string {
  return issues.map((i) => `${file}: ${i.path || '(pack)'}: ${i.message}`).join('\n');
}

/** A pack file's exact bytes (so text that is not UTF-8 is refused, not patched with U+FFFD). */
export async function readPackFileBytes(file: string, io: Pick<CliIo, 'readFile' | 'readBytes'>): Promise<Uint8Array> {
  return io.readBytes ? io.readBytes(file) : new TextEncoder().encode(await io.readFile(file));
}

function validateBytes(bytes: Uint8Array, engine?: Engine): PackValidation {
  return readPackBytes(bytes, { ...builtinRules, ...(engine ? { analyze: (t: string) => engine.analyzeText(t) } : {}) });
}

/** Reads and validates a pack file; any problem is a usage error naming the field and why. */
export async function loadPackFile(file: string, io: CliIo, engine?: Engine): Promise<PolicyPack> {
  let bytes: Uint8Array;
  try {
    bytes = await readPackFileBytes(file, io);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read pack ${file}${code ? ` (${code})` : ''}`);
  }
  const result = validateBytes(bytes, engine);
  if (!result.ok) throw new UsageError(`invalid pack\n${describeIssues(file, result.errors)}`);
  return result.pack;
}

const examplesOf = (rules: readonly PhraseRule[]) => rules.flatMap((r) => [...(r.examples.match ?? []), ...(r.examples.noMatch ?? [])]);

/** `phrases[3].examples.match[0]` → 3 and the rest of the path; undefined for any other path. */
function examplePath(path: string): { rule: number; rest: string } | undefined {
  const m = /^phrases\[(\d+)\](\.examples\..*)$/.exec(path);
  return m ? { rule: Number(m[1]), rest: m[2]! } : undefined;
}

/**
 * Validates one pack file's bytes (strict UTF-8, no repeated keys, rule options). Every example is
 * first checked without any analyser: surface-form examples by the matcher itself, line by line (as
 * for any pack). Only when the pack is otherwise valid and has base-form examples are those examples —
 * and only those — run through the analysers they need (the Japanese dictionary: base-form matching
 * is for Japanese), so validating a Japanese pack never loads the English analyser for its English
 * surface examples, which the first pass has already checked.
 */
async function validatePackBytes(bytes: Uint8Array, getEngine: () => Engine): Promise<PackValidation> {
  const first = readPackBytes(bytes, builtinRules);
  if (!first.ok) return first;
  const base = (first.pack.phrases ?? []).flatMap((rule, index) => (rule.match === 'base' ? [{ rule, index }] : []));
  const baseExamples = examplesOf(base.map((b) => b.rule));
  if (baseExamples.length === 0) return first;
  const engine = getEngine();
  await engine.prepare([...new Set(baseExamples.flatMap((e) => engine.languagesOf(e)))]);
  // The base-form rules alone, validated again with the analysers: only their examples' results are
  // taken (everything else was checked in the first pass), under the rules' paths in the whole pack.
  const second = validatePack(
    { ...first.pack, phrases: base.map((b) => b.rule) },
    { ...builtinRules, analyze: (t) => engine.analyzeText(t) },
  );
  const examples = (issues: readonly PackIssue[]) =>
    issues.flatMap((issue) => {
      const at = examplePath(issue.path);
      return at ? [{ ...issue, path: `phrases[${base[at.rule]!.index}]${at.rest}` }] : [];
    });
  if (!second.ok) {
    const errors = examples(second.errors);
    // Only example errors can come back (the rest passed the first pass); anything else is reported as is.
    return { ok: false, errors: errors.length > 0 ? errors : second.errors };
  }
  const isBase = new Set(base.map((b) => b.index));
  const kept = first.warnings.filter((w) => {
    const at = examplePath(w.path);
    return !at || !isBase.has(at.rule);
  });
  // Example warnings come last, in rule order (as validatePack lists them).
  const others = kept.filter((w) => !examplePath(w.path));
  const exampleWarnings = [...kept.filter((w) => examplePath(w.path)), ...examples(second.warnings)];
  exampleWarnings.sort((x, y) => examplePath(x.path)!.rule - examplePath(y.path)!.rule);
  return { ok: true, pack: first.pack, warnings: [...others, ...exampleWarnings] };
}

async function validate(files: string[], io: CliIo): Promise<number> {
  if (files.length === 0) throw new UsageError('pack validate needs at least one FILE');
  let engine: Engine | undefined;
  const getEngine = () => (engine ??= createCliEngine());
  let exit = 0;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readPackFileBytes(file, io);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.stderr(`${file}: cannot read${code ? ` (${code})` : ''}\n`);
      exit = 2;
      continue;
    }
    const result = await validatePackBytes(bytes, getEngine);
    if (!result.ok) {
      io.stderr(`${describeIssues(file, result.errors)}\n`);
      exit = 2;
      continue;
    }
    io.stdout(`${file}: ok (${result.pack.id}@${result.pack.version})\n`);
    if (result.warnings.length > 0) io.stdout(`${describeIssues(file, result.warnings).replace(/^/gm, 'warning: ')}\n`);
  }
  return exit;
}

/** The signing commands' file access over the CLI's (text only; the real CLI passes `nodePackSignIo()`). */
export function packSignIoOf(io: CliIo): PackSignIo {
  return {
    stdout: io.stdout,
    stderr: io.stderr,
    readFile: io.readFile,
    writeFile: (p, c) => io.writeFile(p, c),
    ...(io.readBytes ? { readBytes: io.readBytes } : {}),
  };
}

/**
 * `pack validate` here; `pack keygen|sign|verify` in ./pack-sign.ts (which prints its own usage and
 * returns 2 on bad input, 1 when a signature does not verify).
 */
export async function runPack(argv: string[], io: CliIo, signIo: PackSignIo = packSignIoOf(io)): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'validate':
      return validate(rest, io);
    case 'keygen':
    case 'sign':
    case 'verify':
      return runPackCommand([sub, ...rest], signIo);
    default:
      throw new UsageError(`unknown pack command "${sub ?? ''}" (try: validate, keygen, sign, verify)`);
  }
}
