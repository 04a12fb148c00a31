/**
 * `tonebridge pack …`: validate packs (schema, limits, rule ids, and every phrase rule's examples run
 * through the real matcher), and sign / verify them for URL distribution.
 */
import type { Engine } from '../engine/engine';
import { detectors } from '../engine/registry';
import { parsePackText, type PackIssue, type PackValidation } from '../policy/validate';
import type { PhraseRule, PolicyPack } from '../policy/types';
import { UsageError } from './args';
import { createCliEngine } from './engine';
import type { CliIo } from './io';
import { runPackCommand, type PackSignIo } from './pack-sign';

const knownRuleIds = new Set(detectors.map((d) => d.meta.id));

function describeIssues(file: string, issues: readonly PackIssue[]): string {
  return issues.map((i) => `${file}: ${i.path || '(pack)'}: ${i.message}`).join('\n');
}

/** Reads and validates a pack file; any problem is a usage error naming the field and why. */
export async function loadPackFile(file: string, io: CliIo, engine?: Engine): Promise<PolicyPack> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read pack ${file}${code ? ` (${code})` : ''}`);
  }
  const result = parsePackText(text, {
    knownRuleIds,
    ...(engine ? { analyze: (t: string) => engine.analyzeText(t) } : {}),
  });
  if (!result.ok) throw new UsageError(`invalid pack\n${describeIssues(file, result.errors)}`);
  return result.pack;
}

const examplesOf = (rules: readonly PhraseRule[]) => rules.flatMap((r) => [...(r.examples.match ?? []), ...(r.examples.noMatch ?? [])]);

/**
 * Validates one pack's text. Surface-form examples are checked by the matcher itself, without any
 * analyser; only when the pack is otherwise valid and has base-form examples are the analysers those
 * examples need loaded (the Japanese dictionary, typically) and the pack checked again with them.
 */
async function validateText(text: string, getEngine: () => Engine): Promise<PackValidation> {
  const first = parsePackText(text, { knownRuleIds });
  if (!first.ok) return first;
  const rules = first.pack.phrases ?? [];
  if (examplesOf(rules.filter((r) => r.match === 'base')).length === 0) return first;
  // The second pass runs every example through the analysers, so load what all of them need.
  const engine = getEngine();
  await engine.prepare([...new Set(examplesOf(rules).flatMap((e) => engine.languagesOf(e)))]);
  return parsePackText(text, { knownRuleIds, analyze: (t) => engine.analyzeText(t) });
}

async function validate(files: string[], io: CliIo): Promise<number> {
  if (files.length === 0) throw new UsageError('pack validate needs at least one FILE');
  let engine: Engine | undefined;
  const getEngine = () => (engine ??= createCliEngine());
  let exit = 0;
  for (const file of files) {
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.stderr(`${file}: cannot read${code ? ` (${code})` : ''}\n`);
      exit = 2;
      continue;
    }
    const result = await validateText(text, getEngine);
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
  return { stdout: io.stdout, stderr: io.stderr, readFile: io.readFile, writeFile: (p, c) => io.writeFile(p, c) };
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
