#!/usr/bin/env node
// The `tonebridge` command. Built to dist/cli/tonebridge.js by `npm run build:cli` (scripts/build-cli.mjs);
// the published package runs that compiled JavaScript, with no TypeScript loader.
import { main } from './cli';

process.exitCode = await main(process.argv.slice(2));
