/** The built-in market packs: plain policy packs, loaded like any admin pack. */
import jp from '../../dictionaries/packs/jp.json';
import us from '../../dictionaries/packs/us.json';
import type { PolicyPack, SourcedPack } from './types';

export const builtinPacks: readonly PolicyPack[] = [jp as PolicyPack, us as PolicyPack];

export function builtinSourced(): SourcedPack[] {
  return builtinPacks.map((pack) => ({ pack, source: 'builtin' as const }));
}
