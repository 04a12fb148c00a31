/**
 * Resolution: many packs from many sources → one policy. Packs apply weakest source first
 * (built-in, file, URL, enterprise policy), so a stronger source's setting always stands; within a
 * source, packs apply in the order given, each after the packs it `extends`. A setting listed in a
 * pack's `locked` keeps its resolved value: the agent cannot change it (see applyAgentSettings), and
 * neither can a pack from a weaker source, even one that `extends` the locking pack.
 */
import type { Level } from '../engine/types';
import {
  SOURCE_STRENGTH,
  type IgnoredSetting,
  type Lock,
  type PackSource,
  type PhraseRule,
  type PolicyPack,
  type ResolvedMarket,
  type ResolvedPolicy,
  type ResolvedRule,
  type RuleEntry,
  type SendGuard,
  type SourcedPack,
} from './types';

export class PolicyResolutionError extends Error {
  constructor(
    message: string,
    readonly packId: string,
  ) {
    super(message);
    this.name = 'PolicyResolutionError';
  }
}

interface Stamped extends ResolvedRule {
  seq: number;
}

export function normalizeRule(entry: RuleEntry): { level: Level; options?: Record<string, unknown> } {
  return typeof entry === 'string' ? { level: entry } : { level: entry.level, options: entry.options };
}

interface MarketDraft {
  id: string;
  name: { en: string; ja: string };
  extends?: string;
  languages?: ResolvedMarket['languages'];
  rules: Map<string, Stamped>;
}

/** Every pack `id` extends, directly or through its bases (cycles are reported before this runs). */
function basesOf(id: string, byId: ReadonlyMap<string, SourcedPack>, into = new Set<string>()): Set<string> {
  for (const baseId of byId.get(id)?.pack.extends ?? []) {
    if (!into.has(baseId)) {
      into.add(baseId);
      basesOf(baseId, byId, into);
    }
  }
  return into;
}

function checkExtends(input: readonly SourcedPack[], byId: ReadonlyMap<string, SourcedPack>): void {
  const done = new Set<string>();
  const visit = (sp: SourcedPack, trail: string[]) => {
    if (done.has(sp.pack.id)) return;
    if (trail.includes(sp.pack.id)) {
      throw new PolicyResolutionError(`extends cycle: ${[...trail, sp.pack.id].join(' → ')}`, sp.pack.id);
    }
    for (const baseId of sp.pack.extends ?? []) {
      const base = byId.get(baseId);
      if (!base) throw new PolicyResolutionError(`extends "${baseId}", which is not loaded`, sp.pack.id);
      visit(base, [...trail, sp.pack.id]);
    }
    done.add(sp.pack.id);
  };
  for (const sp of input) visit(sp, []);
}

/** A lock as resolution sees it: who set it, how strong, and which packs the locking pack builds on. */
interface LockOwner extends Lock {
  strength: number;
  bases: Set<string>;
}

export function resolvePolicy(input: SourcedPack[]): ResolvedPolicy {
  const byId = new Map<string, SourcedPack>();
  for (const sp of input) byId.set(sp.pack.id, sp);
  checkExtends(input, byId);
  const ordered = [...byId.values()]
    .map((sp) => ({ sp, i: input.lastIndexOf(sp) }))
    .sort((a, b) => SOURCE_STRENGTH[a.sp.source] - SOURCE_STRENGTH[b.sp.source] || a.i - b.i)
    .map((x) => x.sp);

  // Every pack applies at its OWN source's strength, weakest first; within one source, each pack after
  // the packs it `extends` from that source. A base from a stronger source is not pulled down to the
  // extending pack's strength: it applies in its own turn, later, so a file or URL pack that extends the
  // enterprise pack can neither override it nor relabel its locks (issue 14). A base from a weaker source
  // has already applied.
  const sequence: SourcedPack[] = [];
  const applied = new Set<string>();
  const visit = (sp: SourcedPack) => {
    if (applied.has(sp.pack.id)) return;
    applied.add(sp.pack.id);
    for (const baseId of sp.pack.extends ?? []) {
      const base = byId.get(baseId)!;
      if (base.source === sp.source) visit(base);
    }
    sequence.push(sp);
  };
  for (const sp of ordered) visit(sp);

  // Locks hold against weaker sources too, whichever order things apply in: a setting locked by a pack
  // can be set only by packs at least as strong, by the packs the locking pack builds on, or by the
  // built-in defaults (which a lock without a value of its own keeps). What such a pack tried to set is
  // reported in `ignored` and changes nothing.
  const lockOwners = new Map<string, LockOwner>();
  for (const { pack, source } of sequence) {
    for (const key of pack.locked ?? []) {
      lockOwners.set(key, { packId: pack.id, source, strength: SOURCE_STRENGTH[source], bases: basesOf(pack.id, byId) });
    }
  }
  const ignored: IgnoredSetting[] = [];
  const lockedAgainst = (key: string, pack: PolicyPack, source: PackSource): boolean => {
    if (source === 'builtin') return false;
    const candidates = [lockOwners.get(key), key.startsWith('rules.') ? lockOwners.get('rules.*') : undefined];
    for (const owner of candidates) {
      if (!owner || owner.strength <= SOURCE_STRENGTH[source] || owner.bases.has(pack.id)) continue;
      ignored.push({ packId: pack.id, source, path: key, lockedBy: { packId: owner.packId, source: owner.source } });
      return true;
    }
    return false;
  };

  let seq = 0;
  const markets = new Map<string, MarketDraft>();
  const globalRules = new Map<string, Stamped>();
  const phrases = new Map<string, PhraseRule>();
  const locks = new Map<string, Lock>();
  let sendGuard: ResolvedPolicy['sendGuard'] = { value: 'off' };
  let defaultMarket: string | undefined;
  const stamp = (entry: RuleEntry, pack: PolicyPack, source: PackSource): Stamped => ({
    ...normalizeRule(entry),
    packId: pack.id,
    source,
    seq: ++seq,
  });
  const setRule = (rules: Map<string, Stamped>, ruleId: string, entry: RuleEntry, pack: PolicyPack, source: PackSource) => {
    if (!lockedAgainst(`rules.${ruleId}`, pack, source)) rules.set(ruleId, stamp(entry, pack, source));
  };

  for (const { pack, source } of sequence) {
    // A pack's rules for every market first, then its market-specific rules: within one pack the more
    // specific setting wins; across packs the later (stronger) pack wins either way.
    for (const [ruleId, entry] of Object.entries(pack.rules ?? {})) setRule(globalRules, ruleId, entry, pack, source);
    for (const def of pack.markets ?? []) {
      const draft: MarketDraft = markets.get(def.id) ?? { id: def.id, name: def.name, rules: new Map() };
      draft.name = def.name;
      if (def.extends !== undefined) draft.extends = def.extends;
      if (def.languages !== undefined) draft.languages = def.languages;
      for (const [ruleId, entry] of Object.entries(def.rules ?? {})) setRule(draft.rules, ruleId, entry, pack, source);
      markets.set(def.id, draft);
    }
    for (const rule of pack.phrases ?? []) phrases.set(rule.id, rule);
    for (const key of pack.locked ?? []) locks.set(key, { packId: pack.id, source });
    if (pack.sendGuard !== undefined && !lockedAgainst('sendGuard', pack, source)) {
      sendGuard = { value: pack.sendGuard as SendGuard, packId: pack.id, source };
    }
    if (pack.defaultMarket !== undefined && !lockedAgainst('market', pack, source)) defaultMarket = pack.defaultMarket;
  }

  const resolved = new Map<string, ResolvedMarket>();
  for (const draft of markets.values()) {
    const lineage: MarketDraft[] = [];
    for (let m: MarketDraft | undefined = draft; m; m = m.extends ? markets.get(m.extends) : undefined) {
      if (lineage.includes(m)) throw new PolicyResolutionError(`market extends cycle at "${m.id}"`, m.id);
      lineage.push(m);
      if (m.extends && !markets.has(m.extends)) {
        throw new PolicyResolutionError(`market "${m.id}" extends unknown market "${m.extends}"`, m.id);
      }
    }
    const rules = new Map<string, ResolvedRule>();
    const candidates = [...lineage.map((m) => m.rules), globalRules];
    const ids = new Set(candidates.flatMap((c) => [...c.keys()]));
    for (const ruleId of ids) {
      let best: Stamped | undefined;
      for (const c of candidates) {
        const s = c.get(ruleId);
        if (s && (!best || s.seq > best.seq)) best = s;
      }
      if (best) {
        const { seq: _seq, ...rule } = best;
        rules.set(ruleId, rule);
      }
    }
    const lineageIds = lineage.map((m) => m.id);
    resolved.set(draft.id, {
      id: draft.id,
      name: draft.name,
      languages: lineage.find((m) => m.languages)?.languages ?? ['en'],
      lineage: lineageIds,
      rules,
      phrases: [...phrases.values()].filter((p) => !p.markets || p.markets.some((m) => lineageIds.includes(m))),
    });
  }

  if (defaultMarket !== undefined && !resolved.has(defaultMarket)) defaultMarket = undefined;
  return {
    markets: resolved,
    sendGuard,
    defaultMarket,
    locks,
    packs: sequence.map(({ pack, source }) => ({ id: pack.id, name: pack.name, version: pack.version, source })),
    ignored,
  };
}
