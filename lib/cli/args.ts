/**
 * Argument parsing over Node's own `node:util` `parseArgs` (strict: known flags only, no implicit
 * values), with the few rules it leaves to the caller: a flag's allowed values, a non-repeatable flag
 * given twice, and `-` (stdin) as a file. Every problem is a `UsageError` (exit code 2).
 */
import { parseArgs as nodeParseArgs } from 'node:util';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface FlagSpec {
  /** Takes a value (`--market jp` or `--market=jp`). */
  value?: boolean;
  repeat?: boolean;
  choices?: readonly string[];
}

export interface ParsedArgs {
  flags: Map<string, string[]>;
  positional: string[];
}

/** Node's messages name the option in quotes (`Option '--market <value>' argument missing`); ours are short. */
function usageMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const name = /'(-[^\s']*)/.exec(message)?.[1];
  if (!name) return message;
  switch ((error as { code?: string }).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${name}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take/.test(message) ? `${name} takes no value` : `${name} needs a value`;
    default:
      return message;
  }
}

export function parseArgs(argv: readonly string[], spec: Record<string, FlagSpec>): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(spec).map(([name, s]) => [name, { type: s.value ? ('string' as const) : ('boolean' as const), multiple: true }]),
  );
  let parsed: ReturnType<typeof nodeParseArgs<{ args: string[]; options: typeof options; allowPositionals: true; strict: true }>>;
  try {
    parsed = nodeParseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(usageMessage(error));
  }
  const flags = new Map<string, string[]>();
  for (const [name, raw] of Object.entries(parsed.values)) {
    const s = spec[name]!;
    const values = (raw as (string | boolean)[]).map(String);
    if (values.length > 1 && !s.repeat) throw new UsageError(`--${name} given twice`);
    if (s.choices) {
      for (const value of values) {
        if (!s.choices.includes(value)) {
          throw new UsageError(`--${name} must be one of ${s.choices.join(', ')} (got "${value}")`);
        }
      }
    }
    flags.set(name, values);
  }
  return { flags, positional: parsed.positionals };
}

export function flag(args: ParsedArgs, name: string): string | undefined {
  return args.flags.get(name)?.[0];
}
