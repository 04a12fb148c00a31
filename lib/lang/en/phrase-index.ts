/**
 * English tokens for phrase matching: text and phrases are cut into the same tokens (words with inner
 * apostrophes, or runs of other non-space symbols such as "?", ":-)" or an emoji), lower-cased with
 * curly apostrophes straightened. `PhraseIndex` is the one phrase matcher's token index
 * (lib/lang/phrases.ts) over them: matching a sentence against hundreds of phrases costs one pass over
 * its tokens.
 */
import { LruCache } from '../../base/lru-cache';
import { TokenPhraseIndex, type KeyedToken } from '../phrases';

/** A word (letters of any script: "José", "Zoë") or a run of symbols: its key is lower case with straight apostrophes. */
export type Token = KeyedToken;

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]+/gu;

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

/**
 * English phrases with values, matched by these tokens (the one phrase matcher's token index,
 * lib/lang/phrases.ts, with the English tokeniser).
 */
export class PhraseIndex<V> extends TokenPhraseIndex<V> {
  constructor(entries: Iterable<[phrase: string, value: V]>) {
    super(entries, (phrase) => tokenize(phrase).map((t) => t.key));
  }
}
