/**
 * The policy the coach applies: the packs in the policy store (built-in, imported files, signed URLs,
 * enterprise policy — lib/policy/sources) with the agent's own settings laid over them
 * (applyAgentSettings, which keeps every lock). Whenever either side changes, the engine gets the new
 * effective policy and the revision in storage.local moves on, which tells the content scripts to
 * check their drafts again.
 *
 * The agent's settings live in storage.sync, one key per AgentSettings field (`market`, `uiLang`,
 * `agentName`, `rules`, `phrases`, `sendGuardOff`, `enabled`, `sites`), so they follow the agent to
 * other machines and the content scripts can watch `market`/`uiLang` directly. Only the background
 * writes them (`update`), after validation and the lock check; whatever is stored is sanitized again
 * on every read, since storage is writable by any of the extension's contexts.
 */
import type { Engine } from '../engine/engine';
import { AGENT_SETTINGS_KEYS, POLICY_REVISION_KEY } from '../messaging';
import {
  applyAgentSettings,
  DEFAULT_AGENT_SETTINGS,
  lockFor,
  sanitizeAgentSettings,
  type AgentSettings,
  type EffectiveSettings,
  type LockInfo,
} from '../policy/agent-settings';
import type { PolicyStore } from '../policy/store';
import type { PackIssue } from '../policy/sources/types';

export interface StorageAreaLike {
  get(keys: string[] | string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface StorageChangeSource {
  addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
}

export interface CoachPolicyDeps {
  store: PolicyStore;
  engine: Engine;
  /** storage.sync: the agent's settings. */
  sync: StorageAreaLike;
  /** storage.local: the revision counter content scripts watch. */
  local?: StorageAreaLike;
  onChanged?: StorageChangeSource;
}

export type UpdateResult =
  | { ok: true; effective: EffectiveSettings }
  | { ok: false; code: 'invalid' | 'locked'; error: string; issues: PackIssue[]; lock?: LockInfo };

/** Which lock guards an agent setting (`sendGuardOff` is the agent's half of `sendGuard`). */
function lockKeyOf(key: keyof AgentSettings): string | undefined {
  if (key === 'market' || key === 'uiLang' || key === 'agentName') return key;
  if (key === 'sendGuardOff') return 'sendGuard';
  return undefined;
}

export class CoachPolicy {
  private agentSettings: AgentSettings = { ...DEFAULT_AGENT_SETTINGS, rules: {}, phrases: [], sites: {} };
  private current: EffectiveSettings;
  private revision = 0;

  constructor(private readonly deps: CoachPolicyDeps) {
    this.current = applyAgentSettings(deps.store.policy(), this.agentSettings);
    deps.store.subscribe(() => this.recompute());
    deps.onChanged?.addListener((changes, area) => {
      if (area === 'sync' && AGENT_SETTINGS_KEYS.some((k) => k in changes)) void this.reload();
    });
  }

  /** Reads the stored settings (call once at start; storage changes reload by themselves). */
  async reload(): Promise<void> {
    let stored: Record<string, unknown> = {};
    try {
      stored = await this.deps.sync.get([...AGENT_SETTINGS_KEYS]);
    } catch {
      // Storage unavailable: keep the defaults rather than block coaching.
    }
    this.agentSettings = sanitizeAgentSettings(stored).settings;
    this.recompute();
  }

  get agent(): AgentSettings {
    return this.agentSettings;
  }

  effective(): EffectiveSettings {
    return this.current;
  }

  private recompute(): void {
    this.current = applyAgentSettings(this.deps.store.policy(), this.agentSettings);
    this.deps.engine.setPolicy(this.current.policy);
    this.revision++;
    // Content scripts watch this key to re-check their drafts (pack and lock changes happen here, not in sync).
    this.deps.local?.set({ [POLICY_REVISION_KEY]: `${Date.now()}-${this.revision}` }).catch(() => undefined);
  }

  /**
   * Validates a patch of agent settings, refuses it whole if any field is invalid or locked, and
   * stores it. The new settings apply at once (not only when storage reports the change back).
   */
  async update(patch: Partial<Record<keyof AgentSettings, unknown>>): Promise<UpdateResult> {
    const keys = Object.keys(patch) as (keyof AgentSettings)[];
    const policy = this.deps.store.policy();
    for (const key of keys) {
      const lockKey = lockKeyOf(key);
      const lock = lockKey ? lockFor(policy, lockKey) : undefined;
      if (lock && JSON.stringify(patch[key]) !== JSON.stringify(this.agentSettings[key]))
        return {
          ok: false,
          code: 'locked',
          error: `${key} is locked by ${lock.packName} (${lock.source})`,
          issues: [{ path: key, message: `locked by ${lock.packName}` }],
          lock,
        };
    }
    if (patch.rules !== undefined && typeof patch.rules === 'object' && patch.rules !== null) {
      for (const [ruleId, value] of Object.entries(patch.rules)) {
        const lock = lockFor(policy, `rules.${ruleId}`);
        if (lock && JSON.stringify(value) !== JSON.stringify(this.agentSettings.rules[ruleId]))
          return {
            ok: false,
            code: 'locked',
            error: `rule ${ruleId} is locked by ${lock.packName} (${lock.source})`,
            issues: [{ path: `rules.${ruleId}`, message: `locked by ${lock.packName}` }],
            lock,
          };
      }
    }
    const merged = { ...this.agentSettings, ...patch };
    const { settings, issues } = sanitizeAgentSettings(merged);
    if (issues.length > 0) return { ok: false, code: 'invalid', error: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues };
    if (patch.market !== undefined && settings.market !== undefined && settings.market !== 'auto' && !policy.markets.has(settings.market))
      return {
        ok: false,
        code: 'invalid',
        error: `market: "${settings.market}" is not defined by any active pack`,
        issues: [{ path: 'market', message: 'unknown market' }],
      };
    const write: Record<string, unknown> = {};
    for (const key of keys) write[key] = settings[key];
    await this.deps.sync.set(write);
    this.agentSettings = settings;
    this.recompute();
    return { ok: true, effective: this.current };
  }
}
