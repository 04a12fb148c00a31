/** One Node engine shared by a test file (kuromoji loads once per worker). */
import type { Engine } from '../../lib/engine/engine';
import type { ResolvedPolicy } from '../../lib/policy/types';
import { createNodeEngine } from '../../lib/node/engine';

let shared: Promise<Engine<ResolvedPolicy>> | undefined;

export function testEngine(): Promise<Engine<ResolvedPolicy>> {
  shared ??= (async () => {
    const engine = createNodeEngine();
    await engine.prepare(['ja', 'en']);
    return engine;
  })();
  return shared;
}
