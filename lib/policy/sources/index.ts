/**
 * The background's policy wiring in one call: a store, the four sources in order (built-in, imported
 * files, enterprise policy with its pack URLs, the agent's URL subscriptions), periodic refresh on
 * `browser.alarms`, and live enterprise-policy changes. Everything outside is injected.
 *
 *   const policy = await startPolicyService({ storage: browser.storage, alarms: browser.alarms });
 *   policy.store.subscribe(() => engine.setPolicy(applyAgentSettings(policy.store.policy(), agent).policy));
 */
import { PolicyStore, type PolicyStoreOptions } from '../store';
import { BuiltinSource } from './builtin';
import { FileSource } from './file';
import { ManagedSource, type ManagedArea, type StorageChangedEvent } from './managed';
import { alarmScheduler, intervalScheduler, type AlarmsLike, type FetchLike, type KeyValueArea, type Scheduler } from './types';
import { UrlSource } from './url';

export * from './types';
export { BuiltinSource } from './builtin';
export { FileSource, FILE_STORAGE_KEY, type ImportResult } from './file';
export { ManagedSource, MANAGED_KEYS, MANAGED_POLICY_PACK_ID, MANAGED_POLICY_SLOT, managedPolicyPack, parseManagedConfig, type ManagedConfig } from './managed';
export { UrlSource, packUrlProblem, publicKeyProblem, type RefreshOutcome, type UrlSubscription } from './url';

export const URL_SUBSCRIPTIONS_KEY = 'tonebridge.policy.subscriptions';

export interface PolicyServiceDeps {
  storage: {
    local: KeyValueArea;
    /** Absent where the browser has no managed storage. */
    managed?: ManagedArea;
    onChanged?: StorageChangedEvent;
  };
  /** `browser.alarms` for refreshes that survive the service worker; setInterval without it. */
  alarms?: AlarmsLike;
  fetch?: FetchLike;
  store?: PolicyStoreOptions;
}

export interface PolicyService {
  store: PolicyStore;
  builtin: BuiltinSource;
  files: FileSource;
  /** The agent's subscriptions (options page), source `url`. */
  urls: UrlSource;
  /** Pack URLs from enterprise policy, source `managed`. */
  managedUrls: UrlSource;
  managed: ManagedSource;
  /** Settles when enterprise policy is read and every pack URL has been tried once. */
  ready: Promise<void>;
  stop(): void;
}

export async function startPolicyService(deps: PolicyServiceDeps): Promise<PolicyService> {
  const store = new PolicyStore(deps.store);
  const fetch = deps.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const scheduler = (name: string): Scheduler => (deps.alarms ? alarmScheduler(deps.alarms, name) : intervalScheduler);
  const local = deps.storage.local;

  const builtin = new BuiltinSource(store);
  const files = new FileSource({ sink: store, storage: local });
  const managedUrls = new UrlSource({ sink: store, fetch, source: 'managed', storage: local, scheduler: scheduler('tonebridge.policy.managed-urls') });
  const urls = new UrlSource({
    sink: store,
    fetch,
    source: 'url',
    storage: local,
    subscriptionsKey: URL_SUBSCRIPTIONS_KEY,
    scheduler: scheduler('tonebridge.policy.urls'),
  });
  const managed = new ManagedSource({
    sink: store,
    area: deps.storage.managed ?? { get: async () => ({}) },
    onChanged: deps.storage.onChanged,
    urls: managedUrls,
  });

  // Weakest first, so packs that extend built-ins find them loaded (a pack whose base comes later
  // is held and enters when the base arrives). URL packs come back from their verified cache at
  // once; the network round runs in the background and `ready` settles when it is done.
  builtin.load();
  await files.restore();
  const ready = Promise.all([managed.start(), urls.restore()]).then(() => undefined);
  void managedUrls.start({ refreshNow: false });
  void urls.start({ refreshNow: false });

  return {
    store,
    builtin,
    files,
    urls,
    managedUrls,
    managed,
    ready,
    stop() {
      managed.stop();
      managedUrls.stop();
      urls.stop();
    },
  };
}
