/**
 * The Japanese dictionary as Tonebridge ships it: one binary made at build time (compile.ts) from
 * kuromoji 0.1.2's IPADIC, laid out so that loading is reading one ArrayBuffer and wrapping typed
 * arrays over it — no decompression, no per-entry objects, no parsing beyond a small JSON header.
 * Token features are decoded lazily, when a token is used, and only the fields the detectors read are
 * kept (part of speech ×4, conjugation type and form, base form, reading; not the pronunciation, and
 * not the surface, which is the matched text).
 *
 * Layout (little-endian, like every platform browsers run on; checked at load):
 *   0  "TBIPADIC" magic (8 bytes)
 *   8  format version (Uint32)
 *  12  header length in bytes (Uint32)
 *  16  header: UTF-8 JSON (`Header`), zero-padded to a multiple of 8
 *   …  sections, each 8-byte aligned, as the header lists them
 *
 * Sections:
 * - `base`, `check` (Int32): the double-array trie over UTF-8 keys (cut to the part in use);
 * - `known.*` and `unknown.*`, one word table each:
 *   `lrc` (Int16 × 3 per entry: left id, right id, word cost), `pos` (Uint16: index of the entry's
 *   part-of-speech tuple), `base` (Int32: string id of the base form, -1 = same as the surface),
 *   `reading` (Int32: string id), `offsets` (Int32: the entries of key k are numbers
 *   `offsets[k] .. offsets[k + 1]`, in kuromoji's order; the key is the trie value for known words and
 *   the character class for unknown ones);
 * - `posTuples` (Int32 × 6 per tuple: string ids of pos, pos1–3, conjugation type and form; empty
 *   where IPADIC has `*`);
 * - `strings` (UTF-8 bytes) and `stringOffsets` (Int32: string i is bytes [off[i], off[i+1]));
 * - `costs` (Int16: [forward size, backward size] then cost[right][left] at right × backward + left + 2);
 * - `classOfUnit` (Uint8 × 65536: character class of every UTF-16 code unit).
 */

export const COMPILED_MAGIC = 'TBIPADIC';
/** Bump when the layout changes (the build cache and the loaders check it). */
export const COMPILED_VERSION = 2;
/** The file name, in the extension's `dict/` and in the Node build cache. */
export const COMPILED_FILE = `ipadic-v${COMPILED_VERSION}.bin`;

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
  /** Left id, right id and cost of entry i at 3i, 3i + 1, 3i + 2. */
  readonly lrc: Int16Array;
  /** The entries of key k are `offsets[k] .. offsets[k + 1]`. */
  readonly offsets: Int32Array;
  features(entry: number): EntryFeatures;
}

export interface CompiledDictionary {
  readonly base: Int32Array;
  readonly check: Int32Array;
  readonly known: WordTable;
  readonly unknown: WordTable;
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

/** Wraps a compiled dictionary buffer (the whole file) without copying it. */
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
  const posTuples = section('posTuples', 'i32');
  const decoder = new TextDecoder();
  const stringCache = new Map<number, string>();
  const string = (id: number): string => {
    let s = stringCache.get(id);
    if (s === undefined) {
      const from = stringOffsets[id];
      const to = stringOffsets[id + 1];
      s = from === undefined || to === undefined ? '' : decoder.decode(strings.subarray(from, to));
      if (stringCache.size >= FEATURE_CACHE_LIMIT) stringCache.clear();
      stringCache.set(id, s);
    }
    return s;
  };

  const table = (name: 'known' | 'unknown'): WordTable => {
    const lrc = section(`${name}.lrc`, 'i16');
    const pos = section(`${name}.pos`, 'u16');
    const baseForm = section(`${name}.base`, 'i32');
    const reading = section(`${name}.reading`, 'i32');
    const offsets = section(`${name}.offsets`, 'i32');
    const count = pos.length;
    if (lrc.length !== count * 3 || baseForm.length !== count || reading.length !== count || offsets.at(-1) !== count)
      throw new CompiledDictionaryError(`the ${name} word table's sections disagree on its size`);
    const cache = new Map<number, EntryFeatures>();
    return {
      lrc,
      offsets,
      features(entry) {
        let f = cache.get(entry);
        if (f === undefined) {
          const p = (pos[entry] ?? 0) * 6;
          const b = baseForm[entry] ?? -1;
          f = {
            pos: string(posTuples[p]!),
            posDetail1: string(posTuples[p + 1]!),
            posDetail2: string(posTuples[p + 2]!),
            posDetail3: string(posTuples[p + 3]!),
            conjugatedType: string(posTuples[p + 4]!),
            conjugatedForm: string(posTuples[p + 5]!),
            baseForm: b < 0 ? undefined : string(b),
            reading: string(reading[entry] ?? 0),
          };
          if (cache.size >= FEATURE_CACHE_LIMIT) cache.clear();
          cache.set(entry, f);
        }
        return f;
      },
    };
  };

  const costs = section('costs', 'i16');
  const forwardSize = costs[0] ?? 0;
  const backwardSize = costs[1] ?? 0;
  if (forwardSize <= 0 || backwardSize <= 0 || costs.length < forwardSize * backwardSize + 2)
    throw new CompiledDictionaryError('the connection cost matrix is incomplete');
  const classOfUnit = section('classOfUnit', 'u8');
  if (classOfUnit.length !== 0x10000) throw new CompiledDictionaryError('the character class map is incomplete');

  return {
    base: section('base', 'i32'),
    check: section('check', 'i32'),
    known: table('known'),
    unknown: table('unknown'),
    costs,
    forwardSize,
    backwardSize,
    classOfUnit,
    classes: header.classes,
    defaultClass: header.defaultClass,
    byteLength: buffer.byteLength,
  };
}
