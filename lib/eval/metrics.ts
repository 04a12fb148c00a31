/**
 * Statistics for the evaluation: average ranks with ties, AUC by the Mann–Whitney rank formula,
 * Spearman's ρ (Pearson correlation of average ranks), pair accuracy and precision / recall.
 * Every function returns NaN when the statistic is undefined for its input (no positives, constant
 * ranks …) rather than a made-up number; the report prints NaN as null.
 */

/** 1-based ranks; tied values share the mean of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  let k = 0;
  while (k < order.length) {
    let end = k + 1;
    while (end < order.length && order[end]!.v === order[k]!.v) end++;
    // Positions k … end-1 (0-based) hold ranks k+1 … end; their mean is (k + 1 + end) / 2.
    const rank = (k + 1 + end) / 2;
    for (let j = k; j < end; j++) ranks[order[j]!.i] = rank;
    k = end;
  }
  return ranks;
}

/**
 * Area under the ROC curve: the probability that a random positive scores above a random negative,
 * ties counting one half. Computed from the rank sum of the positives (Mann–Whitney U).
 */
export function auc(positives: readonly number[], negatives: readonly number[]): number {
  const n1 = positives.length;
  const n0 = negatives.length;
  if (n1 === 0 || n0 === 0) return NaN;
  const ranks = averageRanks([...positives, ...negatives]);
  let rankSum = 0;
  for (let i = 0; i < n1; i++) rankSum += ranks[i]!;
  const u = rankSum - (n1 * (n1 + 1)) / 2;
  return u / (n1 * n0);
}

/** Pearson's correlation coefficient; NaN when either side is constant or the lengths differ. */
export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  if (n !== y.length || n < 2) return NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  return sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rank correlation with average ranks for ties. */
export function spearman(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) return NaN;
  return pearson(averageRanks(x), averageRanks(y));
}

/** Share of pairs whose first score beats the second; a tie counts one half. */
export function pairAccuracy(pairs: readonly (readonly [number, number])[]): number {
  if (pairs.length === 0) return NaN;
  let wins = 0;
  for (const [a, b] of pairs) wins += a > b ? 1 : a === b ? 0.5 : 0;
  return wins / pairs.length;
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/** Precision and recall of predicted flags against gold flags (NaN when a denominator is 0). */
export function precisionRecall(items: readonly { predicted: boolean; gold: boolean }[]): PrecisionRecall {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { predicted, gold } of items) {
    if (predicted && gold) tp++;
    else if (predicted) fp++;
    else if (gold) fn++;
  }
  return {
    precision: tp + fp === 0 ? NaN : tp / (tp + fp),
    recall: tp + fn === 0 ? NaN : tp / (tp + fn),
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
  };
}

/**
 * Splits items into the bottom and top quartiles of a value: the ⌊n/4⌋ lowest and ⌊n/4⌋ highest
 * (ties at the cut broken by input order, so the split is deterministic).
 */
export function quartileSplit<T>(items: readonly T[], value: (item: T) => number): { bottom: T[]; top: T[] } {
  const q = Math.floor(items.length / 4);
  const sorted = items.map((item, i) => ({ item, i, v: value(item) })).sort((a, b) => a.v - b.v || a.i - b.i);
  return {
    bottom: sorted.slice(0, q).map((s) => s.item),
    top: sorted.slice(sorted.length - q).map((s) => s.item),
  };
}
