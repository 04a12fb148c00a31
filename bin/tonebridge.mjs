#!/usr/bin/env node
// The `tonebridge` command: runs the TypeScript CLI (bin/cli.ts) through tsx's loader, so the CLI uses
// the very engine the extension ships, with no separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
