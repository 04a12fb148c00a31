/**
 * Settings for the property tests (fast-check). They run with a fixed seed, so the unit suite is
 * deterministic and a failure reproduces; to explore new inputs, run them with another seed and more
 * runs, e.g.
 *
 *   FC_SEED=$RANDOM FC_RUNS=10 npx vitest run test/safety
 *
 * `FC_SEED` is fast-check's seed (an integer); `FC_RUNS` multiplies every property's number of runs.
 * fast-check prints the seed and the shrunk counterexample of a failure.
 */
import type { Parameters } from 'fast-check';

const DEFAULT_SEED = 20_261_206;

function envNumber(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
}

/** fast-check parameters for a property that runs `runs` times by default. */
export function propertyParameters<T>(runs: number, extra: Parameters<T> = {}): Parameters<T> {
  const scale = envNumber('FC_RUNS') ?? 1;
  return { seed: envNumber('FC_SEED') ?? DEFAULT_SEED, numRuns: Math.max(1, Math.round(runs * scale)), ...extra };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair of `text`. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** How many surrogates of `text` are not half of a pair (0 for well-formed UTF-16). */
export function loneSurrogates(text: string): number {
  let lone = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHigh(c) && isLow(text.charCodeAt(i + 1))) i++;
    else if (isHigh(c) || isLow(c)) lone++;
  }
  return lone;
}

/** A test timeout for a property whose default runs take about `ms` on an idle machine, scaled by FC_RUNS. */
export function propertyTimeout(ms: number): number {
  return Math.round(ms * Math.max(1, envNumber('FC_RUNS') ?? 1));
}
