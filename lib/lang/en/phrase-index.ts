/**
 * A fast phrase matcher for English word lists: text and phrases are cut into the same tokens (words
 * with inner apostrophes, or runs of other non-space symbols such as "?", ":-)" or an emoji), lower-cased
 * with curly apostrophes straightened, and phrases are looked up by their first token. Matching a
 * sentence against hundreds of phrases costs one pass over its tokens, where one big regex alternation
 * costs a try of every phrase at every position.
 */
import { LruCache } from '../../base/lru-cache';

export interface Token {
  /** Lower case, straight apostrophes. */
  key: string;
  start: number;
  end: number;
}

export interface IndexHit<V> {
  phrase: string;
  value: V;
  start: number;
  end: number;
  /** Index of the first token of the hit, and how many tokens it spans. */
  token: number;
  length: number;
}

const TOKEN = /[A-Z0-9]+(?:['’][A-Z0-9]+)*|[^\sA-Z0-9]+/gi;

/**
 * Recently cut sentences. A dozen detectors and readers cut the same sentence; while the agent types,
 * every sentence but one is the same as a keystroke ago, so each is cut once, not a dozen times per
 * keystroke. The arrays are shared: callers only read them.
 */
const recent = new LruCache<string, readonly Token[]>(4000);

export function tokenize(text: string): readonly Token[] {
  return recent.getOrCompute(text, () => {
    const tokens: Token[] = [];
    for (const m of text.matchAll(TOKEN)) {
      tokens.push({ key: m[0].toLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + m[0].length });
    }
    return tokens;
  });
}

interface Entry<V> {
  phrase: string;
  keys: string[];
  value: V;
}

export class PhraseIndex<V> {
  private readonly byFirst = new Map<string, Entry<V>[]>();

  constructor(entries: Iterable<[phrase: string, value: V]>) {
    for (const [phrase, value] of entries) {
      const keys = tokenize(phrase).map((t) => t.key);
      const first = keys[0];
      if (first === undefined) continue;
      const list = this.byFirst.get(first) ?? [];
      list.push({ phrase, keys, value });
      this.byFirst.set(first, list);
    }
    // Longest first, so "thank you" wins over "thank" and "why did you" over "why".
    for (const list of this.byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  }

  /** The longest phrase starting at token `i`, if any. */
  matchAt(tokens: readonly Token[], i: number): IndexHit<V> | undefined {
    const first = tokens[i];
    if (!first) return undefined;
    const list = this.byFirst.get(first.key);
    if (!list) return undefined;
    for (const e of list) {
      if (i + e.keys.length > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < e.keys.length; k++) {
        if (tokens[i + k]!.key !== e.keys[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return { phrase: e.phrase, value: e.value, start: first.start, end: tokens[i + e.keys.length - 1]!.end, token: i, length: e.keys.length };
    }
    return undefined;
  }

  /** Every non-overlapping occurrence, left to right, longest at each position. */
  findAll(tokens: readonly Token[]): IndexHit<V>[] {
    const hits: IndexHit<V>[] = [];
    for (let i = 0; i < tokens.length; ) {
      const hit = this.matchAt(tokens, i);
      if (hit) {
        hits.push(hit);
        i += hit.length;
      } else i++;
    }
    return hits;
  }
}
