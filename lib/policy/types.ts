/**
 * Policy packs: the JSON format admins write and the built-in markets use (one loader, one validator,
 * one precedence rule for both). The published JSON Schema is dictionaries/pack.schema.json.
 */
import type { LocalizedText } from '../engine/detector';
import type { FindingKind, Lang, Level } from '../engine/types';

export type SendGuard = 'off' | 'warn' | 'block';

export interface RuleSetting {
  level: Level;
  options?: Record<string, unknown>;
}

/** `"ja/plain-ending": "warn"` or `{ "level": "warn", "options": { … } }`. */
export type RuleEntry = Level | RuleSetting;

export interface PhraseExamples {
  /** Sentences the rule must match (validation fails otherwise). */
  match: string[];
  /** Sentences the rule must not match. */
  noMatch: string[];
}

/**
 * An admin's own phrase rule:
 * - `require`: at least one of `phrases` must appear (finding at the start of the text otherwise);
 * - `forbid`: none of `phrases` may appear;
 * - `substitute`: each phrase found is replaced by `replacement` (a one-click fix);
 * - `maxCount`: the phrases together may appear at most `max` times.
 * Japanese phrases may match by base form (`match: "base"`) so conjugations are caught.
 */
export interface PhraseRule {
  id: string;
  type: 'require' | 'forbid' | 'substitute' | 'maxCount';
  phrases: string[];
  match?: 'surface' | 'base';
  /** Case-insensitive for English (default true). */
  ignoreCase?: boolean;
  replacement?: string;
  max?: number;
  lang?: Lang;
  /** Markets the rule applies to; all when absent. */
  markets?: string[];
  level?: Exclude<Level, 'off'>;
  kind?: FindingKind;
  message: LocalizedText;
  examples: PhraseExamples;
}

export interface MarketDefinition {
  id: string;
  name: LocalizedText;
  /** A market that extends another inherits its detectors and rule levels. */
  extends?: string;
  /** Languages customers of this market read, first is the usual one. */
  languages?: Lang[];
  rules?: Record<string, RuleEntry>;
}

export interface PolicyPack {
  $schema?: string;
  schemaVersion: 1;
  id: string;
  name: string;
  version: string;
  description?: string;
  owner?: string;
  link?: string;
  /** Ids of packs whose settings this one builds on (they must be loaded too). */
  extends?: string[];
  markets?: MarketDefinition[];
  /** Rule levels and options for every market where the rule runs. */
  rules?: Record<string, RuleEntry>;
  phrases?: PhraseRule[];
  /** Settings agents (and weaker sources) may not change: `market`, `sendGuard`, `rules.<id>`, `uiLang`. */
  locked?: string[];
  sendGuard?: SendGuard;
  defaultMarket?: string;
}

/** Where a pack came from, strongest first. */
export type PackSource = 'managed' | 'url' | 'file' | 'builtin';

export const SOURCE_STRENGTH: Record<PackSource, number> = { builtin: 0, file: 1, url: 2, managed: 3 };

export interface SourcedPack {
  pack: PolicyPack;
  source: PackSource;
}

export interface ResolvedRule extends RuleSetting {
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
