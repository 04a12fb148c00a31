/**
 * The package's programmatic entry (`import { main, createCliEngine } from 'tonebridge'`): the CLI as a
 * function (argv in, exit code out; pass a `CliIo` to capture output) and the engine it runs.
 */
export { main, USAGE } from '../../bin/cli';
export { runCheck, renderReport, type RenderedFinding, type RenderedReport } from './check';
export { createCliEngine } from './engine';
export type { CliIo } from './io';
