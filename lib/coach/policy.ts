/**
 * The live policy of the background: the policy service's resolved packs (built-in, imported files,
 * enterprise policy, URL subscriptions) with the agent's settings laid over them, pushed into the
 * engine at start and on every change — a pack arriving or leaving, a managed-policy change
 * (`storage.onChanged`, area `managed`), an agent-settings change (area `sync`).
 *
 * MV3: the service worker can stop at any time. Nothing here is kept only in memory: the packs come
 * back from storage.local (the store's sources restore them), the agent settings from storage.sync,
 * enterprise policy from storage.managed. `whenReady(ms)` lets the first analysis after a restart
 * wait (briefly) until that is done, so it already uses the stored policy.
 *
 * Content scripts re-analyse when the effective policy changes: they watch `POLICY_REVISION_KEY` in
 * storage.local, which holds a fingerprint of the active packs and the agent's settings. It is
 * written only when that really differs from the stored fingerprint, so a worker restart that
 * restores the same packs does not make every open tab analyse again.
 */
import type { Engine } from '../engine/engine';
import type { ResolvedPolicy } from '../policy/types';
import { POLICY_REVISION_KEY } from '../contract/settings';
import { applyAgentSettings, DEFAULT_AGENT_SETTINGS, type AgentSettings, type EffectiveSettings } from '../policy/agent-settings';
import type { PolicyService } from '../policy/sources';
import type { KeyValueArea } from '../policy/sources/types';
import type { StorageChangedEvent } from '../policy/sources/managed';
import { AGENT_STORAGE_KEYS, readAgentSettings, type SyncArea } from './agent-store';

export { POLICY_REVISION_KEY };

export interface CoachPolicyOptions {
  engine: Engine<ResolvedPolicy>;
  /** The started policy service (or its start, still running). */
  service: Promise<PolicyService>;
  sync: SyncArea;
  local?: KeyValueArea;
  onChanged?: StorageChangedEvent;
  /** Reports errors that must not stop the worker (default: ignore). */
  log?: (error: unknown) => void;
}

/** A short hash of the active packs (source and full content) and the agent's settings, FNV-1a over their JSON. */
export function policyFingerprint(service: Pick<PolicyService, 'store'>, agent: AgentSettings): string {
  const text = JSON.stringify([service.store.packs().map((p) => [p.source, p.pack]), agent]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${h.toString(16)}.${text.length}`;
}

export class CoachPolicy {
  private service?: PolicyService;
  private agent: AgentSettings = { ...DEFAULT_AGENT_SETTINGS, rules: {}, phrases: [], sites: {} };
  private current?: EffectiveSettings;
  private readonly started: Promise<void>;
  private readonly listeners = new Set<(e: EffectiveSettings) => void>();
  private readonly log: (error: unknown) => void;
  private unsubscribe?: () => void;
  private agentReads = 0;
  private agentPending?: Promise<void>;
  /** The fingerprint last stored under POLICY_REVISION_KEY (read at start). */
  private revision?: string;
  /** Whether revisions are written yet (after the start-up has settled). */
  private announce = false;
  private readonly onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'sync' && AGENT_STORAGE_KEYS.some((k) => k in changes)) void this.reloadAgent();
  };

  /** When this coach started (the worker's start): the bound of `whenReady`. */
  private readonly bornAt = Date.now();

  constructor(private readonly options: CoachPolicyOptions) {
    this.log = options.log ?? (() => undefined);
    options.onChanged?.addListener(this.onStorage);
    this.started = this.start();
    this.started.catch(this.log);
  }

  private async start(): Promise<void> {
    const [service, agent, stored] = await Promise.all([
      this.options.service,
      readAgentSettings(this.options.sync),
      this.options.local?.get(POLICY_REVISION_KEY).catch(() => ({})) ?? Promise.resolve({}),
    ]);
    const revision = (stored as Record<string, unknown>)[POLICY_REVISION_KEY];
    if (typeof revision === 'string') this.revision = revision;
    this.service = service;
    this.agent = agent.settings;
    this.recompute(false);
    this.unsubscribe = service.store.subscribe((change) => {
      if (change.policyChanged) this.recompute(true);
      else this.notify();
    });
    // Enterprise policy read and URL packs tried once: the policy may have moved on meanwhile.
    // Tell the tabs only once the start-up has settled (packs arrive one source after another; a tab
    // need not analyse for each step), or after a few seconds if a pack URL is slow to answer.
    const settle = () => {
      if (this.announce) return;
      this.announce = true;
      this.recompute(true);
    };
    void service.ready.then(settle, this.log);
    setTimeout(settle, 5000);
  }

  /**
   * Waits until the stored policy is in the engine: the packs kept in storage and the agent's
   * settings, then (bounded by `ms`) enterprise policy and the first round of URL packs.
   */
  async whenReady(ms = 1500): Promise<void> {
    // One deadline from the worker's start, not a fresh one per call: Chromium's first
    // storage.managed read takes seconds right after the browser starts, and every analysis
    // waiting its own 1.5 s for it would leave the agent's underlines that far behind the typing.
    // Past the deadline the coach answers with what it has; the policy revision re-checks the tabs
    // when enterprise policy lands.
    const left = this.bornAt + ms - Date.now();
    if (left <= 0 && this.service) return;
    const bound = new Promise<void>((resolve) => setTimeout(resolve, Math.max(left, 0)));
    try {
      await Promise.race([this.started, bound]);
      if (this.service) await Promise.race([this.service.ready, bound]);
    } catch (error) {
      this.log(error);
    }
  }

  /** The policy service, once started. */
  async policyService(): Promise<PolicyService> {
    await this.started;
    return this.service!;
  }

  /**
   * The effective settings once a settings change already announced (storage.onChanged) has been
   * read: a content script re-analyses on the same change, and must not get the old settings.
   */
  async settled(): Promise<EffectiveSettings> {
    while (this.agentPending) await this.agentPending;
    return this.effective();
  }

  /** The effective settings (defaults over the built-in policy before the start finished). */
  effective(): EffectiveSettings {
    this.current ??= applyAgentSettings(this.options.engine.activePolicy, this.agent);
    return this.current;
  }

  agentSettings(): AgentSettings {
    return this.agent;
  }

  /** Uses new agent settings at once (the panel just wrote them; storage.onChanged follows). */
  setAgent(agent: AgentSettings): void {
    this.agent = agent;
    this.agentReads++; // a read already under way is older than this
    this.recompute(true);
  }

  onChange(listener: (e: EffectiveSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.options.onChanged?.removeListener(this.onStorage);
    this.unsubscribe?.();
  }

  private reloadAgent(): Promise<void> {
    const read = ++this.agentReads;
    const pending = readAgentSettings(this.options.sync)
      .then(({ settings }) => {
        if (read !== this.agentReads) return;
        this.agent = settings;
        this.recompute(true);
      })
      .catch(this.log)
      .finally(() => {
        if (this.agentPending === pending) this.agentPending = undefined;
      });
    this.agentPending = pending;
    return pending;
  }

  private recompute(bump: boolean): void {
    if (!this.service) return;
    try {
      this.current = applyAgentSettings(this.service.store.policy(), this.agent);
      this.options.engine.setPolicy(this.current.policy);
    } catch (error) {
      this.log(error);
      return;
    }
    this.notify();
    if (bump && this.announce && this.options.local) {
      const revision = policyFingerprint(this.service, this.agent);
      if (revision !== this.revision) {
        this.revision = revision;
        this.options.local.set({ [POLICY_REVISION_KEY]: revision }).catch(this.log);
      }
    }
  }

  private notify(): void {
    const e = this.current;
    if (!e) return;
    for (const l of this.listeners) {
      try {
        l(e);
      } catch (error) {
        this.log(error);
      }
    }
  }
}
