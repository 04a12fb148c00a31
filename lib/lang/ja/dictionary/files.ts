/**
 * The IPADIC dictionary files kuromoji 0.1.2 ships in node_modules/kuromoji/dict (gzip-compressed),
 * and the decompressed buffers the builder (builder.ts) takes at build time (build-assets.ts). Nothing
 * reads them at run time: the loaders read the compiled binary (compiled.ts).
 *
 * kuromoji ships twelve files; `unk_compat.dat.gz` (the "compatible categories" bit set) is only used by
 * kuromoji's dictionary *builder*, never by tokenization, so Tonebridge neither ships nor loads it.
 */
export const DICTIONARY_FILES = [
  // Largest first: loaders start them in this order, and tid_pos is the critical path.
  'tid_pos', // known words' features, NUL-terminated UTF-8 "surface,pos,…,reading,pronunciation"
  'base', // double-array trie BASE (Int32, little-endian)
  'check', // double-array trie CHECK (Int32)
  'tid', // known words: 10 bytes per entry (left id, right id, cost: Int16; features offset: Int32)
  'tid_map', // trie id → token ids: [count] then ([trie id][n][n token ids])… (Int32)
  'cc', // connection costs: [forward dim][backward dim] then the matrix (Int16)
  'unk', // unknown-word entries, same layout as tid
  'unk_pos', // unknown-word features
  'unk_map', // character class id → unknown-word entry ids, same layout as tid_map
  'unk_char', // UCS-2 code unit → character class id (Uint8 × 65536)
  'unk_invoke', // character classes: (invoke: u8, group: u8, max length: Int32, NUL-terminated name)…
] as const;

export type DictionaryFile = (typeof DICTIONARY_FILES)[number];

/** One decompressed buffer per dictionary file. */
export type DictionaryBuffers = Record<DictionaryFile, ArrayBuffer | Uint8Array>;

/** The URL or path suffix of a dictionary file. */
export const dictionaryFileName = (file: DictionaryFile): string => `${file}.dat.gz`;

/**
 * Loads every file with `load` in parallel and returns the buffers by name; the first failure rejects
 * with the file's name in the message.
 */
export async function loadDictionaryBuffers(
  load: (file: DictionaryFile) => Promise<Uint8Array>,
): Promise<DictionaryBuffers> {
  const loaded = await Promise.all(
    DICTIONARY_FILES.map(async (file) => {
      try {
        return [file, await load(file)] as const;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Japanese dictionary: cannot load ${dictionaryFileName(file)}: ${reason}`, { cause: error });
      }
    }),
  );
  return Object.fromEntries(loaded) as DictionaryBuffers;
}
