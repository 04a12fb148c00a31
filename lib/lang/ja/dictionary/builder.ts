/**
 * Build time only: reads the decompressed IPADIC buffers (files.ts) into typed arrays, which compile.ts
 * then writes out as the one binary the loaders wrap (compiled.ts).
 *
 * Where kuromoji 0.1.2's stock builder spends its time and memory, and what this one does instead:
 * - It keeps every decompressed file at full size (100 MB for the eleven files used, 40 % of it zero padding) after copying
 *   each one from zlib's Buffer into a fresh Uint8Array. Here the builder keeps views on them, and the
 *   compiled binary keeps only what tokenization reads (10.4 MB, read as is at run time).
 * - It parses tid_map into a plain object of 325,871 JS arrays (392,126 boxed numbers): the largest
 *   part of its heap and a good share of its load time. Here it becomes two Int32Arrays (CSR layout:
 *   offsets by trie id, token ids), built in three linear passes.
 * - It parses unk_invoke's 1 MB of padding into ~170,000 CharacterClass objects. Here only the eleven
 *   real classes are read.
 * - The trie arrays are cut to the part the trie uses (the doublearray package's own `shrink()` does the
 *   same, as a view that keeps the full buffer alive).
 * Features (tid_pos) stay as UTF-8 bytes here; compile.ts turns them into entry classes and readings.
 */
import type { DictionaryBuffers } from './files';

/** Entries of one word table (known words or unknown-word templates). */
export interface EntryTable {
  /** 10 bytes per entry: left id, right id, word cost (Int16 LE), features offset (Int32 LE). Token ids
   * are byte offsets into this buffer. Bytes past the end read as zero. */
  readonly entries: Uint8Array;
  readonly entryView: DataView;
  /** NUL-terminated UTF-8 feature lines, "surface,pos,pos1,pos2,pos3,ctype,cform,base,reading,pron". */
  readonly features: Uint8Array;
  /** CSR map from a key (trie id, or character class id) to token ids: ids of key k are
   * `ids[offsets[k] .. offsets[k + 1])`, in the order the file lists them. */
  readonly offsets: Int32Array;
  readonly ids: Int32Array;
}

export interface CharacterClass {
  readonly id: number;
  readonly name: string;
  /** Always add unknown-word candidates, even when the dictionary has words at this position. */
  readonly invoke: boolean;
  /** Unknown-word candidates span the whole run of characters of this class. */
  readonly group: boolean;
  readonly maxLength: number;
}

export interface IpadicDictionary {
  /** Double-array trie over UTF-8 keys terminated by a 0 byte. */
  readonly base: Int32Array;
  readonly check: Int32Array;
  readonly known: EntryTable;
  readonly unknown: EntryTable;
  /** Connection costs: [0] forward size, [1] backward size, then cost[right][left] at right * [1] + left + 2. */
  readonly costs: Int16Array;
  readonly forwardSize: number;
  readonly backwardSize: number;
  /** Character class id of every UCS-2 code unit. */
  readonly classOfUnit: Uint8Array;
  readonly classes: readonly CharacterClass[];
  /** Class of characters outside the BMP (surrogate pairs). */
  readonly defaultClass: number;
}

class DictionaryFormatError extends Error {
  constructor(file: string, reason: string) {
    super(`Japanese dictionary: ${file}.dat is malformed: ${reason}`);
    this.name = 'DictionaryFormatError';
  }
}

function bytesOf(buffer: ArrayBuffer | Uint8Array): Uint8Array {
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
}

/** A typed view on `bytes` when its offset is aligned, else on an aligned copy; trailing bytes that do not
 * fill an element are ignored (they are padding zeros). */
function int32View(bytes: Uint8Array): Int32Array {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  return new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >>> 2);
}

function int16View(bytes: Uint8Array): Int16Array {
  const aligned = bytes.byteOffset % 2 === 0 ? bytes : bytes.slice();
  return new Int16Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >>> 1);
}

/**
 * Reads a target map ([count] then records of [key][n][n ids], Int32) into CSR arrays. Like kuromoji, it
 * reads records until the data ends (the count is not trusted), skips empty records (the zero padding
 * reads as key 0 with no ids) and appends the ids of a key that appears twice in file order.
 */
function buildTargetMap(file: string, bytes: Uint8Array): { offsets: Int32Array; ids: Int32Array } {
  const words = int32View(bytes);
  const end = words.length;
  let maxKey = -1;
  let total = 0;
  for (let p = 1; p + 1 < end; ) {
    const key = words[p]!;
    const n = words[p + 1]!;
    if (n < 0 || p + 2 + n > end) throw new DictionaryFormatError(file, `record at byte ${p * 4} overruns the data`);
    if (n > 0) {
      if (key < 0) throw new DictionaryFormatError(file, `negative key ${key} at byte ${p * 4}`);
      if (key > maxKey) maxKey = key;
      total += n;
    }
    p += 2 + n;
  }
  const offsets = new Int32Array(maxKey + 2);
  for (let p = 1; p + 1 < end; ) {
    const n = words[p + 1]!;
    if (n > 0) offsets[words[p]! + 1]! += n;
    p += 2 + n;
  }
  for (let k = 1; k < offsets.length; k++) offsets[k]! += offsets[k - 1]!;
  const ids = new Int32Array(total);
  const fill = offsets.slice(0, maxKey + 1);
  for (let p = 1; p + 1 < end; ) {
    const key = words[p]!;
    const n = words[p + 1]!;
    for (let i = 0; i < n; i++) ids[fill[key]!++] = words[p + 2 + i]!;
    p += 2 + n;
  }
  return { offsets, ids };
}

function buildEntryTable(
  names: { entries: string; features: string; map: string },
  entries: Uint8Array,
  features: Uint8Array,
  map: Uint8Array,
): EntryTable {
  const { offsets, ids } = buildTargetMap(names.map, map);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    // Entries are 10 bytes; a token id must start one inside the data (the tail reads as zeros anyway,
    // but an id beyond it points at nothing).
    if (id < 0 || id >= entries.length) {
      throw new DictionaryFormatError(names.map, `token id ${id} is outside ${names.entries}.dat (${entries.length} bytes)`);
    }
  }
  return {
    entries,
    entryView: new DataView(entries.buffer, entries.byteOffset, entries.byteLength),
    features,
    offsets,
    ids,
  };
}

function buildClasses(bytes: Uint8Array): CharacterClass[] {
  const classes: CharacterClass[] = [];
  const decoder = new TextDecoder();
  let p = 0;
  // A record is at least 7 bytes (two flags, an Int32, a NUL); the zero padding after the last one
  // would read as nameless classes, which kuromoji creates and never uses.
  while (p + 6 < bytes.length) {
    const invoke = bytes[p]!;
    const group = bytes[p + 1]!;
    const maxLength = bytes[p + 2]! | (bytes[p + 3]! << 8) | (bytes[p + 4]! << 16) | (bytes[p + 5]! << 24);
    let nul = bytes.indexOf(0, p + 6);
    if (nul < 0) nul = bytes.length;
    if (nul === p + 6) break;
    const name = decoder.decode(bytes.subarray(p + 6, nul));
    classes.push({ id: classes.length, name, invoke: invoke === 1, group: group === 1, maxLength });
    p = nul + 1;
  }
  if (classes.length === 0) throw new DictionaryFormatError('unk_invoke', 'no character classes');
  return classes;
}

/** Elements of a double-array trie in use: up to the last node whose CHECK is set, plus one (the
 * doublearray package's `shrink()`). */
export function trieUsedSize(check: Int32Array): number {
  let last = check.length - 1;
  while (last >= 0 && check[last]! < 0) last--;
  return Math.min(last + 2, check.length);
}

/** Cuts a double-array trie to the part in use. */
function trimTrie(base: Int32Array, check: Int32Array): { base: Int32Array; check: Int32Array } {
  const size = Math.min(trieUsedSize(check), base.length);
  // Copies when there is something to cut, so the untrimmed buffers can be collected.
  if (size === base.length && size === check.length) return { base, check };
  return { base: base.slice(0, size), check: check.slice(0, size) };
}

export { int32View };

export function buildIpadicDictionary(buffers: DictionaryBuffers): IpadicDictionary {
  const b = Object.fromEntries(Object.entries(buffers).map(([name, buffer]) => [name, bytesOf(buffer)])) as Record<
    keyof DictionaryBuffers,
    Uint8Array
  >;
  for (const [name, bytes] of Object.entries(b)) {
    if (!(bytes instanceof Uint8Array)) throw new DictionaryFormatError(name, 'missing');
  }

  const trie = trimTrie(int32View(b.base), int32View(b.check));
  if (trie.base.length < 2 || trie.check[0] !== 0) {
    throw new DictionaryFormatError('base', 'not a double-array trie (root node missing)');
  }

  const costs = int16View(b.cc);
  const forwardSize = costs[0] ?? 0;
  const backwardSize = costs[1] ?? 0;
  if (forwardSize <= 0 || backwardSize <= 0 || costs.length < forwardSize * backwardSize + 2) {
    throw new DictionaryFormatError('cc', `a ${forwardSize} × ${backwardSize} matrix needs more than ${costs.length - 2} costs`);
  }

  const classOfUnit = b.unk_char;
  if (classOfUnit.length < 0x10000) {
    throw new DictionaryFormatError('unk_char', `${classOfUnit.length} bytes, expected 65536 (one per UCS-2 code unit)`);
  }
  const classes = buildClasses(b.unk_invoke);
  for (let unit = 0; unit < 0x10000; unit++) {
    if (classOfUnit[unit]! >= classes.length) {
      throw new DictionaryFormatError('unk_char', `code unit U+${unit.toString(16)} has class ${classOfUnit[unit]}, of ${classes.length} classes`);
    }
  }
  const defaultClass = classes.findIndex((c) => c.name === 'DEFAULT');
  if (defaultClass < 0) throw new DictionaryFormatError('unk_invoke', 'no DEFAULT character class');

  const known = buildEntryTable({ entries: 'tid', features: 'tid_pos', map: 'tid_map' }, b.tid, b.tid_pos, b.tid_map);
  const unknown = buildEntryTable({ entries: 'unk', features: 'unk_pos', map: 'unk_map' }, b.unk, b.unk_pos, b.unk_map);
  for (const c of classes) {
    if (c.id + 1 >= unknown.offsets.length || unknown.offsets[c.id + 1] === unknown.offsets[c.id]) {
      throw new DictionaryFormatError('unk_map', `no unknown-word entries for character class ${c.name}`);
    }
  }

  return {
    base: trie.base,
    check: trie.check,
    known,
    unknown,
    costs,
    forwardSize,
    backwardSize,
    classOfUnit,
    classes,
    defaultClass,
  };
}
