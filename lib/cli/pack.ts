/**
 * `tonebridge pack …`: validate packs (schema, limits, rule ids, and every phrase rule's examples run
 * through the real matcher), and sign / verify them for URL distribution.
 */
import { ruleContract } from '../contract/rule-options';
import type { Engine } from '../engine/engine';
import { detectors } from '../engine/registry';
import { createNodeEngine } from '../node/engine';
import { readPackBytes, type PackIssue, type PackValidation } from '../policy/validate';
import type { PolicyPack } from '../policy/types';
import { UsageError } from './args';
import type { CliIo } from './io';
import { runPackCommand, type PackSignIo } from './pack-sign';

/** The built-in rules' ids and options: what a pack may name and set. */
const rules = ruleContract(detectors);

function describeIssues(file: string, issues: readonly PackIssue[]): string {
  return issues.map((i) => `${file}: ${i.path || '(pack)'}: ${i.message}`).join('\n');
}

/** A pack file's exact bytes (so text that is not UTF-8 is refused, not patched with U+FFFD). */
export async function readPackFileBytes(file: string, io: Pick<CliIo, 'readFile' | 'readBytes'>): Promise<Uint8Array> {
  return io.readBytes ? io.readBytes(file) : new TextEncoder().encode(await io.readFile(file));
}

function validateBytes(bytes: Uint8Array, engine?: Engine): PackValidation {
  return readPackBytes(bytes, { ...rules, ...(engine ? { analyze: (t: string) => engine.analyzeText(t) } : {}) });
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

async function validate(files: string[], io: CliIo): Promise<number> {
  if (files.length === 0) throw new UsageError('pack validate needs at least one FILE');
  const engine = createNodeEngine();
  await engine.prepare(['ja', 'en']);
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
    const result = validateBytes(bytes, engine);
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
