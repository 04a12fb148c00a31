/** The one builder both dictionary loaders share: decompressed buffers → tokenizer. */
import { buildIpadicDictionary } from './builder';
import type { DictionaryBuffers } from './files';
import { createIpadicTokenizer, type IpadicTokenizer } from './tokenizer';

export { DICTIONARY_FILES, dictionaryFileName, loadDictionaryBuffers } from './files';
export type { DictionaryBuffers, DictionaryFile } from './files';
export { collectTrimmed, TrimmingCollector } from './collect';
export type { IpadicTokenizer, KuromojiRawToken } from './tokenizer';

/** Builds the Japanese tokenizer from the decompressed IPADIC buffers (see builder.ts for the layout). */
export function buildJaTokenizer(buffers: DictionaryBuffers): IpadicTokenizer {
  return createIpadicTokenizer(buildIpadicDictionary(buffers));
}
