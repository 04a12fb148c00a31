/**
 * The policy store the background keeps: one slot per place a pack comes from, each holding its last
 * good pack. A candidate enters only if it validates (schema, limits, known rule ids, its phrase
 * rules' examples) AND the whole would-be set still resolves (no extends cycle, no missing base, no
 * id clash with an equal or stronger source). On any failure nothing changes — the previous pack stays
 * active — and the slot records which field failed and why. Listeners hear every change.
 *
 * Invariant: the set of active packs always resolves, so `policy()` never throws.
 */
import { ruleContract } from '../contract/rule-options';
import { detectors } from '../engine/registry';
import { PolicyResolutionError, resolvePolicy } from './resolve';
import {
  issues as toIssues,
  slotSource,
  type ApplyItem,
  type ApplyResult,
  type FailureKind,
  type PackFailure,
  type PackIssue,
  type PackSink,
  type PackStatus,
  type SlotId,
  type SlotMeta,
} from './sources/types';
import { SOURCE_STRENGTH, type PackSource, type PolicyPack, type ResolvedPolicy, type SourcedPack } from './types';
import { parsePackText, validatePack, type ValidateOptions } from './validate';

export type { ApplyItem, ApplyResult, PackFailure, PackIssue, PackStatus, SlotId, SlotMeta } from './sources/types';
export { slotId, slotSource } from './sources/types';

export interface PolicyStoreOptions {
  /** Rule ids a pack may name; default: every built-in detector. */
  knownRuleIds?: ReadonlySet<string>;
  /** Options schemas by rule id; default: every built-in detector's `meta.schema`. */
  optionSchemas?: ValidateOptions['optionSchemas'];
  /** Passed to validation so phrase-rule examples run through the real matcher. */
  analyze?: ValidateOptions['analyze'];
  /** Largest pack text accepted, in bytes (validation's default when absent). */
  maxBytes?: number;
  now?: () => number;
  /** Where a listener's exception goes (default: console.error); the other listeners still run. */
  onListenerError?: (error: unknown) => void;
}

export interface StoreChange {
  /** The resolved policy changed (a pack entered, left, or was replaced). */
  policyChanged: boolean;
  /** Slots whose status changed. */
  slots: SlotId[];
}

interface Slot {
  id: SlotId;
  source: PackSource;
  order: number;
  url?: string;
  pack?: PolicyPack;
  /** JSON of `pack`, to tell a real change from a re-delivery. */
  fingerprint?: string;
  active: boolean;
  since?: number;
  lastUpdate?: number;
  error?: PackFailure;
  suspended?: PackIssue[];
  warnings?: PackIssue[];
}

interface Entry {
  slot: Slot;
  pack: PolicyPack;
}

let builtinContract: ReturnType<typeof ruleContract> | undefined;

/** The built-in detectors' ids and option schemas. */
function builtinRules(): ReturnType<typeof ruleContract> {
  builtinContract ??= ruleContract(detectors);
  return builtinContract;
}

function strength(s: Slot): number {
  return SOURCE_STRENGTH[s.source];
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class PolicyStore implements PackSink {
  private readonly slots = new Map<SlotId, Slot>();
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private readonly now: () => number;
  private nextOrder = 0;
  private current: ResolvedPolicy;
  private activeKey = '';
  private policyDirty = false;

  constructor(private readonly options: PolicyStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.current = resolvePolicy([]);
  }

  /** The resolved policy of the active packs. */
  policy(): ResolvedPolicy {
    return this.current;
  }

  /** Active packs, in the order resolution applies them within a source. */
  packs(): SourcedPack[] {
    return this.activeEntries().map((e) => ({ pack: e.pack, source: e.slot.source }));
  }

  status(source?: PackSource): PackStatus[] {
    return this.sortedSlots()
      .filter((s) => source === undefined || s.source === source)
      .map((s) => this.statusOf(s));
  }

  get(slot: SlotId): PackStatus | undefined {
    const s = this.slots.get(slot);
    return s && this.statusOf(s);
  }

  /** The pack a slot holds (active or suspended), e.g. for the options page to show its rules. */
  heldPack(slot: SlotId): PolicyPack | undefined {
    return this.slots.get(slot)?.pack;
  }

  subscribe(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  apply(slot: SlotId, candidate: unknown, meta?: SlotMeta): ApplyResult {
    return this.applyBatch([{ slot, candidate, meta }])[0]!;
  }

  applyBatch(items: readonly ApplyItem[]): ApplyResult[] {
    const results: ApplyResult[] = new Array(items.length);
    const touched = new Set<SlotId>();
    const valid: { index: number; slot: Slot; pack: PolicyPack; warnings: PackIssue[]; at: number }[] = [];

    // 1. Each candidate on its own: parse and validate.
    items.forEach((item, index) => {
      const slot = this.slotFor(item.slot, item.meta);
      const at = item.meta?.at ?? this.now();
      touched.add(slot.id);
      const checked = this.validate(item.candidate);
      if (!checked.ok) {
        results[index] = this.reject(slot, 'validation', checked.errors, at);
        return;
      }
      const clash = valid.find((v) => v.pack.id === checked.pack.id && v.slot !== slot);
      if (clash) {
        results[index] = this.reject(slot, 'duplicate', [{ path: 'id', message: `pack id "${checked.pack.id}" is also delivered by ${clash.slot.id}` }], at);
        return;
      }
      valid.push({ index, slot, pack: checked.pack, warnings: checked.warnings, at });
    });

    // 2. Unchanged re-deliveries just refresh their timestamps.
    const changes = valid.filter((v) => {
      if (v.slot.pack && v.slot.active && v.slot.fingerprint === JSON.stringify(v.pack)) {
        v.slot.lastUpdate = v.at;
        v.slot.error = undefined;
        v.slot.warnings = v.warnings.length > 0 ? v.warnings : undefined;
        results[v.index] = { ok: true, pack: v.slot.pack, warnings: v.warnings, changed: false };
        return false;
      }
      return true;
    });

    // 3. Id clashes with other slots: an equal or stronger source keeps its pack; a weaker one is shadowed.
    const admissible = changes.filter((v) => {
      for (const other of this.slots.values()) {
        if (other === v.slot || !other.pack || other.pack.id !== v.pack.id) continue;
        if (changes.some((c) => c.slot === other)) continue; // being replaced in this batch
        if (strength(other) >= strength(v.slot) && (other.active || strength(other) > strength(v.slot))) {
          results[v.index] = this.reject(
            v.slot,
            'duplicate',
            [{ path: 'id', message: `pack id "${v.pack.id}" is already loaded from ${other.id}` }],
            v.at,
          );
          return false;
        }
      }
      return true;
    });

    // 4. The would-be set must resolve; candidates that break it are rejected one by one.
    let base = this.activeEntries();
    const substitute = (set: Entry[], slot: Slot, pack: PolicyPack): Entry[] => {
      const next = set.filter((e) => e.slot !== slot && !(e.pack.id === pack.id && strength(e.slot) < strength(slot)));
      next.push({ slot, pack });
      return next;
    };
    let accepted = new Set<(typeof admissible)[number]>();
    let all = base;
    for (const v of admissible) all = substitute(all, v.slot, v.pack);
    if (admissible.length > 0 && this.tryResolve(all).ok) {
      accepted = new Set(admissible);
      base = all;
    } else {
      const lastError = new Map<(typeof admissible)[number], PackIssue>();
      let progress = true;
      while (progress) {
        progress = false;
        for (const v of admissible) {
          if (accepted.has(v)) continue;
          const trial = substitute(base, v.slot, v.pack);
          const r = this.tryResolve(trial);
          if (r.ok) {
            base = trial;
            accepted.add(v);
            progress = true;
          } else lastError.set(v, { path: r.path, message: r.message });
        }
      }
      for (const v of admissible) {
        if (accepted.has(v)) continue;
        const why = lastError.get(v) ?? { path: '', message: 'does not resolve' };
        results[v.index] = this.reject(v.slot, 'resolution', [why], v.at);
        if (!v.slot.pack) {
          // Nothing to keep: hold the pack out of effect, so it enters by itself once its base arrives.
          this.hold(v.slot, v.pack, v.warnings, v.at);
          v.slot.suspended = [why];
        }
      }
    }

    for (const v of accepted) {
      this.hold(v.slot, v.pack, v.warnings, v.at);
      v.slot.error = undefined;
      v.slot.suspended = undefined;
      results[v.index] = { ok: true, pack: v.pack, warnings: v.warnings, changed: true };
    }
    this.settle(base, touched);
    this.emit(touched);
    return results;
  }

  /** Validates a candidate without touching any slot (e.g. to preview an import). */
  check(candidate: unknown): { ok: true; pack: PolicyPack; warnings: PackIssue[] } | { ok: false; errors: PackIssue[] } {
    return this.validate(candidate);
  }

  fail(slot: SlotId, kind: FailureKind, issues: PackIssue[] | string, meta?: SlotMeta): void {
    const s = this.slotFor(slot, meta);
    this.reject(s, kind, toIssues(issues), meta?.at ?? this.now());
    this.emit(new Set([s.id]));
  }

  confirm(slot: SlotId, meta?: SlotMeta): void {
    const s = this.slots.get(slot);
    if (!s) return;
    s.lastUpdate = meta?.at ?? this.now();
    s.error = undefined;
    this.emit(new Set([s.id]));
  }

  remove(slot: SlotId): boolean {
    const s = this.slots.get(slot);
    if (!s) return false;
    this.slots.delete(slot);
    const touched = new Set([slot]);
    const remaining = this.activeEntries();
    if (this.tryResolve(remaining).ok) this.settle(remaining, touched);
    else this.settle(this.rebuild(remaining, touched), touched);
    this.emit(touched);
    return true;
  }

  /** Slot ids of a source (e.g. to drop the ones a new managed policy no longer lists). */
  slotIds(source?: PackSource): SlotId[] {
    return this.sortedSlots()
      .filter((s) => source === undefined || s.source === source)
      .map((s) => s.id);
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────────

  private validate(candidate: unknown): { ok: true; pack: PolicyPack; warnings: PackIssue[] } | { ok: false; errors: PackIssue[] } {
    const options = {
      knownRuleIds: this.options.knownRuleIds ?? builtinRules().knownRuleIds,
      // Each built-in rule's options are checked against its schema (a rule this build does not know
      // is refused by id above, when the known ids are the built-in ones).
      optionSchemas: this.options.optionSchemas ?? builtinRules().optionSchemas,
      ...(this.options.analyze ? { analyze: this.options.analyze } : {}),
      ...(this.options.maxBytes !== undefined ? { maxBytes: this.options.maxBytes } : {}),
    };
    try {
      // Objects are copied first: the store must not share a pack with code that may mutate it later.
      const result =
        typeof candidate === 'string'
          ? parsePackText(candidate, options)
          : validatePack(candidate === undefined ? undefined : JSON.parse(JSON.stringify(candidate)), options);
      return result.ok ? { ok: true, pack: result.pack, warnings: [...result.warnings] } : { ok: false, errors: [...result.errors] };
    } catch (error) {
      return { ok: false, errors: [{ path: '', message: `validation failed: ${describeError(error)}` }] };
    }
  }

  private slotFor(id: SlotId, meta?: SlotMeta): Slot {
    let s = this.slots.get(id);
    if (!s) {
      s = { id, source: slotSource(id), order: meta?.order ?? this.nextOrder++, active: false };
      this.slots.set(id, s);
    } else if (meta?.order !== undefined) s.order = meta.order;
    if (meta?.url !== undefined) s.url = meta.url;
    return s;
  }

  private hold(s: Slot, pack: PolicyPack, warnings: PackIssue[], at: number): void {
    s.pack = pack;
    s.fingerprint = JSON.stringify(pack);
    s.since = at;
    s.lastUpdate = at;
    s.warnings = warnings.length > 0 ? warnings : undefined;
  }

  private reject(slot: Slot, kind: FailureKind, list: PackIssue[], at: number): ApplyResult {
    slot.error = { kind, issues: list, at };
    return {
      ok: false,
      failure: slot.error,
      ...(slot.pack ? { kept: { id: slot.pack.id, version: slot.pack.version } } : {}),
    };
  }

  private sortedSlots(): Slot[] {
    return [...this.slots.values()].sort((a, b) => strength(a) - strength(b) || a.order - b.order);
  }

  private activeEntries(): Entry[] {
    return this.sortedSlots()
      .filter((s) => s.active && s.pack)
      .map((s) => ({ slot: s, pack: s.pack! }));
  }

  private order(entries: Entry[]): SourcedPack[] {
    return [...entries]
      .sort((a, b) => strength(a.slot) - strength(b.slot) || a.slot.order - b.slot.order)
      .map((e) => ({ pack: e.pack, source: e.slot.source }));
  }

  private tryResolve(entries: Entry[]): { ok: true; policy: ResolvedPolicy } | { ok: false; path: string; message: string } {
    const ids = new Map<string, Slot>();
    for (const e of entries) {
      const other = ids.get(e.pack.id);
      if (other) return { ok: false, path: 'id', message: `pack id "${e.pack.id}" is loaded from both ${other.id} and ${e.slot.id}` };
      ids.set(e.pack.id, e.slot);
    }
    try {
      return { ok: true, policy: resolvePolicy(this.order(entries)) };
    } catch (error) {
      if (error instanceof PolicyResolutionError) {
        // resolve.ts words pack-level failures "extends …" and market-level ones "market …".
        return { ok: false, path: error.message.startsWith('market') ? 'markets' : 'extends', message: error.message };
      }
      return { ok: false, path: '', message: `resolution failed: ${describeError(error)}` };
    }
  }

  /** Largest resolvable set from these entries, strongest sources first; the rest are suspended. */
  private rebuild(entries: Entry[], touched: Set<SlotId>): Entry[] {
    const pending = [...entries].sort((a, b) => strength(b.slot) - strength(a.slot) || a.slot.order - b.slot.order);
    let base: Entry[] = [];
    const lastError = new Map<Entry, PackIssue>();
    let progress = true;
    while (progress) {
      progress = false;
      for (const e of pending) {
        if (base.includes(e)) continue;
        const r = this.tryResolve([...base, e]);
        if (r.ok) {
          base = [...base, e];
          progress = true;
        } else lastError.set(e, { path: r.path, message: r.message });
      }
    }
    for (const e of pending) {
      if (base.includes(e)) continue;
      e.slot.active = false;
      const why = lastError.get(e);
      e.slot.suspended = [{ path: why?.path ?? '', message: why?.message ?? 'does not resolve' }];
      touched.add(e.slot.id);
    }
    return base;
  }

  /**
   * Makes `base` (which resolves) the active set, then lets suspended packs back in where they now
   * fit, and recomputes the policy.
   */
  private settle(base: Entry[], touched: Set<SlotId>): void {
    const inBase = new Set(base.map((e) => e.slot));
    for (const s of this.slots.values()) {
      if (!s.pack) continue;
      if (inBase.has(s)) {
        if (!s.active) touched.add(s.id);
        s.active = true;
        s.suspended = undefined;
      } else if (s.active) {
        // Shadowed by a stronger slot's pack with the same id.
        s.active = false;
        const by = base.find((e) => e.pack.id === s.pack!.id);
        s.suspended = [{ path: 'id', message: `pack id "${s.pack.id}" is overridden by ${by ? by.slot.id : 'a stronger source'}` }];
        touched.add(s.id);
      }
    }
    // Suspended packs come back when they resolve again (their base returned, the shadowing pack left).
    let active = base;
    let progress = true;
    while (progress) {
      progress = false;
      for (const s of this.sortedSlots()) {
        if (s.active || !s.pack) continue;
        const trial = [...active, { slot: s, pack: s.pack }];
        const r = this.tryResolve(trial);
        if (r.ok) {
          active = trial;
          s.active = true;
          s.suspended = undefined;
          if (s.error?.kind === 'resolution') s.error = undefined;
          touched.add(s.id);
          progress = true;
        } else {
          s.suspended = [{ path: r.path, message: r.message }];
        }
      }
    }
    const key = JSON.stringify(this.activeEntries().map((e) => [e.slot.id, e.slot.fingerprint]));
    if (key !== this.activeKey) {
      const r = this.tryResolve(this.activeEntries());
      // The loop above only ever adds packs to a set that resolves, so this cannot fail.
      if (r.ok) this.current = r.policy;
      this.activeKey = key;
      this.policyDirty = true;
    }
  }

  private emit(touched: Set<SlotId>): void {
    const change: StoreChange = { policyChanged: this.policyDirty, slots: [...touched] };
    this.policyDirty = false;
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        // A broken listener must not keep the others from hearing of the change.
        (this.options.onListenerError ?? console.error)(error);
      }
    }
  }

  /** This slot's pack settings that a stronger source's lock kept out (one line per setting). */
  private overruled(s: Slot): PackIssue[] {
    if (!s.pack || !s.active) return [];
    const seen = new Set<string>();
    const issues: PackIssue[] = [];
    for (const i of this.current.ignored) {
      if (i.packId !== s.pack.id || seen.has(i.path)) continue;
      seen.add(i.path);
      issues.push({ path: i.path, message: `ignored: locked by ${i.lockedBy.packId} (${i.lockedBy.source})` });
    }
    return issues;
  }

  private statusOf(s: Slot): PackStatus {
    const status: PackStatus = { slot: s.id, source: s.source, active: s.active };
    if (s.url !== undefined) status.url = s.url;
    if (s.pack) {
      status.id = s.pack.id;
      status.name = s.pack.name;
      status.version = s.pack.version;
    }
    if (s.lastUpdate !== undefined) status.lastUpdate = s.lastUpdate;
    if (s.since !== undefined) status.since = s.since;
    if (s.error) status.error = s.error;
    if (s.suspended) status.suspended = s.suspended;
    const warnings = [...(s.warnings ?? []), ...this.overruled(s)];
    if (warnings.length > 0) status.warnings = warnings;
    return status;
  }
}
