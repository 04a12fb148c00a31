/**
 * The engine as Node hosts it (CLI, tests, eval, bench): analysers loaded from node_modules, the
 * built-in packs plus any pack files given.
 */
import { Engine } from '../engine/engine';
import type { ResolvedPolicy } from '../policy/types';
import { createEnAnalyzer } from '../lang/en/analyzer';
import { createJaAnalyzer } from '../lang/ja/analyzer';
import { loadJaTokenizer } from '../lang/ja/node-loader';
import { builtinSourced } from '../policy/builtin';
import { resolvePolicy } from '../policy/resolve';
import type { SourcedPack } from '../policy/types';

export function createNodeEngine(options: { packs?: SourcedPack[] } = {}): Engine<ResolvedPolicy> {
  return new Engine({
    policy: resolvePolicy([...builtinSourced(), ...(options.packs ?? [])]),
    ja: async () => createJaAnalyzer(await loadJaTokenizer()),
    en: createEnAnalyzer(),
  });
}
