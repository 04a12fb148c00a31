/**
 * Enterprise policy: `storage.managed`, set by the admin through Chrome/Edge policy (JSON files on
 * Linux, the registry / GPO on Windows, a configuration profile on macOS) or Firefox `policies.json`.
 * The keys are declared in dictionaries/managed_schema.json:
 *
 * - `packs`: inline packs, JSON strings (Chrome's schema cannot describe a pack object) or objects
 *   (Firefox, which does not enforce the schema);
 * - `packUrls`: `[{ url, publicKey }]`, signed packs fetched like the options page's subscriptions
 *   but at enterprise strength;
 * - `defaultMarket`, `lockedMarket`, `sendGuard`, `disabledRules`: plain settings, turned into one
 *   synthetic pack (`enterprise/policy`, slot `managed:policy`) so a single precedence rule serves
 *   all: `lockedMarket` sets and locks the market, `sendGuard` sets and locks the send gate, each
 *   disabled rule is set `off` and locked;
 * - `refreshMinutes`: how often pack URLs are re-checked.
 *
 * Changes apply live: Chrome fires `storage.onChanged` with area `managed` when policy changes (Firefox
 * reads policies at start-up only).
 */
import { detectors } from '../../engine/registry';
import type { PolicyPack, RuleEntry, SendGuard, SourcedPack } from '../types';
import { MARKET_ID_PATTERN } from '../validate';
import { slotId, type ApplyItem, type PackIssue, type PackSink, type PackStatus } from './types';
import type { RefreshOutcome, UrlSource, UrlSubscription } from './url';

/** The part of `browser.storage.managed` used. */
export interface ManagedArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
}

/** The part of `browser.storage.onChanged` used. */
export interface StorageChangedEvent {
  addListener(cb: (changes: Record<string, unknown>, areaName: string) => void): void;
  removeListener(cb: (changes: Record<string, unknown>, areaName: string) => void): void;
}

export interface ManagedConfig {
  packs: unknown[];
  packUrls: UrlSubscription[];
  defaultMarket?: string;
  lockedMarket?: string;
  sendGuard?: SendGuard;
  disabledRules: string[];
  refreshMinutes?: number;
}

export const MANAGED_KEYS = ['packs', 'packUrls', 'defaultMarket', 'lockedMarket', 'sendGuard', 'disabledRules', 'refreshMinutes'] as const;
export const MANAGED_LIMITS = { packs: 20, packUrls: 20, disabledRules: 500, stringLength: 300 };
export const MANAGED_POLICY_PACK_ID = 'enterprise/policy';
export const MANAGED_POLICY_SLOT = slotId('managed', 'policy');
/** Inline packs apply first, then URL packs (order 1000+), then the plain settings (last, so they win). */
const POLICY_ORDER = 1_000_000;

const SEND_GUARDS: readonly SendGuard[] = ['off', 'warn', 'block'];

export function inlineSlot(index: number): string {
  return slotId('managed', `inline/${index}`);
}

/**
 * Reads the managed keys with their types checked (Firefox does not enforce the schema). Anything
 * malformed is skipped and reported with its key path; the rest still applies.
 */
export function parseManagedConfig(raw: Record<string, unknown>): { config: ManagedConfig; issues: PackIssue[] } {
  const found: PackIssue[] = [];
  const config: ManagedConfig = { packs: [], packUrls: [], disabledRules: [] };
  const str = (path: string, value: unknown): string | undefined => {
    if (typeof value === 'string' && value.trim().length > 0 && value.length <= MANAGED_LIMITS.stringLength) return value.trim();
    found.push({ path, message: `expected a non-empty string of at most ${MANAGED_LIMITS.stringLength} characters` });
    return undefined;
  };
  const list = (path: string, value: unknown, max: number): unknown[] => {
    if (!Array.isArray(value)) {
      found.push({ path, message: 'expected a list' });
      return [];
    }
    if (value.length > max) found.push({ path, message: `has ${value.length} entries; only the first ${max} are used` });
    return value.slice(0, max);
  };

  if (raw.packs !== undefined) {
    list('packs', raw.packs, MANAGED_LIMITS.packs).forEach((p, i) => {
      if (typeof p === 'string' || (p !== null && typeof p === 'object' && !Array.isArray(p))) config.packs.push(p);
      else found.push({ path: `packs[${i}]`, message: 'expected a pack as JSON text or an object' });
    });
  }
  if (raw.packUrls !== undefined) {
    list('packUrls', raw.packUrls, MANAGED_LIMITS.packUrls).forEach((entry, i) => {
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
        found.push({ path: `packUrls[${i}]`, message: 'expected { "url": …, "publicKey": … }' });
        return;
      }
      const e = entry as Record<string, unknown>;
      const url = str(`packUrls[${i}].url`, e.url);
      const publicKey = str(`packUrls[${i}].publicKey`, e.publicKey);
      if (url && publicKey) config.packUrls.push({ url, publicKey });
    });
  }
  for (const key of ['defaultMarket', 'lockedMarket'] as const) {
    if (raw[key] === undefined) continue;
    const v = str(key, raw[key]);
    if (v && MARKET_ID_PATTERN.test(v)) config[key] = v;
    else if (v) found.push({ path: key, message: `"${v}" is not a market id (lower-case letters, digits, ".", "_", "-"), e.g. "jp"` });
  }
  if (raw.sendGuard !== undefined) {
    if (SEND_GUARDS.includes(raw.sendGuard as SendGuard)) config.sendGuard = raw.sendGuard as SendGuard;
    else found.push({ path: 'sendGuard', message: `expected one of ${SEND_GUARDS.join(', ')}` });
  }
  if (raw.disabledRules !== undefined) {
    list('disabledRules', raw.disabledRules, MANAGED_LIMITS.disabledRules).forEach((r, i) => {
      const id = str(`disabledRules[${i}]`, r);
      if (id && !config.disabledRules.includes(id)) config.disabledRules.push(id);
    });
  }
  if (raw.refreshMinutes !== undefined) {
    const m = raw.refreshMinutes;
    if (typeof m === 'number' && Number.isInteger(m) && m >= 5 && m <= 10080) config.refreshMinutes = m;
    else found.push({ path: 'refreshMinutes', message: 'expected a whole number of minutes from 5 to 10080' });
  }
  return { config, issues: found };
}

/**
 * The plain settings as a pack, or undefined when none is set. Unknown rule ids are left out (and
 * reported) so one typo does not void the admin's other settings.
 */
export function managedPolicyPack(config: ManagedConfig, knownRuleIds: ReadonlySet<string>): { pack?: PolicyPack; issues: PackIssue[] } {
  const found: PackIssue[] = [];
  const rules: Record<string, RuleEntry> = {};
  const locked: string[] = [];
  config.disabledRules.forEach((id, i) => {
    if (!knownRuleIds.has(id)) {
      found.push({ path: `disabledRules[${i}]`, message: `"${id}" is not a rule of this version of Tonebridge; ignored` });
      return;
    }
    rules[id] = 'off';
    locked.push(`rules.${id}`);
  });
  const market = config.lockedMarket ?? config.defaultMarket;
  if (config.lockedMarket !== undefined) locked.unshift('market');
  if (config.sendGuard !== undefined) locked.unshift('sendGuard');
  if (market === undefined && config.sendGuard === undefined && Object.keys(rules).length === 0) return { issues: found };
  const pack: PolicyPack = {
    schemaVersion: 1,
    id: MANAGED_POLICY_PACK_ID,
    name: 'Enterprise policy',
    version: '1.0.0',
    description: 'Settings from the browser policy (storage.managed).',
    ...(Object.keys(rules).length > 0 ? { rules } : {}),
    ...(market !== undefined ? { defaultMarket: market } : {}),
    ...(config.sendGuard !== undefined ? { sendGuard: config.sendGuard } : {}),
    ...(locked.length > 0 ? { locked } : {}),
  };
  return { pack, issues: found };
}

export interface ManagedSourceOptions {
  sink: PackSink;
  area: ManagedArea;
  /** `browser.storage.onChanged`, to apply policy changes live. */
  onChanged?: StorageChangedEvent;
  /** The URL source for `packUrls` (constructed with `source: 'managed'`). */
  urls?: UrlSource;
  knownRuleIds?: ReadonlySet<string>;
  now?: () => number;
}

export class ManagedSource {
  private readonly sink: PackSink;
  private readonly area: ManagedArea;
  private readonly onChanged?: StorageChangedEvent;
  private readonly urls?: UrlSource;
  private readonly knownRuleIds: ReadonlySet<string>;
  private readonly now: () => number;
  private current: ManagedConfig = { packs: [], packUrls: [], disabledRules: [] };
  private issues: PackIssue[] = [];
  private inlineCount = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listener = (_changes: Record<string, unknown>, areaName: string) => {
    if (areaName === 'managed') void this.reload();
  };

  constructor(options: ManagedSourceOptions) {
    this.sink = options.sink;
    this.area = options.area;
    this.onChanged = options.onChanged;
    this.urls = options.urls;
    this.knownRuleIds = options.knownRuleIds ?? new Set(detectors.map((d) => d.meta.id));
    this.now = options.now ?? Date.now;
  }

  /** Reads the policy, applies it, and listens for changes. */
  async start(): Promise<void> {
    this.onChanged?.addListener(this.listener);
    await this.reload();
  }

  stop(): void {
    this.onChanged?.removeListener(this.listener);
  }

  /** The managed settings as last read (e.g. for the options page to explain locks). */
  config(): ManagedConfig {
    return this.current;
  }

  /** Problems with the policy's own keys (not with the packs it names; those are in `status()`). */
  policyIssues(): PackIssue[] {
    return this.issues;
  }

  /** Re-reads `storage.managed` and applies it; calls run one after another, in order. */
  reload(): Promise<RefreshOutcome[]> {
    const run = this.queue.then(() => this.load());
    this.queue = run.catch(() => undefined);
    return run;
  }

  packs(): SourcedPack[] {
    return this.sink.packs().filter((p) => p.source === 'managed');
  }

  status(): PackStatus[] {
    return this.sink.status().filter((s) => s.source === 'managed');
  }

  private async load(): Promise<RefreshOutcome[]> {
    let raw: Record<string, unknown>;
    try {
      raw = await this.area.get(null);
    } catch {
      // Firefox rejects when no policy names the extension; Chrome resolves {}. Either way: no policy.
      raw = {};
    }
    const { config, issues } = parseManagedConfig(raw ?? {});
    const policy = managedPolicyPack(config, this.knownRuleIds);
    this.current = config;
    this.issues = [...issues, ...policy.issues];
    const at = this.now();

    const items: ApplyItem[] = config.packs.map((candidate, i) => ({ slot: inlineSlot(i), candidate, meta: { order: i, at } }));
    if (policy.pack) items.push({ slot: MANAGED_POLICY_SLOT, candidate: policy.pack, meta: { order: POLICY_ORDER, at } });
    for (let i = config.packs.length; i < this.inlineCount; i++) this.sink.remove(inlineSlot(i));
    this.inlineCount = config.packs.length;
    if (!policy.pack) this.sink.remove(MANAGED_POLICY_SLOT);
    if (items.length > 0) this.sink.applyBatch(items);
    if (this.issues.length > 0) {
      // The rest applied; what was malformed shows on the policy's slot (created for it if need be).
      this.sink.fail(MANAGED_POLICY_SLOT, 'policy', this.issues, { at, order: POLICY_ORDER });
    }

    if (!this.urls) return [];
    if (config.refreshMinutes !== undefined) this.urls.setRefreshMinutes(config.refreshMinutes);
    return this.urls.setSubscriptions(config.packUrls);
  }
}
