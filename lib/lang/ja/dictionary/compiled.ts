/**
 * The Japanese dictionary as Tonebridge ships it: one binary made at build time (compile.ts) from
 * kuromoji 0.1.2's IPADIC, laid out so that loading is reading one ArrayBuffer and wrapping typed
 * arrays over it — no decompression, no per-entry objects, no parsing beyond a small JSON header, no
 * pass over the entries. Token features are decoded lazily, when a token is used, and only the fields
 * the detectors read are kept (part of speech ×4, conjugation type and form, base form, reading; not the
 * pronunciation, and not the surface, which is the matched text).
 *
 * Layout (little-endian, like every platform browsers run on; checked at load):
 *   0  "TBIPADIC" magic (8 bytes)
 *   8  format version (Uint32)
 *  12  header length in bytes (Uint32)
 *  16  header: UTF-8 JSON (`Header`), zero-padded to a multiple of 8
 *   …  sections, each 8-byte aligned, as the header lists them
 *
 * Sections:
 * - `alphabet` (Uint16 × 65536): the trie label of every UTF-16 code unit; 0 = in no word;
 * - `trie.base` (Int32), `trie.check` (Uint16): a double-array trie over labels in which no two nodes
 *   share a base, so CHECK holds the label the node is reached by (0: free; the root is cell 0). The
 *   child of node n by label l is cell `base[n] + l` if `check[base[n] + l] === l`. A word ends at a
 *   node whose BASE is negative, -(first entry + 1) (it has no children), or which has a child by
 *   TERMINAL_LABEL holding -(first entry + 1) in its BASE;
 * - `known.*` and `unknown.*`, one word table each: `class` (Uint16: the entry's class; LAST_ENTRY set
 *   on the last entry of a word or character class — a word's entries are consecutive, in kuromoji's
 *   order), `cost` (Int16: word cost); the known table's readings: `readingLength` (Uint8: 0 = the
 *   surface in katakana, else 1 + the byte length of the reading), `readings` (the readings' bytes in
 *   entry order, `encodeReading`), `readingIndex` (Int32: where the readings of entries
 *   `k × READING_BLOCK …` start); the unknown table's `offsets` (Int32: first entry of each character
 *   class);
 * - `classes` (Int32 × CLASS_FIELDS per class): left id, right id, string ids of pos, pos1–3,
 *   conjugation type and form (empty where IPADIC has `*`), then the base form as a rule on the surface:
 *   UTF-16 units to drop from its end, string id of the ending to append (-1: IPADIC's `*`);
 * - `strings` (UTF-8 bytes) and `stringOffsets` (Int32: string i is bytes [off[i], off[i+1]));
 * - `costs` (Int16: [forward size, backward size] then cost[right][left] at right × backward + left + 2);
 * - `classOfUnit` (Uint8 × 65536: character class of every UTF-16 code unit).
 */

export const COMPILED_MAGIC = 'TBIPADIC';
/** Bump when the layout changes (the build cache and the loaders check it). */
export const COMPILED_VERSION = 3;
/** The file name, in the extension's `dict/` and in the Node build cache. */
export const COMPILED_FILE = `ipadic-v${COMPILED_VERSION}.bin`;

/** The trie label of a word's end (characters are labelled from TERMINAL_LABEL + 1). */
export const TERMINAL_LABEL = 1;
/** Set in an entry's class on the last entry of its word (or character class). */
export const LAST_ENTRY = 0x8000;
/** Int32 fields per entry class in `classes`. */
export const CLASS_FIELDS = 10;
/** Entries per `readingIndex` element. */
export const READING_BLOCK = 32;
/** `readingLength` of an entry whose reading is its surface in katakana. */
export const READING_SAME_AS_SURFACE = 0;

/** Hiragana to katakana (U+3041–U+3096 → U+30A1–U+30F6); everything else as is. */
export function katakanaOf(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += String.fromCharCode(c >= 0x3041 && c <= 0x3096 ? c + 0x60 : c);
  }
  return out;
}

const ESCAPE = 0xff;

/** A reading as bytes: katakana U+30A0–U+30FF → 0x01–0x60, hiragana U+3040–U+309F → 0x61–0xC0, any
 * other UTF-16 unit → 0xFF, high byte, low byte. */
export function encodeReading(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30a0 && c <= 0x30ff) out.push(c - 0x30a0 + 0x01);
    else if (c >= 0x3040 && c <= 0x309f) out.push(c - 0x3040 + 0x61);
    else out.push(ESCAPE, c >>> 8, c & 0xff);
  }
  return out;
}

function decodeReading(bytes: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const b = bytes[i]!;
    if (b === ESCAPE) {
      out += String.fromCharCode(((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0));
      i += 2;
    } else out += String.fromCharCode(b <= 0x60 ? b - 0x01 + 0x30a0 : b - 0x61 + 0x3040);
  }
  return out;
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

type SectionType = 'i32' | 'i16' | 'u16' | 'u8';

export interface SectionRef {
  type: SectionType;
  /** Byte offset from the start of the file (a multiple of 8). */
  offset: number;
  /** Number of elements. */
  length: number;
}

export interface Header {
  source: string;
  littleEndian: true;
  classes: CharacterClass[];
  defaultClass: number;
  sections: Record<string, SectionRef>;
}

/** The features of one dictionary entry, as the tokenizer turns them into a token. */
export interface EntryFeatures {
  pos: string;
  posDetail1: string;
  posDetail2: string;
  posDetail3: string;
  conjugatedType: string;
  conjugatedForm: string;
  /** undefined: the surface (IPADIC's `*`). */
  baseForm: string | undefined;
  reading: string;
}

/** One word table over the buffer; features are decoded on use and cached (bounded). */
export interface WordTable {
  /** Entry i's class (index into the dictionary's class arrays), with LAST_ENTRY set on the last entry
   * of its word or character class. */
  readonly cls: Uint16Array;
  /** Entry i's word cost. */
  readonly cost: Int16Array;
  /** The features of entry i, as a token whose surface is `surface` has them. */
  features(entry: number, surface: string): EntryFeatures;
}

export interface CompiledDictionary {
  /** Trie label of every UTF-16 code unit (0: in no word). */
  readonly alphabet: Uint16Array;
  readonly base: Int32Array;
  readonly check: Uint16Array;
  readonly known: WordTable;
  readonly unknown: WordTable;
  /** First unknown-word entry of each character class. */
  readonly unknownFirst: Int32Array;
  /** Left and right connection ids of each entry class. */
  readonly classLeft: Int32Array;
  readonly classRight: Int32Array;
  readonly costs: Int16Array;
  readonly forwardSize: number;
  readonly backwardSize: number;
  readonly classOfUnit: Uint8Array;
  readonly classes: readonly CharacterClass[];
  /** Class of characters outside the BMP (surrogate pairs). */
  readonly defaultClass: number;
  /** The buffer's size in bytes (what loading it costs in memory). */
  readonly byteLength: number;
}

export class CompiledDictionaryError extends Error {
  constructor(reason: string) {
    super(`Japanese dictionary (${COMPILED_FILE}): ${reason}`);
    this.name = 'CompiledDictionaryError';
  }
}

const ELEMENT_SIZE: Record<SectionType, number> = { i32: 4, i16: 2, u16: 2, u8: 1 };

/** Feature lines decoded so far, per table; bounded so a long-running worker cannot grow it without
 * limit (IPADIC has 392k entries; a support desk's vocabulary is a few thousand). */
const FEATURE_CACHE_LIMIT = 50_000;

function isLittleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}

/** Wraps a compiled dictionary buffer (the whole file) without copying it. Only the header and the
 * small tables (entry classes, strings) are read; the rest is read when the tokenizer uses it. */
export function readCompiledDictionary(buffer: ArrayBuffer): CompiledDictionary {
  if (!isLittleEndian()) throw new CompiledDictionaryError('this platform is big-endian; the dictionary is little-endian');
  if (buffer.byteLength < 16) throw new CompiledDictionaryError(`${buffer.byteLength} bytes is too short`);
  const bytes = new Uint8Array(buffer);
  const magic = String.fromCharCode(...bytes.subarray(0, 8));
  if (magic !== COMPILED_MAGIC) throw new CompiledDictionaryError('not a compiled dictionary (bad magic)');
  const words = new Uint32Array(buffer, 8, 2);
  if (words[0] !== COMPILED_VERSION) throw new CompiledDictionaryError(`format ${words[0]}, expected ${COMPILED_VERSION}`);
  const headerLength = words[1]!;
  if (16 + headerLength > buffer.byteLength) throw new CompiledDictionaryError('the header overruns the file');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + headerLength))) as Header;
  } catch (error) {
    throw new CompiledDictionaryError(`bad header: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!header || typeof header.sections !== 'object' || !Array.isArray(header.classes)) throw new CompiledDictionaryError('bad header');

  function section(name: string, type: 'i32'): Int32Array;
  function section(name: string, type: 'i16'): Int16Array;
  function section(name: string, type: 'u16'): Uint16Array;
  function section(name: string, type: 'u8'): Uint8Array;
  function section(name: string, type: SectionType): Int32Array | Int16Array | Uint16Array | Uint8Array {
    const ref = header.sections[name];
    if (!ref || ref.type !== type) throw new CompiledDictionaryError(`section ${name} is missing`);
    const { offset, length } = ref;
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset % 8 !== 0)
      throw new CompiledDictionaryError(`section ${name} is misplaced`);
    if (offset + length * ELEMENT_SIZE[type] > buffer.byteLength) throw new CompiledDictionaryError(`section ${name} overruns the file`);
    switch (type) {
      case 'i32':
        return new Int32Array(buffer, offset, length);
      case 'i16':
        return new Int16Array(buffer, offset, length);
      case 'u16':
        return new Uint16Array(buffer, offset, length);
      case 'u8':
        return new Uint8Array(buffer, offset, length);
    }
  }

  const strings = section('strings', 'u8');
  const stringOffsets = section('stringOffsets', 'i32');
  const decoder = new TextDecoder();
  const stringCache = new Map<number, string>();
  const string = (id: number): string => {
    let s = stringCache.get(id);
    if (s === undefined) {
      const from = stringOffsets[id];
      const to = stringOffsets[id + 1];
      if (from === undefined || to === undefined || from > to || to > strings.length)
        throw new CompiledDictionaryError(`string ${id} is outside the string table`);
      s = decoder.decode(strings.subarray(from, to));
      if (stringCache.size >= FEATURE_CACHE_LIMIT) stringCache.clear();
      stringCache.set(id, s);
    }
    return s;
  };

  const costs = section('costs', 'i16');
  const forwardSize = costs[0] ?? 0;
  const backwardSize = costs[1] ?? 0;
  if (forwardSize <= 0 || backwardSize <= 0 || costs.length < forwardSize * backwardSize + 2)
    throw new CompiledDictionaryError('the connection cost matrix is incomplete');

  // Entry classes: small (about 1,300), checked here so that the tokenizer can trust them.
  const classFields = section('classes', 'i32');
  if (classFields.length % CLASS_FIELDS !== 0) throw new CompiledDictionaryError('the entry class table is cut short');
  const classCount = classFields.length / CLASS_FIELDS;
  const classLeft = new Int32Array(classCount);
  const classRight = new Int32Array(classCount);
  const stringCount = stringOffsets.length - 1;
  for (let c = 0; c < classCount; c++) {
    const at = c * CLASS_FIELDS;
    classLeft[c] = classFields[at]!;
    classRight[c] = classFields[at + 1]!;
    if (classLeft[c]! < 0 || classLeft[c]! >= backwardSize || classRight[c]! < 0 || classRight[c]! >= forwardSize)
      throw new CompiledDictionaryError(`entry class ${c} has connection ids outside the matrix`);
    for (let f = 2; f < CLASS_FIELDS; f++) {
      const v = classFields[at + f]!;
      const ok = f === 8 ? v >= 0 : f === 9 ? v >= -1 && v < stringCount : v >= 0 && v < stringCount;
      if (!ok) throw new CompiledDictionaryError(`entry class ${c} is malformed`);
    }
  }

  const table = (name: 'known' | 'unknown'): WordTable => {
    const cls = section(`${name}.class`, 'u16');
    const cost = section(`${name}.cost`, 'i16');
    const count = cls.length;
    if (cost.length !== count) throw new CompiledDictionaryError(`the ${name} word table's sections disagree on its size`);
    let reading: (entry: number, surface: string) => string = () => '';
    if (name === 'known') {
      const readingLength = section('known.readingLength', 'u8');
      const readingIndex = section('known.readingIndex', 'i32');
      const readings = section('known.readings', 'u8');
      if (readingLength.length !== count || readingIndex.length !== Math.ceil(count / READING_BLOCK))
        throw new CompiledDictionaryError('the known word table\'s readings disagree on its size');
      reading = (entry, surface) => {
        const length = readingLength[entry]!;
        if (length === READING_SAME_AS_SURFACE) return katakanaOf(surface);
        const block = Math.floor(entry / READING_BLOCK);
        let at = readingIndex[block]!;
        for (let e = block * READING_BLOCK; e < entry; e++) {
          const l = readingLength[e]!;
          if (l !== READING_SAME_AS_SURFACE) at += l - 1;
        }
        if (at + length - 1 > readings.length) throw new CompiledDictionaryError(`the reading of entry ${entry} overruns its table`);
        return decodeReading(readings, at, at + length - 1);
      };
    }
    const cache = new Map<number, { surface: string; features: EntryFeatures }>();
    return {
      cls,
      cost,
      features(entry, surface) {
        const cached = cache.get(entry);
        if (cached !== undefined && cached.surface === surface) return cached.features;
        const c = cls[entry];
        if (c === undefined || (c & ~LAST_ENTRY) >= classCount) throw new CompiledDictionaryError(`${name} entry ${entry} is malformed`);
        const at = (c & ~LAST_ENTRY) * CLASS_FIELDS;
        const suffix = classFields[at + 9]!;
        const features: EntryFeatures = {
          pos: string(classFields[at + 2]!),
          posDetail1: string(classFields[at + 3]!),
          posDetail2: string(classFields[at + 4]!),
          posDetail3: string(classFields[at + 5]!),
          conjugatedType: string(classFields[at + 6]!),
          conjugatedForm: string(classFields[at + 7]!),
          baseForm: suffix < 0 ? undefined : surface.slice(0, Math.max(0, surface.length - classFields[at + 8]!)) + string(suffix),
          reading: reading(entry, surface),
        };
        if (cache.size >= FEATURE_CACHE_LIMIT) cache.clear();
        cache.set(entry, { surface, features });
        return features;
      },
    };
  };

  const classOfUnit = section('classOfUnit', 'u8');
  if (classOfUnit.length !== 0x10000) throw new CompiledDictionaryError('the character class map is incomplete');
  const alphabet = section('alphabet', 'u16');
  if (alphabet.length !== 0x10000) throw new CompiledDictionaryError('the trie alphabet is incomplete');
  const base = section('trie.base', 'i32');
  const check = section('trie.check', 'u16');
  if (base.length !== check.length || base.length < 1) throw new CompiledDictionaryError('the trie\'s sections disagree on its size');
  const known = table('known');
  const unknown = table('unknown');
  const unknownFirst = section('unknown.offsets', 'i32');
  if (unknownFirst.length !== header.classes.length + 1 || unknownFirst.some((first) => first < 0 || first > unknown.cls.length))
    throw new CompiledDictionaryError('the unknown word table does not cover the character classes');

  return {
    alphabet,
    base,
    check,
    known,
    unknown,
    unknownFirst,
    classLeft,
    classRight,
    costs,
    forwardSize,
    backwardSize,
    classOfUnit,
    classes: header.classes,
    defaultClass: header.defaultClass,
    byteLength: buffer.byteLength,
  };
}

/** The entries of one word (its first entry through the one flagged LAST_ENTRY), or none if the
 * dictionary does not have it: the lookup the tokenizer's prefix search makes, for one whole word. */
export function wordEntries(dict: CompiledDictionary, word: string): number[] {
  const { alphabet, base, check } = dict;
  let node = 0;
  for (let i = 0; i < word.length; i++) {
    const label = alphabet[word.charCodeAt(i)]!;
    const from = base[node]!;
    if (label === 0 || from < 0) return [];
    const child = from + label;
    if (child >= check.length || check[child] !== label) return [];
    node = child;
  }
  let value = node === 0 ? 0 : base[node]!;
  if (value >= 0) {
    const terminal = value + TERMINAL_LABEL;
    value = node !== 0 && terminal < check.length && check[terminal] === TERMINAL_LABEL ? base[terminal]! : 0;
  }
  const entries: number[] = [];
  for (let entry = -value - 1; value < 0 && entry < dict.known.cls.length; entry++) {
    entries.push(entry);
    if (dict.known.cls[entry]! & LAST_ENTRY) break;
  }
  return entries;
}
