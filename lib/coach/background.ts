/**
 * Wires the coach into the background service worker: one engine (Japanese loaded lazily from the
 * dictionary the build copied to `dict/`), the policy service (built-in packs, imported files, signed
 * URL packs, enterprise policy from storage.managed) with the agent's settings from storage.sync laid
 * over it (lib/coach/policy.ts), and the runtime message listener for content scripts and the popup
 * and options page. entrypoints/background.ts calls `startCoach()` and nothing else.
 *
 * MV3 may stop the worker at any time: everything comes back from storage on the next start, and the
 * first answers wait (briefly) until it has, so a restarted worker never coaches with built-ins alone
 * while an admin's pack is stored.
 */
import { browser } from 'wxt/browser';
import { Engine } from '../engine/engine';
import { createEnAnalyzer } from '../lang/en/analyzer';
import { createJaAnalyzer } from '../lang/ja/analyzer';
import { loadJaTokenizerFromUrl } from '../lang/ja/extension-loader';
import { originOf, SETTINGS_AREA, SETTINGS_KEYS } from '../messaging';
import { builtinSourced } from '../policy/builtin';
import { resolvePolicy } from '../policy/resolve';
import { startPolicyService } from '../policy/sources';
import type { ManagedArea } from '../policy/sources/managed';
import { panelHandler } from './panel';
import { CoachPolicy } from './policy';
import { CoachService, type StoredSettings } from './service';

export function createExtensionEngine(): Engine {
  return new Engine({
    policy: resolvePolicy(builtinSourced()),
    ja: async () => createJaAnalyzer(await loadJaTokenizerFromUrl(browser.runtime.getURL('/dict/' as '/'))),
    en: createEnAnalyzer(),
  });
}

/** Settings, cached and refreshed when another context changes them (used until the policy is up). */
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

export function startCoach(engine: Engine = createExtensionEngine()): CoachService {
  let policy: CoachPolicy | undefined;
  let panel: ReturnType<typeof panelHandler> | undefined;
  const ready = (async () => {
    const managed = browser.storage.managed as unknown as ManagedArea | undefined;
    const service = await startPolicyService({
      storage: { local: browser.storage.local, ...(managed ? { managed } : {}), onChanged: browser.storage.onChanged },
      alarms: browser.alarms,
    });
    const coachPolicy = new CoachPolicy({
      store: service.store,
      engine,
      sync: browser.storage.sync,
      local: browser.storage.local,
      onChanged: browser.storage.onChanged,
    });
    await coachPolicy.reload();
    policy = coachPolicy;
    panel = panelHandler({
      policy: coachPolicy,
      service,
      tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
    });
    // Enterprise policy and the first round of URL packs; analyses wait for it (bounded) after a start.
    await service.ready;
  })();
  ready.catch(() => undefined);

  const service = new CoachService({
    engine,
    extensionId: browser.runtime.id,
    extensionOrigin: originOf(browser.runtime.getURL('/')) ?? '',
    readSettings: settingsReader(),
    browserUiLang: () => {
      try {
        return browser.i18n.getUILanguage();
      } catch {
        return globalThis.navigator?.language ?? 'en';
      }
    },
    policy: () => policy,
    panel: () => panel,
    policyReady: ready,
  });
  // sendResponse + `return true` works in every browser (a returned promise does not in older Chrome).
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (answer: unknown) => void) => {
    void service.handle(message, sender).then(sendResponse);
    return true;
  });
  return service;
}
