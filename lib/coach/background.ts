/**
 * Wires the coach into the background service worker: one engine (Japanese loaded lazily from the
 * dictionary the build copied to `dict/`), the policy service (built-in, imported, enterprise and
 * URL packs: lib/policy/sources), the agent's settings, and the runtime message listener.
 * entrypoints/background.ts calls `startCoach()` and nothing else.
 *
 * Settings storage (one place, storage.sync — lib/coach/agent-store.ts): one key per field of
 * AgentSettings (lib/contract/settings.ts AGENT_SETTINGS_KEYS; `market` and `uiLang` are the keys content
 * scripts and the e2e tests have always used). Only the background writes them, after validation and
 * the lock check (lib/coach/panel.ts). The engine runs
 * `applyAgentSettings(store.policy(), agent).policy`, recomputed on every pack change, enterprise
 * policy change (storage.onChanged, area `managed`) and agent-settings change (area `sync`).
 * Each analysis uses the effective market (a pack's locked market wins, even over a market named in
 * the request), UI language and agent name, and answers `disabled` where the agent switched coaching
 * off (globally or for the site); content scripts re-analyse when `POLICY_REVISION_KEY` (storage.local)
 * moves. MV3 restarts: all state comes back from storage, and the first
 * answers wait (bounded) until it has (`CoachPolicy.whenReady`).
 */
import { browser } from 'wxt/browser';
import { Engine } from '../engine/engine';
import type { ResolvedPolicy } from '../policy/types';
import { createEnAnalyzer } from '../lang/en/analyzer';
import { createJaAnalyzer } from '../lang/ja/analyzer';
import { loadJaTokenizerFromUrl } from '../lang/ja/extension-loader';
import { originOf } from '../contract/sender';
import { SETTINGS_AREA, SETTINGS_KEYS } from '../contract/settings';
import { isEnabledFor } from '../policy/agent-settings';
import { builtinSourced } from '../policy/builtin';
import { resolvePolicy } from '../policy/resolve';
import { startPolicyService, type PolicyServiceDeps } from '../policy/sources';
import type { SyncArea } from './agent-store';
import { PanelBackend } from './panel';
import { CoachPolicy } from './policy';
import { CoachService, type BoxArea, type LangsArea, type StoredSettings } from './service';

export function createExtensionEngine(): Engine<ResolvedPolicy> {
  return new Engine({
    policy: resolvePolicy(builtinSourced()),
    ja: async () => createJaAnalyzer(await loadJaTokenizerFromUrl(browser.runtime.getURL('/dict/' as '/'))),
    en: createEnAnalyzer(),
  });
}

/** Settings, cached and refreshed when another context changes them. */
function settingsReader(): () => Promise<StoredSettings> {
  let cached: Promise<StoredSettings> | undefined;
  const keys = [SETTINGS_KEYS.market, SETTINGS_KEYS.uiLang];
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === SETTINGS_AREA && keys.some((k) => k in changes)) cached = undefined;
  });
  return () => {
    cached ??= browser.storage[SETTINGS_AREA].get(keys).then(
      (values) => ({ market: values[SETTINGS_KEYS.market], uiLang: values[SETTINGS_KEYS.uiLang] }),
      () => ({}),
    );
    return cached;
  };
}

/** The effective settings of the live policy, as one analysis needs them. */
function effectiveReader(policy: CoachPolicy): () => Promise<StoredSettings> {
  return async () => {
    const e = await policy.settled();
    return {
      market: e.market,
      uiLang: e.uiLang,
      agentName: e.agentName,
      marketLocked: e.locks.has('market'),
      siteEnabled: (host) => (!e.enabled ? 'off' : isEnabledFor(e, host) ? 'on' : 'site'),
    };
  };
}

export interface StartCoachOptions {
  /** Run the policy service (default true); false: built-in packs and the raw storage.sync settings only. */
  policy?: boolean;
  /** For tests: the policy service's fetch. */
  fetch?: PolicyServiceDeps['fetch'];
}

export interface Coach {
  service: CoachService;
  policy?: CoachPolicy;
}

export function startCoach(engine: Engine<ResolvedPolicy> = createExtensionEngine(), options: StartCoachOptions = {}): CoachService {
  return startCoachWithPolicy(engine, options).service;
}

export function startCoachWithPolicy(engine: Engine<ResolvedPolicy> = createExtensionEngine(), options: StartCoachOptions = {}): Coach {
  const sync = browser.storage.sync as unknown as SyncArea;
  let policy: CoachPolicy | undefined;
  if (options.policy !== false) {
    const managed = (browser.storage as { managed?: PolicyServiceDeps['storage']['managed'] }).managed;
    const deps: PolicyServiceDeps = {
      storage: {
        local: browser.storage.local,
        ...(managed ? { managed } : {}),
        onChanged: browser.storage.onChanged as unknown as PolicyServiceDeps['storage']['onChanged'],
      },
      ...(browser.alarms ? { alarms: browser.alarms } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    };
    policy = new CoachPolicy({
      engine,
      service: startPolicyService(deps),
      sync,
      local: browser.storage.local,
      onChanged: browser.storage.onChanged as unknown as PolicyServiceDeps['storage']['onChanged'],
      log: (error) => console.warn('[tonebridge] policy', error),
    });
  }
  const live = policy;
  const service = new CoachService({
    engine,
    extensionId: browser.runtime.id,
    extensionOrigin: originOf(browser.runtime.getURL('/')) ?? '',
    readSettings: live ? effectiveReader(live) : settingsReader(),
    ...(browser.storage.session
      ? { boxArea: browser.storage.session as unknown as BoxArea, langsArea: browser.storage.session as unknown as LangsArea }
      : {}),
    // The compiled dictionary is ready in well under a second: wait for it instead of answering `loading`.
    loadWaitMs: 2000,
    ...(live
      ? {
          ready: () => live.whenReady(),
          panel: new PanelBackend({
            policy: live,
            sync,
            tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
          }),
        }
      : {}),
    browserUiLang: () => {
      try {
        return browser.i18n.getUILanguage();
      } catch {
        return globalThis.navigator?.language ?? 'en';
      }
    },
  });
  // sendResponse + `return true` works in every browser (a returned promise does not in older Chrome).
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (answer: unknown) => void) => {
    void service.handle(message, sender).then(sendResponse);
    return true;
  });
  browser.tabs?.onRemoved?.addListener((tabId) => service.forgetTab(tabId));
  // A worker Chrome stopped and started again for a message: reload what the last one had loaded
  // (Japanese, when the agent writes Japanese), while that message is being answered.
  void service.resumeLangs();
  return { service, ...(policy ? { policy } : {}) };
}
