/** The built-in market packs (`tonebridge/jp`, `tonebridge/us`): loaded like any other pack, weakest. */
import { builtinPacks } from '../builtin';
import type { PolicyPack, SourcedPack } from '../types';
import { slotId, type ApplyResult, type PackSink, type PackStatus } from './types';

export class BuiltinSource {
  constructor(
    private readonly sink: PackSink,
    private readonly list: readonly PolicyPack[] = builtinPacks,
  ) {}

  /** Puts every built-in pack in its slot (validated like an admin's pack: a broken one is reported). */
  load(): ApplyResult[] {
    return this.sink.applyBatch(this.list.map((pack, order) => ({ slot: slotId('builtin', pack.id), candidate: pack, meta: { order } })));
  }

  packs(): SourcedPack[] {
    return this.sink.packs().filter((p) => p.source === 'builtin');
  }

  status(): PackStatus[] {
    return this.sink.status().filter((s) => s.source === 'builtin');
  }
}
