/**
 * Build time only: turns kuromoji's IPADIC (as builder.ts reads it from the `*.dat.gz` files) into the
 * one binary the loaders wrap (compiled.ts describes the layout). Runs in the WXT build hook
 * (build-assets.ts) and, when the Node build cache has no current copy, once in Node (node-loader.ts).
 *
 * What makes the binary small (10.4 MB, against kuromoji's 100 MB decompressed and format 2's 29 MB):
 * - the trie is rebuilt over UTF-16 code units instead of UTF-8 bytes (one step per character; 0.54 M
 *   cells instead of 1.36 M), with each node's children at a base offset no other node uses, so a child
 *   is checked by its label (Uint16) instead of its parent's index (Int32), and a word that no longer
 *   word extends keeps its first entry in its own BASE instead of in a terminal child;
 * - an entry is two 16-bit numbers: its class — left id, right id, part-of-speech tuple and base-form
 *   rule (IPADIC has 1,344 distinct ones) — and its word cost; the entries of a word are consecutive and
 *   the last one is flagged, so the trie leads to the first one and no offset table is needed;
 * - the base form is a rule on the surface (drop n characters, append one of 44 endings: 食べ → 食べる);
 * - the reading is the surface in katakana (23 % of entries) or one byte per kana.
 * Every range is checked here: a dictionary that does not fit the layout fails the build with the reason.
 */
import type { EntryTable, IpadicDictionary } from './builder';
import {
  COMPILED_MAGIC,
  COMPILED_VERSION,
  CLASS_FIELDS,
  LAST_ENTRY,
  READING_BLOCK,
  READING_SAME_AS_SURFACE,
  TERMINAL_LABEL,
  encodeReading,
  katakanaOf,
  type Header,
  type SectionRef,
} from './compiled';

type Typed = Int32Array | Int16Array | Uint16Array | Uint8Array;

const typeOf = (a: Typed): SectionRef['type'] =>
  a instanceof Int32Array ? 'i32' : a instanceof Int16Array ? 'i16' : a instanceof Uint16Array ? 'u16' : 'u8';

export class DictionaryCompileError extends Error {
  constructor(reason: string) {
    super(`Japanese dictionary: cannot compile: ${reason}`);
    this.name = 'DictionaryCompileError';
  }
}

class StringPool {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(s, id);
      this.list.push(s);
    }
    return id;
  }
  encode(): { bytes: Uint8Array; offsets: Int32Array } {
    const encoder = new TextEncoder();
    const parts = this.list.map((s) => encoder.encode(s));
    const offsets = new Int32Array(parts.length + 1);
    let total = 0;
    parts.forEach((p, i) => {
      offsets[i] = total;
      total += p.length;
    });
    offsets[parts.length] = total;
    const bytes = new Uint8Array(total);
    parts.forEach((p, i) => bytes.set(p, offsets[i]!));
    return { bytes, offsets };
  }
}

const orEmpty = (s: string | undefined) => (s === undefined || s === '*' ? '' : s);

function readInt16(bytes: Uint8Array, at: number): number {
  const v = (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
  return (v << 16) >> 16;
}

function readInt32(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16) | ((bytes[at + 3] ?? 0) << 24);
}

/** The word that kuromoji's UTF-8 trie maps to a value, or -1 (the tokenizer's walk, byte by byte). */
function lookupUtf8(base: Int32Array, check: Int32Array, key: Uint8Array): number {
  const size = Math.min(base.length, check.length);
  let node = 0;
  for (const byte of key) {
    const child = base[node]! + byte;
    if (child < 0 || child >= size || check[child] !== node) return -1;
    node = child;
  }
  const terminal = base[node]!;
  if (terminal < 0 || terminal >= size || check[terminal] !== node || terminal === node) return -1;
  const value = base[terminal]!;
  return value <= 0 ? -value - 1 : -1;
}

/**
 * Every word of kuromoji's trie with its value (the key of its entries in the word table). A word is
 * the surface its entries name; the trie must map each to its value and hold no other word (its count
 * of word ends equals theirs), so the new trie holds exactly the same words.
 */
export function trieWords(base: Int32Array, check: Int32Array, table: EntryTable): Map<string, number> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const words = new Map<string, number>();
  for (let value = 0; value + 1 < table.offsets.length; value++) {
    if (table.offsets[value] === table.offsets[value + 1]) continue;
    const at = readInt32(table.entries, table.ids[table.offsets[value]!]! + 6);
    let comma = at;
    while (comma < table.features.length && table.features[comma] !== 0x2c && table.features[comma] !== 0) comma++;
    const word = decoder.decode(table.features.subarray(at, comma));
    const found = lookupUtf8(base, check, encoder.encode(word));
    if (found !== value) throw new DictionaryCompileError(`the trie maps ${word} to ${found}, its entries are under ${value}`);
    words.set(word, value);
  }
  // Word ends in the trie: terminal (byte 0) children holding a value.
  const size = Math.min(base.length, check.length);
  let ends = 0;
  for (let node = 0; node < size; node++) {
    const terminal = base[node]!;
    if (check[node]! < 0 && node !== 0) continue;
    if (terminal >= 0 && terminal < size && terminal !== node && check[terminal] === node && base[terminal]! <= 0) ends++;
  }
  if (ends !== words.size) throw new DictionaryCompileError(`the trie has ${ends} words, the word table ${words.size}`);
  return words;
}

/** What one entry becomes: its class's fields (CLASS_FIELDS) and the rest. */
interface Classes {
  ids: Map<string, number>;
  fields: number[];
}

function classOf(classes: Classes, fields: number[]): number {
  const key = fields.join(',');
  let id = classes.ids.get(key);
  if (id === undefined) {
    id = classes.ids.size;
    if (id >= LAST_ENTRY) throw new DictionaryCompileError(`more than ${LAST_ENTRY} entry classes`);
    classes.ids.set(key, id);
    classes.fields.push(...fields);
  }
  return id;
}

/** The base form as a rule on the surface: drop `drop` UTF-16 units from its end, append `suffix`. */
function baseRule(surface: string | undefined, base: string | undefined): { drop: number; suffix: string | undefined } {
  if (base === undefined || base === '*') return { drop: 0, suffix: undefined };
  if (surface === undefined) throw new DictionaryCompileError(`an unknown-word entry has a base form (${base})`);
  let common = 0;
  while (common < base.length && common < surface.length && base[common] === surface[common]) common++;
  return { drop: surface.length - common, suffix: base.slice(common) };
}

interface CompiledTable {
  cls: Uint16Array;
  cost: Int16Array;
  /** The features of each entry, decoded (build time only: for the readings). */
  lines: string[][];
}

/**
 * The entries of `order` (token ids of the builder's table, grouped by key, each group's last one
 * flagged) as classes and costs. `surfaces[i]` is entry i's key (known words) or undefined (unknown).
 */
function compileEntries(
  name: string,
  table: EntryTable,
  order: { ids: number[]; last: boolean[]; surfaces: (string | undefined)[] },
  strings: StringPool,
  classes: Classes,
): CompiledTable {
  const count = order.ids.length;
  const cls = new Uint16Array(count);
  const cost = new Int16Array(count);
  const lines: string[][] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    const at = order.ids[i]!;
    if (at % 10 !== 0) throw new DictionaryCompileError(`${name}: token id ${at} is not at an entry boundary`);
    const left = readInt16(table.entries, at);
    const right = readInt16(table.entries, at + 2);
    cost[i] = readInt16(table.entries, at + 4);
    const fAt = readInt32(table.entries, at + 6);
    let line = '';
    if (fAt >= 0 && fAt < table.features.length) {
      let nul = table.features.indexOf(0, fAt);
      if (nul < 0) nul = table.features.length;
      line = decoder.decode(table.features.subarray(fAt, nul));
    }
    const f = line.split(',');
    lines.push(f);
    const surface = order.surfaces[i];
    if (surface !== undefined && f[0] !== surface) {
      throw new DictionaryCompileError(`${name}: the entry of ${surface} has the features of ${f[0] ?? ''}`);
    }
    const rule = baseRule(surface, f[7]);
    const fields = [
      left,
      right,
      ...[f[1] ?? '', orEmpty(f[2]), orEmpty(f[3]), orEmpty(f[4]), orEmpty(f[5]), orEmpty(f[6])].map((s) => strings.id(s)),
      rule.drop,
      rule.suffix === undefined ? -1 : strings.id(rule.suffix),
    ];
    if (fields.length !== CLASS_FIELDS) throw new Error('entry class fields');
    cls[i] = classOf(classes, fields) | (order.last[i] ? LAST_ENTRY : 0);
  }
  return { cls, cost, lines };
}

/**
 * A double-array trie over `label`s of UTF-16 code units in which no two nodes share a base, so that
 * CHECK holds the label a node is reached by. A key end with children has a TERMINAL_LABEL child whose
 * BASE is -(value + 1); one without children holds -(value + 1) in its own BASE.
 */
export function buildLabelTrie(
  sortedKeys: readonly string[],
  valueOf: (key: string) => number,
  label: Uint16Array,
  labelCount: number,
): { base: Int32Array; check: Uint16Array } {
  let nodes = 1;
  for (const k of sortedKeys) nodes += k.length + 1;
  const capacity = nodes + labelCount + 2;
  const base = new Int32Array(capacity);
  const check = new Uint16Array(capacity);
  const used = new Uint8Array(capacity);
  const baseUsed = new Uint8Array(capacity);
  // Free cells as a linked list, to skip used ones quickly.
  const nextFree = new Int32Array(capacity);
  const prevFree = new Int32Array(capacity);
  for (let i = 0; i < capacity; i++) {
    nextFree[i] = i + 1 < capacity ? i + 1 : -1;
    prevFree[i] = i - 1;
  }
  const misses = new Uint8Array(capacity);
  const listed = new Uint8Array(capacity).fill(1);
  let head = 0;
  const unlist = (cell: number) => {
    if (!listed[cell]) return;
    listed[cell] = 0;
    const n = nextFree[cell]!;
    const p = prevFree[cell]!;
    if (p >= 0) nextFree[p] = n;
    else head = n;
    if (n >= 0) prevFree[n] = p;
  };
  const take = (cell: number) => {
    used[cell] = 1;
    unlist(cell);
  };
  take(0);
  let size = 1;

  const stack: { lo: number; hi: number; depth: number; cell: number }[] = [{ lo: 0, hi: sortedKeys.length, depth: 0, cell: 0 }];
  const labels: number[] = [];
  const ranges: number[] = [];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { lo, hi, depth, cell } = item;
    const ends = sortedKeys[lo]!.length === depth;
    labels.length = 0;
    ranges.length = 0;
    for (let i = ends ? lo + 1 : lo; i < hi; ) {
      const unit = sortedKeys[i]!.charCodeAt(depth);
      let j = i + 1;
      while (j < hi && sortedKeys[j]!.charCodeAt(depth) === unit) j++;
      labels.push(label[unit]!);
      ranges.push(i, j);
      i = j;
    }
    if (labels.length === 0) {
      base[cell] = -(valueOf(sortedKeys[lo]!) + 1);
      continue;
    }
    if (ends) {
      labels.push(TERMINAL_LABEL);
      ranges.push(lo, lo);
    }
    const order = labels.map((_, i) => i).sort((a, b) => labels[a]! - labels[b]!);
    const first = labels[order[0]!]!;
    let b = -1;
    for (let p = head; p >= 0; ) {
      const following = nextFree[p]!;
      // A free cell that fitted no node many times is left free for good (the trie stays within a few
      // per cent of dense, and the build linear).
      if (++misses[p]! > 100) unlist(p);
      const candidate = p - first;
      p = following;
      if (candidate < 0 || baseUsed[candidate]) continue;
      let fits = true;
      for (const k of order) {
        const at = candidate + labels[k]!;
        if (at >= capacity) throw new DictionaryCompileError('the trie outgrew its array');
        if (used[at]) {
          fits = false;
          break;
        }
      }
      if (fits) {
        b = candidate;
        break;
      }
    }
    if (b < 0) throw new DictionaryCompileError('no room left in the trie array');
    base[cell] = b;
    baseUsed[b] = 1;
    for (const k of order) {
      const child = b + labels[k]!;
      take(child);
      check[child] = labels[k]!;
      if (child + 1 > size) size = child + 1;
      if (labels[k] === TERMINAL_LABEL) base[child] = -(valueOf(sortedKeys[lo]!) + 1);
      else stack.push({ lo: ranges[2 * k]!, hi: ranges[2 * k + 1]!, depth: depth + 1, cell: child });
    }
  }
  return { base: base.slice(0, size), check: check.slice(0, size) };
}

const align8 = (n: number) => (n + 7) & ~7;

/** The compiled dictionary file's bytes. */
export function compileDictionary(dict: IpadicDictionary, source: string): Uint8Array {
  const strings = new StringPool();
  strings.id('');
  const classes: Classes = { ids: new Map(), fields: [] };

  // Known words: every key of kuromoji's trie, its entries consecutive (in kuromoji's order), keys in
  // the order of their trie values (as the builder's CSR map has them).
  const keyValues = trieWords(dict.base, dict.check, dict.known);
  const byValue = [...keyValues].sort((a, b) => a[1] - b[1]);
  const known = { ids: [] as number[], last: [] as boolean[], surfaces: [] as (string | undefined)[] };
  const firstEntry = new Map<string, number>();
  for (const [key, value] of byValue) {
    const from = dict.known.offsets[value];
    const to = dict.known.offsets[value + 1];
    if (from === undefined || to === undefined || to <= from) throw new DictionaryCompileError(`the key ${key} has no entries`);
    if (key.length === 0) throw new DictionaryCompileError('the trie has an empty key');
    firstEntry.set(key, known.ids.length);
    for (let i = from; i < to; i++) {
      known.ids.push(dict.known.ids[i]!);
      known.last.push(i === to - 1);
      known.surfaces.push(key);
    }
  }
  if (known.ids.length > 0x7fffffff) throw new DictionaryCompileError('too many entries');
  const knownTable = compileEntries('known', dict.known, known, strings, classes);

  // Readings: the surface in katakana (0), else 1 + their byte length, bytes in entry order.
  const count = known.ids.length;
  const readingLength = new Uint8Array(count);
  const readingIndex = new Int32Array(Math.ceil(count / READING_BLOCK));
  const readingBytes: number[] = [];
  for (let i = 0; i < count; i++) {
    if (i % READING_BLOCK === 0) readingIndex[i / READING_BLOCK] = readingBytes.length;
    const reading = orEmpty(knownTable.lines[i]![8]);
    if (reading.length > 0 && reading === katakanaOf(known.surfaces[i]!)) {
      readingLength[i] = READING_SAME_AS_SURFACE;
      continue;
    }
    const bytes = encodeReading(reading);
    if (bytes.length + 1 > 0xff) throw new DictionaryCompileError(`the reading ${reading} is over 254 bytes`);
    readingLength[i] = bytes.length + 1;
    readingBytes.push(...bytes);
  }

  // The trie over UTF-16 code units, labelled most frequent first.
  const frequency = new Map<number, number>();
  for (const key of keyValues.keys()) {
    for (let u = 0; u < key.length; u++) {
      const c = key.charCodeAt(u);
      if (c >= 0xd800 && c <= 0xdfff) throw new DictionaryCompileError(`the key ${key} has a character outside the BMP`);
      frequency.set(c, (frequency.get(c) ?? 0) + 1);
    }
  }
  const alphabet = new Uint16Array(0x10000);
  const units = [...frequency].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  if (units.length + TERMINAL_LABEL + 1 > 0xffff) throw new DictionaryCompileError(`${units.length} distinct characters do not fit 16-bit labels`);
  units.forEach(([unit], i) => (alphabet[unit] = TERMINAL_LABEL + 1 + i));
  const sortedKeys = [...keyValues.keys()].sort();
  const trie = buildLabelTrie(sortedKeys, (key) => firstEntry.get(key)!, alphabet, units.length + TERMINAL_LABEL + 1);

  // Unknown words: entries by character class, consecutive.
  const unknown = { ids: [] as number[], last: [] as boolean[], surfaces: [] as (string | undefined)[] };
  const unknownOffsets = new Int32Array(dict.classes.length + 1);
  for (const c of dict.classes) {
    const from = dict.unknown.offsets[c.id]!;
    const to = dict.unknown.offsets[c.id + 1]!;
    unknownOffsets[c.id] = unknown.ids.length;
    for (let i = from; i < to; i++) {
      unknown.ids.push(dict.unknown.ids[i]!);
      unknown.last.push(i === to - 1);
      unknown.surfaces.push(undefined);
    }
  }
  unknownOffsets[dict.classes.length] = unknown.ids.length;
  const unknownTable = compileEntries('unknown', dict.unknown, unknown, strings, classes);

  const classFields = Int32Array.from(classes.fields);
  for (let i = 0; i < classFields.length; i += CLASS_FIELDS) {
    for (const [field, limit] of [
      [0, dict.backwardSize],
      [1, dict.forwardSize],
    ] as const) {
      const v = classFields[i + field]!;
      if (v < 0 || v >= limit) throw new DictionaryCompileError(`connection id ${v} is outside the ${dict.forwardSize} × ${dict.backwardSize} matrix`);
    }
  }
  const pool = strings.encode();
  const sections: Record<string, Typed> = {
    alphabet,
    'trie.base': trie.base,
    'trie.check': trie.check,
    'known.class': knownTable.cls,
    'known.cost': knownTable.cost,
    'known.readingLength': readingLength,
    'known.readingIndex': readingIndex,
    'known.readings': Uint8Array.from(readingBytes),
    'unknown.class': unknownTable.cls,
    'unknown.cost': unknownTable.cost,
    'unknown.offsets': unknownOffsets,
    classes: classFields,
    strings: pool.bytes,
    stringOffsets: pool.offsets,
    costs: dict.costs,
    classOfUnit: dict.classOfUnit.subarray(0, 0x10000),
  };

  // Place the sections after a header whose length depends on their offsets: iterate until stable.
  const names = Object.keys(sections);
  let headerBytes = new Uint8Array(0);
  let refs: Record<string, SectionRef> = {};
  for (let round = 0; round < 4; round++) {
    let at = align8(16 + headerBytes.length);
    refs = {};
    for (const name of names) {
      const a = sections[name]!;
      refs[name] = { type: typeOf(a), offset: at, length: a.length };
      at = align8(at + a.byteLength);
    }
    const header: Header = {
      source,
      littleEndian: true,
      classes: dict.classes.map((c) => ({ ...c })),
      defaultClass: dict.defaultClass,
      sections: refs,
    };
    const next = new TextEncoder().encode(JSON.stringify(header));
    if (next.length === headerBytes.length) {
      headerBytes = next;
      break;
    }
    headerBytes = next;
  }
  const last = refs[names.at(-1)!]!;
  const total = align8(last.offset + sections[names.at(-1)!]!.byteLength);
  const out = new Uint8Array(total);
  for (let i = 0; i < 8; i++) out[i] = COMPILED_MAGIC.charCodeAt(i);
  const view = new DataView(out.buffer);
  view.setUint32(8, COMPILED_VERSION, true);
  view.setUint32(12, headerBytes.length, true);
  out.set(headerBytes, 16);
  if (16 + headerBytes.length > refs[names[0]!]!.offset) throw new Error('compiled dictionary: header did not settle');
  for (const name of names) {
    const a = sections[name]!;
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), refs[name]!.offset);
  }
  return out;
}
