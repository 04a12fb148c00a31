/**
 * Build time only: turns kuromoji's IPADIC (as builder.ts reads it from the `*.dat.gz` files) into the
 * one binary the loaders wrap (compiled.ts describes the layout). Runs in the WXT build hook
 * (build-assets.ts) and, when the Node build cache has no current copy, once in Node (node-loader.ts).
 */
import type { EntryTable, IpadicDictionary } from './builder';
import { COMPILED_MAGIC, COMPILED_VERSION, type Header, type SectionRef } from './compiled';

type Typed = Int32Array | Int16Array | Uint16Array | Uint8Array;

const typeOf = (a: Typed): SectionRef['type'] =>
  a instanceof Int32Array ? 'i32' : a instanceof Int16Array ? 'i16' : a instanceof Uint16Array ? 'u16' : 'u8';

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

/**
 * One word table. Entries are renumbered in the order the CSR map lists them (key by key, kuromoji's
 * order within a key), so the entries of key k are simply `offsets[k] .. offsets[k + 1]` and no id list
 * is stored.
 */
function compileTable(
  name: string,
  table: EntryTable,
  known: boolean,
  strings: StringPool,
  posIds: Map<string, number>,
  posTuples: number[],
): Record<string, Typed> {
  for (const id of table.ids) {
    if (id % 10 !== 0) throw new Error(`${name}: token id ${id} is not at an entry boundary`);
  }
  const count = table.ids.length;
  const lrc = new Int16Array(count * 3);
  const pos = new Uint16Array(count);
  const base = new Int32Array(count);
  const reading = new Int32Array(count);
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    const at = table.ids[i]!;
    lrc[i * 3] = readInt16(table.entries, at);
    lrc[i * 3 + 1] = readInt16(table.entries, at + 2);
    lrc[i * 3 + 2] = readInt16(table.entries, at + 4);
    const fAt = readInt32(table.entries, at + 6);
    let line = '';
    if (fAt >= 0 && fAt < table.features.length) {
      let nul = table.features.indexOf(0, fAt);
      if (nul < 0) nul = table.features.length;
      line = decoder.decode(table.features.subarray(fAt, nul));
    }
    const f = line.split(',');
    const tuple = [f[1] ?? '', orEmpty(f[2]), orEmpty(f[3]), orEmpty(f[4]), orEmpty(f[5]), orEmpty(f[6])];
    const key = tuple.join('\u0000');
    let p = posIds.get(key);
    if (p === undefined) {
      p = posIds.size;
      if (p > 0xffff) throw new Error('more than 65,536 part-of-speech tuples');
      posIds.set(key, p);
      posTuples.push(...tuple.map((s) => strings.id(s)));
    }
    pos[i] = p;
    base[i] = f[7] === undefined || f[7] === '*' ? -1 : strings.id(f[7]);
    reading[i] = strings.id(known ? orEmpty(f[8]) : '');
  }
  return {
    [`${name}.lrc`]: lrc,
    [`${name}.pos`]: pos,
    [`${name}.base`]: base,
    [`${name}.reading`]: reading,
    [`${name}.offsets`]: table.offsets,
  };
}

const align8 = (n: number) => (n + 7) & ~7;

/** The compiled dictionary file's bytes. */
export function compileDictionary(dict: IpadicDictionary, source: string): Uint8Array {
  const strings = new StringPool();
  strings.id('');
  const posIds = new Map<string, number>();
  const posTuples: number[] = [];
  const sections: Record<string, Typed> = {
    base: dict.base,
    check: dict.check,
    ...compileTable('known', dict.known, true, strings, posIds, posTuples),
    ...compileTable('unknown', dict.unknown, false, strings, posIds, posTuples),
  };
  sections.posTuples = Int32Array.from(posTuples);
  const pool = strings.encode();
  sections.strings = pool.bytes;
  sections.stringOffsets = pool.offsets;
  sections.costs = dict.costs;
  sections.classOfUnit = dict.classOfUnit.subarray(0, 0x10000);

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
