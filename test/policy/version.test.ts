import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../lib/policy/version';

describe('compareVersions (semantic-version order, as rollback protection needs it)', () => {
  it.each([
    ['1.0.0', '2.0.0', -1],
    ['1.10.0', '1.9.0', 1],
    ['1', '1.0.0', 0],
    ['1.2', '1.2.0.1', -1],
    ['2.0.0-beta.1', '2.0.0', -1],
    ['2.0.0-beta.2', '2.0.0-beta.10', -1],
    ['2.0.0-alpha', '2.0.0-alpha.1', -1],
    ['2.0.0-1', '2.0.0-alpha', -1],
    ['2.0.0+build.5', '2.0.0+build.1', 0],
    ['1.0.0-rc.1', '0.9.9', 1],
  ] as const)('%s vs %s → %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
    expect(compareVersions(b, a)).toBe(expected === 0 ? 0 : -expected);
  });

  it('says nothing of strings that are not versions', () => {
    expect(compareVersions('latest', '1.0.0')).toBeUndefined();
    expect(compareVersions('1.0.0', 'v2')).toBeUndefined();
  });
});
