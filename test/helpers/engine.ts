/** One Node engine shared by a test file (kuromoji loads once per worker). */
import type { Engine } from '../../lib/engine/engine';
import { createNodeEngine } from '../../lib/node/engine';

let shared: Promise<Engine> | undefined;

export function testEngine(): Promise<Engine> {
  shared ??= (async () => {
    const engine = createNodeEngine();
    await engine.prepare(['ja', 'en']);
    return engine;
  })();
  return shared;
}
