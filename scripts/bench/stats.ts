/** Small helpers shared by the benchmark workers and the report. */

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  mean: number;
}

/** Nearest-rank percentiles of a sample (milliseconds in, milliseconds out). */
export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
  const mean = sorted.reduce((sum, x) => sum + x, 0) / (sorted.length || 1);
  return { n: sorted.length, p50: rank(0.5), p95: rank(0.95), mean };
}

export function median(values: number[]): number {
  return summarize(values).p50;
}

/**
 * Runs `fn` repeatedly (after `warmup` untimed calls) until `max` samples or `budgetMs` of wall time,
 * whichever comes first, with at least `min` samples. `after` runs outside the timed region.
 */
export async function sample(
  fn: (i: number) => unknown,
  options: { warmup?: number; min?: number; max: number; budgetMs: number; after?: () => void },
): Promise<number[]> {
  const { warmup = 0, min = 5, max, budgetMs } = options;
  let i = 0;
  for (; i < warmup; i++) await fn(i);
  const times: number[] = [];
  const deadline = performance.now() + budgetMs;
  while (times.length < max && (times.length < min || performance.now() < deadline)) {
    const t0 = performance.now();
    await fn(i++);
    times.push(performance.now() - t0);
    options.after?.();
  }
  return times;
}

export const MB = 1024 * 1024;

/** Tracks the largest heap seen between calls (sampled outside the timed regions). */
export class PeakHeap {
  peak = 0;
  note(): void {
    const heap = process.memoryUsage().heapUsed;
    if (heap > this.peak) this.peak = heap;
  }
}

/** Peak resident set size of this process so far, in bytes. */
export const peakRss = (): number => process.resourceUsage().maxRSS * 1024;
