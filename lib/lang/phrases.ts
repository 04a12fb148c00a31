/**
 * The one phrase matcher, for the built-in word lists and admins' pack rules alike. Phrases are
 * literals — never patterns — so no list, and no pack, can make matching slow: every way of matching
 * here is linear in the text plus the hits, whatever the phrases are.
 *
 * It reads a text in one of three ways, by what the caller has of it:
 * - **characters** (`PhraseSet`): an Aho–Corasick automaton over UTF-16 code units. English phrases
 *   match on word boundaries (a phrase that starts or ends with an ASCII letter or digit does not match
 *   inside a word), case-insensitively unless told otherwise; ' and ’ are the same character. Japanese
 *   phrases match as substrings.
 * - **tokens** (`TokenPhraseIndex`): the language's tokeniser cuts the text and the phrases alike (for
 *   English, lib/lang/en/phrase-index.ts) and phrases are looked up by their first token's key — one pass
 *   over a sentence's tokens for a list of hundreds, each phrase carrying a value (a replacement, a tier).
 * - **dictionary forms** (`baseFormHits`): Japanese tokens, where the phrase's last word may be any
 *   conjugation of it (できる catches できません and できない).
 *
 * Each returns non-overlapping hits, leftmost first and the longest at a position.
 */

export interface PhraseHit {
  /** What matched: the text as written (characters), or the listed phrase (dictionary forms). */
  phrase: string;
  start: number;
  end: number;
}

/** Non-overlapping hits: the leftmost first, the longest at a position. Sorts `hits` in place. */
export function leftmostLongest<T extends { start: number; end: number }>(hits: T[]): T[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  let end = -1;
  for (const h of hits) {
    if (h.start < end) continue;
    kept.push(h);
    end = h.end;
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------
// Characters

const APOSTROPHE = 0x27;
const RIGHT_SINGLE_QUOTE = 0x2019;

function isAsciiWordCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * Lower case of each UTF-16 code unit from U+0080 on (0: not looked up yet), filled as units are met
 * (the table is made on first use): the matcher reads every character of every sentence on every
 * keystroke, and asking the string machinery for one character's lower case costs far more than a
 * table look-up. No unit from U+0080 on has a lower case of 0.
 */
let LOWER: Uint16Array | undefined;

function lower(c: number): number {
  LOWER ??= new Uint16Array(0x10000);
  let l = LOWER[c]!;
  if (l === 0) {
    const s = String.fromCharCode(c).toLowerCase();
    l = s.length === 1 ? s.charCodeAt(0) : c;
    LOWER[c] = l;
  }
  return l;
}

/** Folds one UTF-16 code unit without changing the text's length (so offsets stay exact). */
function fold(c: number, ignoreCase: boolean): number {
  if (c === RIGHT_SINGLE_QUOTE) return APOSTROPHE;
  if (!ignoreCase || c < 0x41) return c;
  if (c <= 0x5a) return c + 32;
  // ASCII, and kana and kanji (U+3000–U+9FFF), have no case to fold: no look-up.
  return c < 0x80 || (c >= 0x3000 && c < 0xa000) ? c : lower(c);
}

export interface PhraseSetOptions {
  /** Case-insensitive matching (default true). */
  ignoreCase?: boolean;
}

/**
 * A set of literal phrases matched in text (Aho–Corasick), compiled once per list. Empty phrases never
 * match.
 */
export class PhraseSet {
  private readonly ignoreCase: boolean;
  /**
   * The automaton's moves, (state, code unit) → state, in one open-addressing table (reading it costs
   * less than a Map per state): `moveFrom[i]` is the state (-1: a free slot), `moveOn[i]` the unit.
   */
  private readonly moveFrom: Int32Array;
  private readonly moveOn: Int32Array;
  private readonly moveTo: Int32Array;
  private readonly shift: number;
  /** Mixed into the slot of every move, so no pack can be written to make its moves share slots. */
  private readonly seed = (Math.random() * 0x7fffffff) | 0;
  private readonly fail: Int32Array;
  /** Phrase indices that end at each state (its own and, via failure links, its suffixes'): `outList[outStart[s] … outStart[s + 1]]`. */
  private readonly outStart: Int32Array;
  private readonly outList: Int32Array;
  private readonly lengths: number[] = [];
  private readonly wordStart: boolean[] = [];
  private readonly wordEnd: boolean[] = [];
  /**
   * A filter of the code units a phrase can start with (bit `c & 0xfff`): in the start state, a unit
   * outside it leaves the state where it is, which is what most of any text does.
   */
  private readonly starts = new Uint8Array(0x200);
  /** The start state's moves on ASCII, as a table (English text is mostly ASCII). */
  private readonly rootAscii = new Int32Array(0x80);

  constructor(
    readonly phrases: readonly string[],
    options: PhraseSetOptions = {},
  ) {
    this.ignoreCase = options.ignoreCase ?? true;
    // The trie, with a Map per state while it is built.
    const next: Map<number, number>[] = [new Map()];
    const ends: number[][] = [[]];
    let moves = 0;
    phrases.forEach((phrase, k) => {
      this.lengths.push(phrase.length);
      this.wordStart.push(phrase.length > 0 && isAsciiWordCode(phrase.charCodeAt(0)));
      this.wordEnd.push(phrase.length > 0 && isAsciiWordCode(phrase.charCodeAt(phrase.length - 1)));
      if (phrase.length === 0) return;
      const first = fold(phrase.charCodeAt(0), this.ignoreCase) & 0xfff;
      this.starts[first >> 3]! |= 1 << (first & 7);
      let state = 0;
      for (let i = 0; i < phrase.length; i++) {
        const c = fold(phrase.charCodeAt(i), this.ignoreCase);
        let to = next[state]!.get(c);
        if (to === undefined) {
          to = next.length;
          next.push(new Map());
          ends.push([]);
          next[state]!.set(c, to);
          moves++;
        }
        state = to;
      }
      ends[state]!.push(k);
    });
    // Breadth-first failure links; each state inherits the outputs of its failure state.
    const fail = new Int32Array(next.length);
    const queue: number[] = [...next[0]!.values()];
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q]!;
      for (const [c, to] of next[state]!) {
        let f = fail[state]!;
        while (f !== 0 && !next[f]!.has(c)) f = fail[f]!;
        const target = next[f]!.get(c);
        fail[to] = target !== undefined && target !== to ? target : 0;
        const inherited = ends[fail[to]!]!;
        if (inherited.length > 0) ends[to] = [...ends[to]!, ...inherited];
        queue.push(to);
      }
    }
    this.fail = fail;
    this.outStart = new Int32Array(next.length + 1);
    ends.forEach((list, state) => (this.outStart[state + 1] = this.outStart[state]! + list.length));
    this.outList = Int32Array.from(ends.flat());
    // The moves' table: at least twice as many slots as moves, a power of two.
    let bits = 4;
    while (1 << bits < 2 * moves) bits++;
    this.shift = 32 - bits;
    this.moveFrom = new Int32Array(1 << bits).fill(-1);
    this.moveOn = new Int32Array(1 << bits);
    this.moveTo = new Int32Array(1 << bits);
    const mask = (1 << bits) - 1;
    next.forEach((map, state) => {
      for (const [c, to] of map) {
        let i = this.slot(state, c);
        while (this.moveFrom[i] !== -1) i = (i + 1) & mask;
        this.moveFrom[i] = state;
        this.moveOn[i] = c;
        this.moveTo[i] = to;
        if (state === 0 && c < 0x80) this.rootAscii[c] = to;
      }
    });
  }

  private slot(state: number, c: number): number {
    return Math.imul(Math.imul(state ^ this.seed, 0x01000193) ^ c, 0x9e3779b1) >>> this.shift;
  }

  /** The state `state` moves to on code unit `c` without failing over, or -1. */
  private move(state: number, c: number): number {
    const mask = this.moveFrom.length - 1;
    for (let i = this.slot(state, c); ; i = (i + 1) & mask) {
      const from = this.moveFrom[i]!;
      if (from === -1) return -1;
      if (from === state && this.moveOn[i] === c) return this.moveTo[i]!;
    }
  }

  /** The state after reading code unit `c` in `state`. */
  private step(state: number, c: number): number {
    for (let st = state; ; st = this.fail[st]!) {
      if (st === 0 && c < 0x80) return this.rootAscii[c]!;
      const to = this.move(st, c);
      if (to >= 0) return to;
      if (st === 0) return 0;
    }
  }

  /** Whether phrase `k`, ending at `end`, stands on word boundaries there. */
  private onBoundaries(text: string, k: number, end: number): boolean {
    const start = end - this.lengths[k]!;
    if (this.wordStart[k] && start > 0 && isAsciiWordCode(text.charCodeAt(start - 1))) return false;
    return !(this.wordEnd[k] && end < text.length && isAsciiWordCode(text.charCodeAt(end)));
  }

  /**
   * Runs the automaton over `text` once and calls `hit(k, end)` for every phrase `k` that ends at `end` on
   * word boundaries, stopping as soon as `hit` returns true. One walk serves both findAll and test.
   */
  private scan(text: string, hit: (k: number, end: number) => boolean): void {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = fold(text.charCodeAt(i), this.ignoreCase);
      if (state === 0 && (this.starts[(c & 0xfff) >> 3]! & (1 << (c & 7))) === 0) continue;
      state = this.step(state, c);
      for (let o = this.outStart[state]!, last = this.outStart[state + 1]!; o < last; o++) {
        const k = this.outList[o]!;
        if (this.onBoundaries(text, k, i + 1) && hit(k, i + 1)) return;
      }
    }
  }

  /** Every non-overlapping occurrence, in order (the leftmost first, the longest at a position). */
  findAll(text: string): PhraseHit[] {
    const candidates: { start: number; end: number }[] = [];
    this.scan(text, (k, end) => {
      candidates.push({ start: end - this.lengths[k]!, end });
      return false;
    });
    return leftmostLongest(candidates).map((h) => ({ phrase: text.slice(h.start, h.end), start: h.start, end: h.end }));
  }

  /** Whether any phrase occurs in the text (stops at the first). */
  test(text: string): boolean {
    let found = false;
    this.scan(text, () => (found = true));
    return found;
  }
}

// ---------------------------------------------------------------------------------------------
// Tokens

/** A token as the phrase index compares it: its key (e.g. lower case) and where it is. */
export interface KeyedToken {
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

interface Entry<V> {
  phrase: string;
  keys: readonly string[];
  value: V;
}

/**
 * Phrases with values, matched token by token: `keysOf` is the language's tokeniser (the keys of a
 * phrase's tokens, cut exactly as the text's tokens are). Looking phrases up by their first token costs
 * one pass over a sentence's tokens, where trying every phrase at every position would cost a pass per
 * phrase.
 */
export class TokenPhraseIndex<V> {
  private readonly byFirst = new Map<string, Entry<V>[]>();

  constructor(entries: Iterable<[phrase: string, value: V]>, keysOf: (phrase: string) => readonly string[]) {
    for (const [phrase, value] of entries) {
      const keys = keysOf(phrase);
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
  matchAt(tokens: readonly KeyedToken[], i: number): IndexHit<V> | undefined {
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
  findAll(tokens: readonly KeyedToken[]): IndexHit<V>[] {
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

// ---------------------------------------------------------------------------------------------
// Dictionary forms (Japanese tokens)

/** What dictionary-form matching reads of a token (kuromoji's JaToken has it). */
export interface BaseFormToken {
  surface: string;
  baseForm: string;
  start: number;
  end: number;
}

/**
 * The index of the token where `phrase` ends when it starts at token `i`, or -1: the phrase is
 * spelled by consecutive tokens' surfaces, except that the last token may be any conjugation of the
 * phrase's last word (its dictionary form is what remains of the phrase).
 */
export function baseMatchEnd(tokens: readonly Omit<BaseFormToken, 'start' | 'end'>[], i: number, phrase: string): number {
  let rest = phrase;
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.surface === rest || t.baseForm === rest) return j;
    if (t.surface.length === 0 || rest.length <= t.surface.length || !rest.startsWith(t.surface)) return -1;
    rest = rest.slice(t.surface.length);
  }
  return -1;
}

/**
 * Where the phrases occur in one sentence's tokens, by dictionary form (offsets are the tokens'):
 * non-overlapping, the leftmost first, the longest at a position.
 */
export function baseFormHits(tokens: readonly BaseFormToken[], phrases: readonly string[]): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const phrase of phrases) {
      const j = baseMatchEnd(tokens, i, phrase);
      if (j >= 0) hits.push({ phrase, start: tokens[i]!.start, end: tokens[j]!.end });
    }
  }
  return leftmostLongest(hits);
}
