/**
 * Resolution: many packs from many sources → one policy. Packs apply weakest source first
 * (built-in, file, URL, enterprise policy), so a stronger source's setting always stands; within a
 * source, packs apply in the order given, each after the packs it `extends`. A setting listed in a
 * pack's `locked` keeps its resolved value and cannot be changed by the agent (see applyAgentSettings).
 */
import type { Level } from '../engine/types';
import {
  SOURCE_STRENGTH,
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

export function resolvePolicy(input: SourcedPack[]): ResolvedPolicy {
  const byId = new Map<string, SourcedPack>();
  for (const sp of input) byId.set(sp.pack.id, sp);
  const ordered = [...input]
    .map((sp, i) => ({ sp, i }))
    .sort((a, b) => SOURCE_STRENGTH[a.sp.source] - SOURCE_STRENGTH[b.sp.source] || a.i - b.i)
    .map((x) => x.sp);

  // Expand `extends`: a pack's bases apply just before it, at the pack's own source strength.
  const sequence: SourcedPack[] = [];
  const applied = new Set<string>();
  const visit = (sp: SourcedPack, source: PackSource, trail: string[]) => {
    if (applied.has(sp.pack.id)) return;
    if (trail.includes(sp.pack.id)) {
      throw new PolicyResolutionError(`extends cycle: ${[...trail, sp.pack.id].join(' → ')}`, sp.pack.id);
    }
    for (const baseId of sp.pack.extends ?? []) {
      const base = byId.get(baseId);
      if (!base) throw new PolicyResolutionError(`extends "${baseId}", which is not loaded`, sp.pack.id);
      visit(base, source, [...trail, sp.pack.id]);
    }
    applied.add(sp.pack.id);
    sequence.push({ pack: sp.pack, source });
  };
  for (const sp of ordered) visit(sp, sp.source, []);

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

  for (const { pack, source } of sequence) {
    // A pack's rules for every market first, then its market-specific rules: within one pack the more
    // specific setting wins; across packs the later (stronger) pack wins either way.
    for (const [ruleId, entry] of Object.entries(pack.rules ?? {})) globalRules.set(ruleId, stamp(entry, pack, source));
    for (const def of pack.markets ?? []) {
      const draft: MarketDraft = markets.get(def.id) ?? { id: def.id, name: def.name, rules: new Map() };
      draft.name = def.name;
      if (def.extends !== undefined) draft.extends = def.extends;
      if (def.languages !== undefined) draft.languages = def.languages;
      for (const [ruleId, entry] of Object.entries(def.rules ?? {})) draft.rules.set(ruleId, stamp(entry, pack, source));
      markets.set(def.id, draft);
    }
    for (const rule of pack.phrases ?? []) phrases.set(rule.id, rule);
    for (const key of pack.locked ?? []) locks.set(key, { packId: pack.id, source });
    if (pack.sendGuard !== undefined) sendGuard = { value: pack.sendGuard as SendGuard, packId: pack.id, source };
    if (pack.defaultMarket !== undefined) defaultMarket = pack.defaultMarket;
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
  };
}
