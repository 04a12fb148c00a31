/**
 * `tonebridge` CLI entry: `check` coaches replies, `pack` validates, signs and verifies policy packs.
 * Exit codes: 0 nothing at block level / ok, 1 block-level findings / verification failed,
 * 2 bad usage or bad input (with a one-line reason on stderr).
 */
import { nodeIo, type CliIo } from '../lib/cli/io';
import { runCheck } from '../lib/cli/check';
import { runPack } from '../lib/cli/pack';
import { UsageError } from '../lib/cli/args';

export const USAGE = `Usage:
  tonebridge check [--market jp|us] [--pack FILE]... [--lang ja|en] [--format text|json]
                   [--ui en|ja] [--agent NAME] [--customer NAME] [--customer-message FILE] [FILE|-]...
  tonebridge pack validate FILE...
  tonebridge pack keygen [--out PREFIX]
  tonebridge pack sign FILE --key SECRET_KEY_FILE
  tonebridge pack verify FILE --public-key KEY|--public-key-file FILE

Exit codes: 0 ok, 1 block-level findings (check) or failed verification (pack verify), 2 bad usage or input.`;

export async function main(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await runCheck(rest, io);
      case 'pack':
        return await runPack(rest, io);
      case '--help':
      case '-h':
      case 'help':
        io.stdout(`${USAGE}\n`);
        return 0;
      case undefined:
        io.stderr(`${USAGE}\n`);
        return 2;
      default:
        throw new UsageError(`unknown command "${command}" (try: check, pack)`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`tonebridge: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
