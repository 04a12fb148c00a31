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
import type { AgentSettingsPatch } from '../panel/protocol';
import type { PolicyStore } from '../policy/store';

export interface StorageAreaLike {
  get(keys: string[] | string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove?(keys: string | string[]): Promise<void>;
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
  | { ok: false; code: 'invalid' | 'locked'; error: string; path: string; lock?: LockInfo };

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
   * Applies a patch from the options page or popup (lib/panel/protocol.ts semantics: most fields
   * replace; `rules` and `sites` merge per key, `null` removing an entry; `market: null` returns to the
   * policy's default). Refused whole, changing nothing, when a field is invalid or locked; otherwise
   * stored and applied at once (not only when storage reports the change back).
   */
  async update(patch: AgentSettingsPatch): Promise<UpdateResult> {
    const policy = this.deps.store.policy();
    const current = this.agentSettings;
    const lockedRefusal = (path: string, lock: LockInfo): UpdateResult => ({
      ok: false,
      code: 'locked',
      error: `${path} is locked by ${lock.packName} (${lock.source})`,
      path,
      lock,
    });
    for (const key of Object.keys(patch) as (keyof AgentSettingsPatch)[]) {
      const lockKey = lockKeyOf(key);
      const lock = lockKey ? lockFor(policy, lockKey) : undefined;
      if (lock && JSON.stringify(patch[key] ?? null) !== JSON.stringify(current[key] ?? null)) return lockedRefusal(`patch.${key}`, lock);
    }
    const next: Record<string, unknown> = { ...current, rules: { ...current.rules }, sites: { ...current.sites } };
    if (patch.market !== undefined) {
      if (patch.market === null) delete next.market;
      else next.market = patch.market;
    }
    for (const key of ['uiLang', 'agentName', 'phrases', 'sendGuardOff', 'enabled'] as const) if (patch[key] !== undefined) next[key] = patch[key];
    for (const [ruleId, override] of Object.entries(patch.rules ?? {})) {
      const lock = lockFor(policy, `rules.${ruleId}`);
      if (lock) return lockedRefusal(`patch.rules.${ruleId}`, lock);
      const rules = next.rules as Record<string, unknown>;
      if (override === null) delete rules[ruleId];
      else rules[ruleId] = override;
    }
    for (const [host, on] of Object.entries(patch.sites ?? {})) {
      const sites = next.sites as Record<string, unknown>;
      if (on === null) delete sites[host.toLowerCase()];
      else sites[host.toLowerCase()] = on;
    }
    const { settings, issues } = sanitizeAgentSettings(next);
    if (issues.length > 0) return { ok: false, code: 'invalid', error: `patch.${issues[0]!.path}: ${issues[0]!.message}`, path: `patch.${issues[0]!.path}` };
    if (patch.market && patch.market !== 'auto' && !policy.markets.has(patch.market))
      return { ok: false, code: 'invalid', error: `patch.market: "${patch.market}" is not defined by any active pack`, path: 'patch.market' };
    const write: Record<string, unknown> = {};
    for (const key of Object.keys(patch) as (keyof AgentSettings)[]) if (settings[key] !== undefined) write[key] = settings[key];
    if (Object.keys(write).length > 0) await this.deps.sync.set(write);
    if (patch.market === null) await this.deps.sync.remove?.('market');
    this.agentSettings = settings;
    this.recompute();
    return { ok: true, effective: this.current };
  }
}
