// Unit tests' global setup: build the CLI (dist/cli/, a fraction of a second) so the tests that run the
// real `tonebridge` binary run what `npm run build:cli` publishes, never a stale or missing build.
import { buildCli } from '../../scripts/build-cli.mjs';

export default async function setup(): Promise<void> {
  await buildCli({ quiet: true });
}
