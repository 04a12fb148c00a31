/**
 * `tonebridge pack …`: validate packs (schema, limits, rule ids, and every phrase rule's examples run
 * through the real matcher), and sign / verify them for URL distribution.
 */
import { ruleContract } from '../contract/rule-options';
import type { Engine } from '../engine/engine';
import { detectors } from '../engine/registry';
import { readPackBytes, type PackIssue, type PackValidation } from '../policy/validate';
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

/**
 * Validates one pack file's bytes (strict UTF-8, no repeated keys, rule options). Surface-form examples are checked by the matcher itself, without any
 * analyser; only when the pack is otherwise valid and has base-form examples are the analysers those
 * examples need loaded (the Japanese dictionary, typically) and the pack checked again with them.
 */
async function validatePackBytes(bytes: Uint8Array, getEngine: () => Engine): Promise<PackValidation> {
  const first = readPackBytes(bytes, builtinRules);
  if (!first.ok) return first;
  const rules = first.pack.phrases ?? [];
  if (examplesOf(rules.filter((r) => r.match === 'base')).length === 0) return first;
  // The second pass runs every example through the analysers, so load what all of them need.
  const engine = getEngine();
  await engine.prepare([...new Set(examplesOf(rules).flatMap((e) => engine.languagesOf(e)))]);
  return readPackBytes(bytes, { ...builtinRules, analyze: (t) => engine.analyzeText(t) });
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
