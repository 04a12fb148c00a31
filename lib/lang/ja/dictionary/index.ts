/** The Japanese dictionary: the compiled binary (compiled.ts) and the tokenizer over it. */
import { readCompiledDictionary } from './compiled';
import { createIpadicTokenizer, type IpadicTokenizer } from './tokenizer';

export { COMPILED_FILE, CompiledDictionaryError, readCompiledDictionary } from './compiled';
export type { CompiledDictionary } from './compiled';
export type { IpadicTokenizer } from './tokenizer';

/** The tokenizer over a compiled dictionary file's bytes (wrapped, not copied). */
export function tokenizerFromBuffer(buffer: ArrayBuffer): IpadicTokenizer {
  return createIpadicTokenizer(readCompiledDictionary(buffer));
}
