/**
 * Pack versions compared as semantic versions: up to four dotted numbers (missing parts are 0), a
 * pre-release sorts before its release and compares by its dot-separated parts (numbers numerically
 * and below words), build metadata is ignored. Used to refuse a signed pack older than one accepted.
 */
import { VERSION_PATTERN } from '../contract/pack';

interface Parsed {
  numbers: number[];
  pre: string[];
}

function parse(version: string): Parsed | undefined {
  if (version.length > 50 || !VERSION_PATTERN.test(version)) return undefined;
  const withoutBuild = version.split('+')[0]!;
  const dash = withoutBuild.indexOf('-');
  const core = dash === -1 ? withoutBuild : withoutBuild.slice(0, dash);
  const pre = dash === -1 ? [] : withoutBuild.slice(dash + 1).split('.');
  const numbers = core.split('.').map(Number);
  while (numbers.length < 4) numbers.push(0);
  return { numbers, pre };
}

const NUMERIC = /^\d+$/;

function comparePart(a: string, b: string): number {
  const an = NUMERIC.test(a);
  const bn = NUMERIC.test(b);
  if (an && bn) return Math.sign(Number(a) - Number(b));
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** -1, 0 or 1 as `a` is lower than, equal to or higher than `b`; undefined when either is not a version. */
export function compareVersions(a: string, b: string): -1 | 0 | 1 | undefined {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return undefined;
  for (let i = 0; i < 4; i++) {
    const d = Math.sign(x.numbers[i]! - y.numbers[i]!);
    if (d !== 0) return d as -1 | 1;
  }
  if (x.pre.length === 0 || y.pre.length === 0) return x.pre.length === y.pre.length ? 0 : x.pre.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.min(x.pre.length, y.pre.length); i++) {
    const d = comparePart(x.pre[i]!, y.pre[i]!);
    if (d !== 0) return d as -1 | 1;
  }
  return Math.sign(x.pre.length - y.pre.length) as -1 | 0 | 1;
}
