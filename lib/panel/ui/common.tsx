/**
 * What the popup and the options page share: loading the panel state through the protocol client,
 * applying answers, the lock note, and small formatting helpers. Everything renders as text (JSX
 * text nodes and attributes); pack-provided strings are never parsed as markup.
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { LockInfo } from '../../policy/agent-settings';
import type { PanelClient } from '../client';
import type { PanelFailure, PanelState } from '../../contract/panel';
import { panelStrings, type PanelLang, type PanelStrings } from './strings';

export interface PanelModel {
  state: PanelState | undefined;
  /** The last failure (a refused change, a locked key, a transport error). */
  failure: PanelFailure | undefined;
  /** A request is in flight. */
  busy: boolean;
  lang: PanelLang;
  t: PanelStrings;
  reload(): Promise<void>;
  /** Runs a request whose answer carries a new state; returns the answer for callers that need more. */
  run<A extends { ok: true; state: PanelState }>(request: () => Promise<A | PanelFailure>): Promise<A | PanelFailure>;
  clearFailure(): void;
}

/**
 * The panel state for a page: loaded once, refreshed every `refreshMs` (the popup shows the live
 * compose box) and when the window regains focus, replaced by every answer that carries a state.
 */
export function usePanel(client: PanelClient, options: { tabId?: number; fallbackLang: PanelLang; refreshMs?: number }): PanelModel {
  const [state, setState] = useState<PanelState>();
  const [failure, setFailure] = useState<PanelFailure>();
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(0);
  /** Counts changes: a load's answer applies only if no change was asked after it. */
  const changes = useRef(0);
  const loading = useRef(false);
  const { tabId, refreshMs } = options;

  const reload = useCallback(async () => {
    // One load at a time (a slow background must not pile up the periodic refreshes).
    if (loading.current) return;
    loading.current = true;
    const asked = changes.current;
    let answer: Awaited<ReturnType<PanelClient['state']>>;
    try {
      answer = await client.state(tabId);
    } finally {
      loading.current = false;
    }
    // A change started meanwhile: its answer carries a newer state than this one.
    if (asked !== changes.current || inFlight.current > 0) return;
    if (answer.ok) {
      setState(answer.state);
      setFailure((f) => (f?.code === 'failed' ? undefined : f));
    } else setFailure(answer);
  }, [client, tabId]);

  useEffect(() => {
    void reload();
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    const timer = refreshMs ? setInterval(() => void reload(), refreshMs) : undefined;
    return () => {
      window.removeEventListener('focus', onFocus);
      if (timer) clearInterval(timer);
    };
  }, [reload, refreshMs]);

  const run = useCallback(async <A extends { ok: true; state: PanelState }>(request: () => Promise<A | PanelFailure>) => {
    inFlight.current++;
    changes.current++;
    setBusy(true);
    try {
      const answer = await request();
      if (answer.ok) {
        setState((previous) => withTab(answer.state, previous));
        setFailure(undefined);
      } else setFailure(answer);
      return answer;
    } finally {
      inFlight.current--;
      setBusy(inFlight.current > 0);
      // Only `state` requests carry the tab's site and box: fetch them fresh after a change.
      if (inFlight.current === 0 && tabId !== undefined) void reload();
    }
  }, [reload, tabId]);

  const lang = state?.uiLang ?? options.fallbackLang;
  return { state, failure, busy, lang, t: panelStrings(lang), reload, run, clearFailure: () => setFailure(undefined) };
}

/**
 * A change's answer has no tab part (only `state` requests name the tab): keep the previous site and
 * box meanwhile, with the site's switch recomputed from the new settings.
 */
export function withTab(next: PanelState, previous: PanelState | undefined): PanelState {
  if (!previous || next.site || next.box) return next;
  const merged: PanelState = { ...next };
  if (previous.site) {
    const host = previous.site.host;
    merged.site = { ...previous.site, enabled: next.effective.enabled && (next.effective.sites[host] ?? true) };
  }
  if (previous.box) merged.box = previous.box;
  return merged;
}

/** A padlock, drawn (no icon font, no image request). */
export function LockIcon() {
  return (
    <svg class="lock-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2" fill="none" stroke="currentColor" stroke-width="1.6" />
      <rect x="3" y="7" width="10" height="7.5" rx="1.5" fill="currentColor" />
    </svg>
  );
}

export function lockText(t: PanelStrings, lock: LockInfo): string {
  return t.lockedBy(lock.packName, t.source[lock.source]);
}

/** "Locked by <pack> (<source>)" next to a disabled control; `id` lets the control point at it (aria-describedby). */
export function LockNote({ lock, t, id }: { lock: LockInfo; t: PanelStrings; id?: string }) {
  return (
    <span class="lock-note" id={id} data-lock={lock.key}>
      <LockIcon />
      {lockText(t, lock)}
    </span>
  );
}

/** The failure of the last request, announced to screen readers. */
export function FailureBanner({ failure, t, onClose }: { failure: PanelFailure | undefined; t: PanelStrings; onClose(): void }) {
  if (!failure) return null;
  return (
    <div class="banner error" role="alert">
      {failure.lock ? <LockIcon /> : null}
      <span class="banner-text">{failure.code === 'failed' && /receiving end|starting/i.test(failure.error) ? t.noBackground : failure.error}</span>
      <button type="button" class="link" aria-label={t.close} onClick={onClose}>
        ×
      </button>
    </div>
  );
}

/** An on/off switch: a real checkbox (keyboard, labels, forms) styled as a switch. */
export function Switch(props: {
  id: string;
  checked: boolean;
  disabled?: boolean;
  describedBy?: string;
  onChange(checked: boolean): void;
  children: ComponentChildren;
}) {
  return (
    <label class={`switch${props.disabled ? ' disabled' : ''}`} for={props.id}>
      <input
        id={props.id}
        type="checkbox"
        role="switch"
        checked={props.checked}
        disabled={props.disabled}
        aria-describedby={props.describedBy}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <span class="track" aria-hidden="true">
        <span class="thumb" />
      </span>
      <span class="switch-label">{props.children}</span>
    </label>
  );
}

/** A market's name in the UI language (pack markets carry both). */
export function marketName(state: PanelState, id: string, lang: PanelLang): string {
  const m = state.markets.find((x) => x.id === id);
  return m ? m.name[lang] || m.name.en : id;
}
