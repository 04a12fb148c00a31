import { describe, expect, it } from 'vitest';
import { auc, averageRanks, pairAccuracy, pearson, precisionRecall, quartileSplit, spearman } from '../../lib/eval/metrics';

describe('averageRanks', () => {
  it('ranks from 1 and gives tied values the mean of their ranks', () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(averageRanks([3, 1, 2])).toEqual([3, 1, 2]);
    expect(averageRanks([5, 5, 5])).toEqual([2, 2, 2]);
    expect(averageRanks([0.7, 0.1, 0.7, 0.1, 0.4])).toEqual([4.5, 1.5, 4.5, 1.5, 3]);
    expect(averageRanks([])).toEqual([]);
  });
});

describe('auc (Mann–Whitney)', () => {
  it('is 1 when every positive beats every negative, 0 when none does', () => {
    expect(auc([3, 4], [1, 2])).toBe(1);
    expect(auc([1, 2], [3, 4])).toBe(0);
  });
  it('counts a tie as one half', () => {
    // Pairs: 3>1, 3>2, 2>1, 2=2 → 3.5 of 4.
    expect(auc([3, 2], [1, 2])).toBe(0.875);
    expect(auc([1, 1], [1, 1, 1])).toBe(0.5);
  });
  it('matches counting pairs on an uneven example', () => {
    // Positives 0.9, 0.5, 0.5; negatives 0.5, 0.1: 0.9 beats both (2), each 0.5 ties one and beats one (1.5 each) → 5 / 6.
    expect(auc([0.9, 0.5, 0.5], [0.5, 0.1])).toBeCloseTo(5 / 6, 12);
  });
  it('is undefined (NaN) without positives or negatives', () => {
    expect(auc([], [1])).toBeNaN();
    expect(auc([1], [])).toBeNaN();
  });
});

describe('spearman', () => {
  it('is 1 for any increasing relation and −1 for a decreasing one', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 35, 1000])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
  });
  it('uses average ranks for ties', () => {
    // Ranks x = [1, 2.5, 2.5, 4], y = [1, 2, 3, 4]: Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5 → 3/√10.
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(3 / Math.sqrt(10), 12);
  });
  it('computes a hand-worked non-monotone case', () => {
    // x ranks [1,2,3,4,5], y = [2,1,4,3,5] → d² sum = 4 → ρ = 1 − 6·4/(5·24) = 0.8.
    expect(spearman([1, 2, 3, 4, 5], [20, 10, 40, 30, 50])).toBeCloseTo(0.8, 12);
  });
  it('is NaN when one side is constant or lengths differ', () => {
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(spearman([1, 2], [1, 2, 3])).toBeNaN();
    expect(pearson([1], [1])).toBeNaN();
  });
});

describe('pairAccuracy', () => {
  it('counts wins, half ties, no losses', () => {
    expect(pairAccuracy([[2, 1], [1, 1], [0, 1]])).toBe(0.5);
    expect(pairAccuracy([[0.8, 0.2], [0.6, 0.4]])).toBe(1);
    expect(pairAccuracy([])).toBeNaN();
  });
});

describe('precisionRecall', () => {
  it('counts true and false positives and negatives', () => {
    const pr = precisionRecall([
      { predicted: true, gold: true },
      { predicted: true, gold: false },
      { predicted: false, gold: true },
      { predicted: false, gold: true },
      { predicted: false, gold: false },
    ]);
    expect(pr).toEqual({ precision: 0.5, recall: 1 / 3, truePositives: 1, falsePositives: 1, falseNegatives: 2 });
  });
  it('is NaN when nothing was predicted or nothing is gold', () => {
    const pr = precisionRecall([{ predicted: false, gold: false }]);
    expect(pr.precision).toBeNaN();
    expect(pr.recall).toBeNaN();
  });
});

describe('quartileSplit', () => {
  it('takes the ⌊n/4⌋ lowest and highest, ties broken by input order', () => {
    const items = [5, 1, 8, 3, 3, 9, 2, 7];
    const { bottom, top } = quartileSplit(items, (x) => x);
    expect(bottom).toEqual([1, 2]);
    expect(top).toEqual([8, 9]);
    const tied = quartileSplit(['a', 'b', 'c', 'd'], () => 0);
    expect(tied).toEqual({ bottom: ['a'], top: ['d'] });
    expect(quartileSplit([1, 2, 3], (x) => x)).toEqual({ bottom: [], top: [] });
  });
});
