/**
 * The CLI's engine: the same Engine and packs as `createNodeEngine`, but each language's analyser is
 * imported only when a text needs it. The Japanese dictionary (kuromoji's IPADIC, ~250 ms and ~60 MB)
 * loads only for Japanese text, compromise only for English, so `tonebridge check` of an English reply
 * never touches the dictionary and `pack validate` touches neither unless an example needs the
 * analyser. In the built CLI (scripts/build-cli.mjs) each dynamic import is its own chunk.
 */
import { Engine } from '../engine/engine';
import type { ResolvedPolicy } from '../policy/types';
import { builtinSourced } from '../policy/builtin';
import { resolvePolicy } from '../policy/resolve';
import type { SourcedPack } from '../policy/types';

export function createCliEngine(options: { packs?: SourcedPack[] } = {}): Engine<ResolvedPolicy> {
  return new Engine({
    policy: resolvePolicy([...builtinSourced(), ...(options.packs ?? [])]),
    ja: async () => {
      const [{ createJaAnalyzer }, { loadJaTokenizer }] = await Promise.all([
        import('../lang/ja/analyzer'),
        import('../lang/ja/node-loader'),
      ]);
      return createJaAnalyzer(await loadJaTokenizer());
    },
    en: async () => (await import('../lang/en/analyzer')).createEnAnalyzer(),
  });
}
