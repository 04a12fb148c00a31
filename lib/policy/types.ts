/**
 * Policy packs: the JSON format admins write and the built-in markets use (one loader, one validator,
 * one precedence rule for both), and what resolving them gives. The published JSON Schema,
 * dictionaries/pack.schema.json, is generated from lib/contract/pack.ts.
 */
import type { LocalizedText } from '../engine/detector';
import type { Lang, Level } from '../engine/types';
import type { PhraseRule, PolicyPack, SendGuard } from '../contract/pack';

/**
 * The pack's own types are inferred from its Valibot schemas in lib/contract/pack.ts, the one
 * description of a pack (which also generates the JSON Schema); they are re-exported here.
 */
export type { MarketDefinition, PhraseExamples, PhraseRule, PolicyPack, RuleEntry, RuleSetting, SendGuard } from '../contract/pack';

/** Where a pack came from, strongest first. */
export type PackSource = 'managed' | 'url' | 'file' | 'builtin';

export const SOURCE_STRENGTH: Record<PackSource, number> = { builtin: 0, file: 1, url: 2, managed: 3 };

export interface SourcedPack {
  pack: PolicyPack;
  source: PackSource;
}

export interface ResolvedRule {
  level: Level;
  options?: Record<string, unknown>;
  /** The pack that set it last. */
  packId: string;
  source: PackSource;
}

export interface ResolvedMarket {
  id: string;
  name: LocalizedText;
  languages: Lang[];
  /** This market followed by the markets it extends, nearest first. */
  lineage: string[];
  rules: Map<string, ResolvedRule>;
  phrases: PhraseRule[];
}

export interface Lock {
  packId: string;
  source: PackSource;
}

/** A pack's setting that a lock from a stronger source kept out (it changed nothing). */
export interface IgnoredSetting {
  packId: string;
  source: PackSource;
  /** The lock key: `sendGuard`, `market` (a default market), `rules.<id>`. */
  path: string;
  lockedBy: Lock;
}

export interface ResolvedPolicy {
  markets: Map<string, ResolvedMarket>;
  sendGuard: { value: SendGuard; packId?: string; source?: PackSource };
  defaultMarket?: string;
  locks: Map<string, Lock>;
  packs: { id: string; name: string; version: string; source: PackSource }[];
  /** Settings packs tried to make where a stronger source's lock holds. */
  ignored: IgnoredSetting[];
}
