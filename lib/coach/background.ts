/**
 * Wires the coach into the background service worker: one engine (built-in packs; Japanese loaded
 * lazily from the dictionary the build copied to `dict/`), settings from storage.sync, and the
 * runtime message listener. entrypoints/background.ts calls `startCoach()` and nothing else.
 */
import { browser } from 'wxt/browser';
import { Engine } from '../engine/engine';
import { createEnAnalyzer } from '../lang/en/analyzer';
import { createJaAnalyzer } from '../lang/ja/analyzer';
import { loadJaTokenizerFromUrl } from '../lang/ja/extension-loader';
import { originOf, SETTINGS_AREA, SETTINGS_KEYS } from '../messaging';
import { builtinSourced } from '../policy/builtin';
import { resolvePolicy } from '../policy/resolve';
import { CoachService, type StoredSettings } from './service';

export function createExtensionEngine(): Engine {
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

export function startCoach(engine: Engine = createExtensionEngine()): CoachService {
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
  });
  // sendResponse + `return true` works in every browser (a returned promise does not in older Chrome).
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (answer: unknown) => void) => {
    void service.handle(message, sender).then(sendResponse);
    return true;
  });
  return service;
}
