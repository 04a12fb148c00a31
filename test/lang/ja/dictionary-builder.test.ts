/**
 * The build-time pieces: the builder that reads kuromoji's files into typed arrays (with the checks that
 * turn a malformed dictionary into a precise error instead of a broken tokenizer) and the compiler to
 * the one binary the loaders wrap.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildIpadicDictionary } from '../../../lib/lang/ja/dictionary/builder';
import { compileDictionary, trieWords } from '../../../lib/lang/ja/dictionary/compile';
import { LAST_ENTRY, TERMINAL_LABEL, readCompiledDictionary, wordEntries } from '../../../lib/lang/ja/dictionary/compiled';
import { DICTIONARY_FILES, type DictionaryBuffers } from '../../../lib/lang/ja/dictionary/files';
import { createIpadicTokenizer } from '../../../lib/lang/ja/dictionary/tokenizer';
import { kuromojiDictPath } from '../../../lib/lang/ja/kuromoji-stock';


/** The real dictionary, decompressed in full (without trimming), for layout and corruption tests. */
function realBuffers(): DictionaryBuffers {
  const dir = kuromojiDictPath();
  return Object.fromEntries(
    DICTIONARY_FILES.map((f) => [f, new Uint8Array(gunzipSync(fs.readFileSync(path.join(dir, `${f}.dat.gz`))))]),
  ) as DictionaryBuffers;
}

describe('buildIpadicDictionary', () => {
  const full = realBuffers();
  let compiled: Uint8Array | undefined;
  const binary = () => (compiled ??= compileDictionary(buildIpadicDictionary(full), 'test'));

  it('lays the dictionary out in typed arrays: trie cut to its used part, target maps as CSR', () => {
    const dict = buildIpadicDictionary(full);
    // The trie files are 2,097,152 Int32s each; the trie uses 1,355,501 of them (plus one).
    expect(dict.base.length).toBe(1_355_501);
    expect(dict.check.length).toBe(1_355_501);
    // IPADIC: 392,126 known entries of 10 bytes, under 325,871 distinct surfaces.
    expect(dict.known.ids.length).toBe(392_126);
    expect(new Set(dict.known.ids).size).toBe(392_126);
    expect(dict.known.ids.every((id) => id % 10 === 0)).toBe(true);
    expect(dict.costs[0]).toBe(1316);
    expect(dict.classes.map((c) => c.name)).toEqual([
      'DEFAULT', 'SPACE', 'KANJI', 'SYMBOL', 'NUMERIC', 'ALPHA', 'HIRAGANA', 'KATAKANA', 'KANJINUMERIC', 'GREEK', 'CYRILLIC',
    ]);
    expect(dict.classes[dict.classOfUnit['カ'.charCodeAt(0)]!]).toMatchObject({ name: 'KATAKANA', invoke: true, group: true });
    expect(dict.classes[dict.classOfUnit['漢'.charCodeAt(0)]!]).toMatchObject({ name: 'KANJI', invoke: false, group: false });
  });

  it('maps a trie id to its token ids in file order, like kuromoji’s target_map', () => {
    const dict = buildIpadicDictionary(full);
    const words = new Int32Array(full.tid_map instanceof Uint8Array ? full.tid_map.slice().buffer : full.tid_map);
    // The first record of tid_map: [count][key][n][ids…].
    const key = words[1]!;
    const n = words[2]!;
    const fromFile = [...words.subarray(3, 3 + n)];
    const { offsets, ids } = dict.known;
    expect([...ids.subarray(offsets[key]!, offsets[key + 1]!)]).toEqual(fromFile);
  });

  it('compiles into the binary the loaders wrap: same tables, features decoded on use', () => {
    const dict = buildIpadicDictionary(full);
    const compiled = readCompiledDictionary(binary().slice().buffer);
    expect(compiled.known.cls.length).toBe(dict.known.ids.length);
    expect(compiled.unknown.cls.length).toBe(dict.unknown.ids.length);
    expect(compiled.classes).toEqual(dict.classes);
    expect(compiled.costs).toEqual(dict.costs);
    // Clearly smaller than format 2 (29 MB): the trie over UTF-16 units, entries as class + cost.
    expect(binary().length).toBeLessThan(12_000_000);
    const tokens = createIpadicTokenizer(compiled).tokenize('平素より格別のお引き立てを賜り、厚く御礼申し上げます。ｶﾀｶﾅと😊も。');
    expect(tokens.map((t) => t.surface).join('')).toBe('平素より格別のお引き立てを賜り、厚く御礼申し上げます。ｶﾀｶﾅと😊も。');
    expect(tokens.find((t) => t.surface === '賜り')).toMatchObject({ pos: '動詞', baseForm: '賜る', reading: 'タマワリ' });
  });

  it('holds every IPADIC word with exactly kuromoji’s entries, in order: connection ids, costs, features', () => {
    const dict = buildIpadicDictionary(full);
    const compiled = readCompiledDictionary(binary().slice().buffer);
    const words = trieWords(dict.base, dict.check, dict.known);
    expect(words.size).toBe(325_871);
    const view = dict.known.entryView;
    const decoder = new TextDecoder();
    const orEmpty = (s: string | undefined) => (s === undefined || s === '*' ? '' : s);
    const mismatches: string[] = [];
    let entries = 0;
    for (const [word, value] of words) {
      const ours = wordEntries(compiled, word);
      const theirs = [...dict.known.ids.subarray(dict.known.offsets[value]!, dict.known.offsets[value + 1]!)];
      if (ours.length !== theirs.length) {
        mismatches.push(`${word}: ${ours.length} entries, kuromoji ${theirs.length}`);
        continue;
      }
      theirs.forEach((id, i) => {
        const e = ours[i]!;
        const c = compiled.known.cls[e]! & ~LAST_ENTRY;
        const at = view.getInt32(id + 6, true);
        const f = decoder.decode(dict.known.features.subarray(at, dict.known.features.indexOf(0, at))).split(',');
        const expected = [view.getInt16(id, true), view.getInt16(id + 2, true), view.getInt16(id + 4, true), f[1], ...f.slice(2, 7).map(orEmpty), f[7] === '*' ? undefined : f[7], orEmpty(f[8])];
        const g = compiled.known.features(e, word);
        const actual = [compiled.classLeft[c], compiled.classRight[c], compiled.known.cost[e], g.pos, g.posDetail1, g.posDetail2, g.posDetail3, g.conjugatedType, g.conjugatedForm, g.baseForm, g.reading];
        if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(`${word}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
        entries++;
      });
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(entries).toBe(392_126);
    // No other word: the trie's word ends are exactly these.
    let ends = 0;
    for (let cell = 1; cell < compiled.check.length; cell++) {
      if (compiled.check[cell] === TERMINAL_LABEL || (compiled.check[cell]! > TERMINAL_LABEL && compiled.base[cell]! < 0)) ends++;
    }
    expect(ends).toBe(words.size);
    expect(wordEntries(compiled, '申し訳ござ')).toEqual([]);
    expect(wordEntries(compiled, '')).toEqual([]);
  });

  it('refuses to compile when the trie and the word table disagree on a word', () => {
    // The first record of tid_map moved to a key no trie word has: its word now leads nowhere.
    const words = new Int32Array((full.tid_map as Uint8Array).slice().buffer);
    words[1] = 999_999;
    const dict = buildIpadicDictionary(broken('tid_map', new Uint8Array(words.buffer)));
    expect(() => trieWords(dict.base, dict.check, dict.known)).toThrow(/cannot compile: the trie maps .+ to \d+, its entries are under 999999/);
  });

  it('a compiled file that is not one, or is cut short, is refused with a clear error', () => {
    const bin = binary();
    const bad = bin.slice();
    bad[0] = 0x58;
    expect(() => readCompiledDictionary(bad.buffer)).toThrow(/bad magic/);
    expect(() => readCompiledDictionary(bin.slice(0, bin.length >> 1).buffer)).toThrow(/overruns the file/);
    const future = bin.slice();
    new DataView(future.buffer).setUint32(8, 99, true);
    expect(() => readCompiledDictionary(future.buffer)).toThrow(/format 99/);
  });

  const broken = (file: keyof DictionaryBuffers, content: Uint8Array): DictionaryBuffers => ({ ...full, [file]: content });

  it('rejects a connection-cost matrix shorter than its dimensions', () => {
    const cc = (full.cc as Uint8Array).slice(0, 1000);
    expect(() => buildIpadicDictionary(broken('cc', cc))).toThrow(/cc\.dat is malformed: a 1316 × 1316 matrix/);
  });

  it('rejects a character map that does not cover UCS-2', () => {
    expect(() => buildIpadicDictionary(broken('unk_char', new Uint8Array(100)))).toThrow(/unk_char\.dat is malformed: 100 bytes/);
  });

  it('rejects a character map naming a class that does not exist', () => {
    const map = (full.unk_char as Uint8Array).slice();
    map[0x3042] = 42;
    expect(() => buildIpadicDictionary(broken('unk_char', map))).toThrow(/U\+3042 has class 42, of 11 classes/);
  });

  it('rejects a target map whose record runs past the data', () => {
    const map = new Int32Array([1, 5, 1000, 0]);
    expect(() => buildIpadicDictionary(broken('tid_map', new Uint8Array(map.buffer)))).toThrow(/tid_map\.dat is malformed: record at byte 4/);
  });

  it('rejects a token id outside the entry table', () => {
    const map = new Int32Array([1, 0, 1, 99_999_990]);
    expect(() => buildIpadicDictionary(broken('tid_map', new Uint8Array(map.buffer)))).toThrow(/token id 99999990 is outside tid\.dat/);
  });

  it('rejects character classes without a DEFAULT class, or without unknown-word entries', () => {
    const classes = new TextEncoder().encode('\u0000\u0001\u0000\u0000\u0000\u0000SPACE\u0000');
    const map = new Uint8Array(0x10000);
    expect(() => buildIpadicDictionary({ ...full, unk_invoke: classes, unk_char: map })).toThrow(/no DEFAULT character class/);
    expect(() => buildIpadicDictionary(broken('unk_map', new Uint8Array(new Int32Array([1, 0, 1, 0]).buffer)))).toThrow(
      /no unknown-word entries for character class SPACE/,
    );
  });

  it('rejects a trie without its root', () => {
    const check = (full.check as Uint8Array).slice();
    new Int32Array(check.buffer)[0] = 5;
    expect(() => buildIpadicDictionary(broken('check', check))).toThrow(/root node missing/);
  });
});
