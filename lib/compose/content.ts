/**
 * The content script's wiring for one host: the coach client over runtime messaging, settings from
 * storage.sync, and the compose-box manager. entrypoints/coach.content.ts calls this and nothing else.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HostAdapter } from '../hosts/types';
import { SETTINGS_AREA, SETTINGS_KEYS } from '../contract/settings';
import type { Request } from '../contract/messages';
import { startSendGuard } from '../guard/content';
import { createCoachClient } from './client';
import { startCoaching, type Coaching, type SettingsSource } from './manager';

const KEYS = Object.values(SETTINGS_KEYS);

function storageSettings(): SettingsSource {
  return {
    get: () => browser.storage[SETTINGS_AREA].get(KEYS),
    onChanged(listener) {
      const l = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        const values: Record<string, unknown> = {};
        for (const [key, change] of Object.entries(changes)) values[key] = change.newValue;
        listener(values, area);
      };
      browser.storage.onChanged.addListener(l);
      return () => {
        try {
          browser.storage.onChanged.removeListener(l);
        } catch {
          // the extension context is already gone
        }
      };
    },
  };
}

export function runCoaching(ctx: ContentScriptContext, adapter: HostAdapter): Coaching {
  const client = createCoachClient(
    (message: Request) => browser.runtime.sendMessage(message),
    () => ctx.isValid,
  );
  const log = (error: unknown) => {
    if (import.meta.env.DEV) console.debug('[tonebridge]', error);
  };
  const coaching = startCoaching({
    adapter,
    client,
    ctx: {
      get isValid() {
        return ctx.isValid;
      },
      onInvalidated: (cb) => ctx.onInvalidated(cb),
      addEventListener: (target, type, handler) => ctx.addEventListener(target, type, handler),
      notifyInvalidated: () => ctx.notifyInvalidated(),
    },
    settings: storageSettings(),
    // Quiet by default: a page's console is the agent's, not ours.
    log,
  });
  // The pre-send check (lib/guard): capture-phase listeners over the same sessions.
  startSendGuard(adapter, coaching, (cb) => ctx.onInvalidated(cb), log);
  return coaching;
}
