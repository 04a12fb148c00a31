/**
 * Finds compose boxes as the single-page app renders them and gives each a session; removes sessions
 * when their box goes away; switches them on and off as the host's state changes (active ticket tab,
 * reply channel); re-analyses when the agent changes a setting; and, when the extension is reloaded
 * or updated under a running page, removes every trace quietly.
 *
 * Observe, never poll: one MutationObserver (child lists, plus the few attributes the adapter names)
 * and WXT's location-change event; scans are coalesced into one per burst of mutations.
 */
import type { HostAdapter, HostSettings } from '../hosts/types';
import { POLICY_REVISION_KEY, SETTINGS_AREA, SETTINGS_KEYS, type MarketSetting } from '../contract/settings';
import type { CoachClient } from './client';
import { ComposeSession } from './session';

/** The parts of WXT's ContentScriptContext the manager uses (tests pass their own). */
export interface CoachingContext {
  readonly isValid: boolean;
  onInvalidated(cb: () => void): () => void;
  /** Fires `wxt:locationchange` when the SPA navigates. */
  addEventListener(target: Window, type: 'wxt:locationchange', handler: (event: Event) => void): void;
  /** Marks the context dead (the extension was reloaded): WXT aborts and runs onInvalidated. */
  notifyInvalidated(): void;
}

/** storage.onChanged as the content script sees it. */
export interface SettingsSource {
  get(): Promise<Record<string, unknown>>;
  onChanged(listener: (changes: Record<string, unknown>, area: string) => void): () => void;
}

export interface CoachingOptions {
  adapter: HostAdapter;
  client: CoachClient;
  ctx: CoachingContext;
  settings?: SettingsSource;
  document?: Document;
  /** Market override for every request (the demo). */
  market?: MarketSetting;
  pauseMs?: number;
  log?: (error: unknown) => void;
}

export interface Coaching {
  readonly sessions: ReadonlyMap<HTMLElement, ComposeSession>;
  /** Scans now (tests; the observer does it by itself). */
  scan(): void;
  stop(): void;
}

export function startCoaching(options: CoachingOptions): Coaching {
  const { adapter, ctx } = options;
  const doc = options.document ?? document;
  const sessions = new Map<HTMLElement, ComposeSession>();
  const hostSettings: HostSettings = { coachInternalNotes: false };
  let stopped = false;
  let scanTimer: ReturnType<typeof setTimeout> | undefined;
  const log = options.log ?? (() => undefined);

  const stop = () => {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    unwatchSettings?.();
    if (scanTimer !== undefined) clearTimeout(scanTimer);
    for (const session of sessions.values()) {
      try {
        session.dispose();
      } catch (error) {
        log(error);
      }
    }
    sessions.clear();
  };

  const invalidated = () => {
    // The extension is gone (reloaded, updated, removed): remove the UI quietly.
    stop();
    try {
      ctx.notifyInvalidated();
    } catch {
      // already invalidated
    }
  };

  const scan = () => {
    scanTimer = undefined;
    if (stopped) return;
    if (!ctx.isValid) {
      invalidated();
      return;
    }
    try {
      const boxes = new Set(adapter.findComposeBoxes(doc));
      for (const [element, session] of sessions) {
        if (!boxes.has(element) || !element.isConnected) {
          session.dispose();
          sessions.delete(element);
        }
      }
      for (const element of boxes) {
        let session = sessions.get(element);
        if (!session) {
          session = new ComposeSession(element, {
            adapter,
            client: options.client,
            onInvalidated: invalidated,
            alive: () => ctx.isValid,
            pauseMs: options.pauseMs,
            market: options.market,
            log,
          });
          sessions.set(element, session);
        }
        session.setCoached(adapter.isCoached(element, hostSettings));
        // The page changed: windows may have moved even when their size did not.
        session.reposition();
      }
    } catch (error) {
      log(error);
    }
  };

  const scheduleScan = () => {
    if (stopped || scanTimer !== undefined) return;
    scanTimer = setTimeout(scan, 50);
  };

  // Edits inside a coached box (typing) cannot add or remove compose boxes: the session handles them.
  const insideABox = (node: Node) => {
    for (const element of sessions.keys()) if (element.contains(node)) return true;
    return false;
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type !== 'attributes' && r.addedNodes.length === 0 && r.removedNodes.length === 0) continue;
      if (r.type === 'childList' && insideABox(r.target)) continue;
      scheduleScan();
      return;
    }
  });
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    ...(adapter.watchAttributes.length > 0 ? { attributes: true, attributeFilter: [...adapter.watchAttributes] } : {}),
  });
  const view = doc.defaultView;
  if (view) ctx.addEventListener(view, 'wxt:locationchange', scheduleScan);
  ctx.onInvalidated(stop);

  let unwatchSettings: (() => void) | undefined;
  if (options.settings) {
    const settings = options.settings;
    const applyHostSettings = (values: Record<string, unknown>) => {
      hostSettings.coachInternalNotes = values[SETTINGS_KEYS.coachInternalNotes] === true;
    };
    settings
      .get()
      .then((values) => {
        applyHostSettings(values);
        scheduleScan();
      })
      .catch(log);
    unwatchSettings = settings.onChanged((changes, area) => {
      // The background moves the policy revision on whenever packs, locks or agent settings change.
      if (area === 'local' && POLICY_REVISION_KEY in changes) {
        for (const session of sessions.values()) session.refresh();
        return;
      }
      if (area !== SETTINGS_AREA) return;
      if (SETTINGS_KEYS.coachInternalNotes in changes) {
        hostSettings.coachInternalNotes = changes[SETTINGS_KEYS.coachInternalNotes] === true;
        scheduleScan();
      }
      if (SETTINGS_KEYS.market in changes || SETTINGS_KEYS.uiLang in changes)
        for (const session of sessions.values()) session.refresh();
    });
  }

  scan();
  return { sessions, scan, stop };
}
