/**
 * `tonebridge` CLI entry: `check` coaches replies, `pack` validates, signs and verifies policy packs.
 * Exit codes: 0 ok, 1 findings at the `--fail-on` level (default block) / verification failed,
 * 2 bad usage or bad input (with a one-line reason on stderr). Built to dist/cli/ by scripts/build-cli.mjs.
 */
import { nodeIo, type CliIo } from '../lib/cli/io';
import { runCheck } from '../lib/cli/check';
import { runPack } from '../lib/cli/pack';
import { nodePackSignIo, type PackSignIo } from '../lib/cli/pack-sign';
import { UsageError } from '../lib/cli/args';

export const USAGE = `Usage:
  tonebridge check [--market jp|us] [--pack FILE]... [--lang ja|en] [--format text|json|sarif|github]
                   [--fail-on block|warn|info] [--ui en|ja] [--agent NAME] [--customer NAME]
                   [--customer-message FILE] [FILE|DIR|GLOB|MACROS.json|-]...
      A folder means every .txt, .md and .json file under it; a .json file holds helpdesk macros
      (Zendesk's export or [{"title", "body"}]), each checked as its own reply.
  tonebridge pack validate FILE...
  tonebridge pack keygen [--out PREFIX] [--force]      (PREFIX.key secret, mode 600; PREFIX.pub public)
  tonebridge pack sign FILE --key SECRET.key           (writes FILE.sig over the pack id and FILE's exact bytes)
  tonebridge pack verify FILE --public-key (PUBLIC.pub|BASE64) [--sig FILE.sig]

Exit codes: 0 ok; 1 a finding at the --fail-on level or above (check; default block) or failed
verification (pack verify); 2 bad usage or input (one-line reason on stderr).`;

/**
 * Runs the CLI. Without `io`, real files and streams (packs signed and verified byte for byte, secret
 * keys written readable by their owner only); with `io` (tests), the signing commands use it too.
 */
export async function main(argv: string[], cliIo?: CliIo, signIo?: PackSignIo): Promise<number> {
  const io = cliIo ?? nodeIo();
  const sign = signIo ?? (cliIo ? undefined : nodePackSignIo());
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await runCheck(rest, io);
      case 'pack':
        return await runPack(rest, io, sign);
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
