/**
 * What the engine needs of the active policy: its markets, and of each market the lineage (which
 * detectors serve it), the rules' levels and options, and the admins' phrase rules. The policy layer's
 * resolved policy (lib/policy/types.ts, `ResolvedPolicy`) has this shape and more, so the engine is
 * handed it as it is and never imports from the policy layer.
 */
import type { PackPhraseRule } from './pack-rules';
import type { Level } from './types';

/** A rule's level and options in a market. */
export interface RuleConfig {
  level: Level;
  options?: Record<string, unknown>;
}

export interface EngineMarket {
  readonly id: string;
  /** This market followed by the markets it extends, nearest first. */
  readonly lineage: readonly string[];
  /** Levels and options the policy sets, by rule id (a rule it does not name keeps its defaults). */
  readonly rules: ReadonlyMap<string, RuleConfig>;
  /** Admins' phrase rules for this market. */
  readonly phrases: readonly PackPhraseRule[];
}

export interface EnginePolicy {
  readonly markets: ReadonlyMap<string, EngineMarket>;
}

/** The market type of a policy type (a resolved policy's markets carry names, languages …). */
export type MarketOf<P extends EnginePolicy> = P['markets'] extends ReadonlyMap<string, infer M> ? M : never;
