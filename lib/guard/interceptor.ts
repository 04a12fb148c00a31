/**
 * The pre-send check's interceptor: capture-phase listeners on the window (they run before any
 * listener the host put on the document or its elements) that catch every way to send —
 * a send button or a send menu item clicked (mouseup and click), Enter/Space on a focused send
 * control, Ctrl/Cmd+Enter in the compose box — hold the gesture, re-analyse the FINAL text, decide
 * (./decide.ts), and either let the send go or show the dialog (./dialog.tsx).
 *
 * Letting a send go re-dispatches the very events that were held, on the same elements, in order,
 * each marked once so the interceptor lets exactly those through: the host sees the same path the agent
 * used, once (./replay.ts).
 *
 * Deciding (./flow.ts): from the session's last answer when the text is unchanged (no round trip, so a
 * sleeping service worker does not matter), else from a fresh analysis while a "checking" note shows.
 * Fail open only when Tonebridge fails (an error, a dead extension, anything in here throwing) or after
 * a generous limit (`limitMs`, 4 s) — and in block mode never on the limit. The draft is never changed by
 * the check, and the selection is saved when a send is held and restored when the dialog closes.
 */
import type { HostAdapter } from '../hosts/types';
import type { GuardSession } from './check';
import type { GuardDecision } from './decide';
import { DIALOG_TAG, type DialogResult, type DialogView } from './dialog';
import { isNativeButton, saveSelection, type Held } from './events';
import { Replayer, type HeldGesture } from './replay';
import { DEFAULT_LIMIT_MS, runCheck, type GuardResult, type HeldSend } from './flow';
import type { UiLang } from '../engine/types';

export type { GuardSession } from './check';

export interface GuardOptions {
  adapter: HostAdapter;
  sessions: () => Iterable<GuardSession>;
  show: (view: DialogView) => Promise<DialogResult>;
  document?: Document;
  /** Shows that the check is waiting for the coach; returns what hides it. */
  showChecking?: (uiLang: UiLang) => () => void;
  /** Fail open after this long without a decision, except in block mode (default 4 s). */
  limitMs?: number;
  log?: (error: unknown) => void;
  /** Called after each held send is settled (tests, QA). */
  onSettled?: (outcome: GuardOutcome) => void;
}

export type GuardOutcome = { result: GuardResult; ms: number; decision?: GuardDecision['action'] };

/** One held send: its gesture (./replay.ts) and its check (./flow.ts). */
interface Pending extends HeldSend, HeldGesture {}

export interface Guard {
  /** Whether a send is held now (checking, or the dialog is open). */
  readonly holding: boolean;
  stop(): void;
}

export function startGuard(options: GuardOptions): Guard {
  const doc = options.document ?? document;
  const view = doc.defaultView!;
  const limitMs = options.limitMs ?? DEFAULT_LIMIT_MS;
  const log = options.log ?? (() => undefined);
  const replayer = new Replayer(view);
  let pending: Pending | undefined;
  const controller = new AbortController();

  const elementOf = (target: EventTarget | null): Element | null =>
    target instanceof view.Element ? target : target instanceof view.Node ? target.parentElement : null;

  /** The session whose send control (or send menu item) contains `el`. */
  const controlOf = (el: Element): { session: GuardSession; control: HTMLElement } | undefined => {
    for (const session of options.sessions()) {
      if (!session.isCoached || session.guardMode === 'off') continue;
      const controls = [...options.adapter.findSendControls(session.editable), ...(options.adapter.findSendMenuItems?.(session.editable) ?? [])];
      const control = controls.find((c) => c.contains(el));
      if (control) return { session, control };
    }
    return undefined;
  };
  const boxOf = (el: Element): GuardSession | undefined => {
    for (const session of options.sessions())
      if (session.isCoached && session.guardMode !== 'off' && session.editable.contains(el)) return session;
    return undefined;
  };

  const hold = (e: Event) => {
    e.preventDefault();
    e.stopImmediatePropagation();
  };

  const settle = (p: Pending, result: GuardResult, decision?: GuardDecision['action']) => {
    if (p.settled) return;
    p.settled = true;
    if (pending === p) pending = undefined;
    options.onSettled?.({ result, ms: performance.now() - p.started, ...(decision ? { decision } : {}) });
  };

  const release = (p: Pending, result: GuardResult, decision?: GuardDecision['action']) => {
    if (p.settled) return;
    settle(p, result, decision);
    try {
      replayer.replay(p);
    } catch (error) {
      log(error);
    }
  };

  const start = (session: GuardSession, target: EventTarget, e: Held, expect?: Pending['expect']) => {
    const p: Pending = { session, target, events: [e], settled: false, selection: saveSelection(doc), started: performance.now() };
    if (expect) p.expect = expect;
    pending = p;
    runCheck(p, {
      document: doc,
      limitMs,
      show: options.show,
      ...(options.showChecking ? { showChecking: options.showChecking } : {}),
      release: (result, decision) => release(p, result, decision),
      settle: (result, decision) => settle(p, result, decision),
      log,
    });
  };

  /** Runs a handler so that no failure of ours ever reaches the page's event dispatch. */
  const safe =
    (fn: (e: Event) => void) =>
    (e: Event): void => {
      if (replayer.isReplayed(e)) return;
      try {
        fn(e);
      } catch (error) {
        log(error);
      }
    };

  const fromDialog = (e: Event) => {
    const el = elementOf(e.target);
    return el?.localName === DIALOG_TAG;
  };

  const onPointer = (e: Event) => {
    const m = e as MouseEvent;
    if (m.button !== 0 || fromDialog(e)) return;
    const el = elementOf(m.target);
    if (!el) return;
    if (pending) {
      // The gesture being held (its click after the mouseup), or a second press while we decide: hold it.
      const inControl = pending.target instanceof view.Node && pending.target.contains(el);
      if (!inControl) return;
      // Its click may come after the decision: a decision from the last answer is taken on mouseup.
      if (pending.expect?.type === 'click' && m.type === 'click') {
        (m as Event & { __tbTarget?: EventTarget }).__tbTarget = m.target!;
        pending.events.push(m);
        pending.expect = undefined;
      }
      hold(m);
      return;
    }
    if (m.type === 'click' && replayer.clickPasses(el)) return;
    const found = controlOf(el);
    if (!found) return;
    (m as Event & { __tbTarget?: EventTarget }).__tbTarget = m.target!;
    hold(m);
    start(found.session, found.control, m, m.type === 'mouseup' ? { type: 'click' } : undefined);
  };

  const onKey = (e: Event) => {
    const k = e as KeyboardEvent;
    if (k.type === 'keyup' && replayer.keyupHeld(k.key, elementOf(k.target))) {
      hold(k);
      return;
    }
    if (k.isComposing || fromDialog(e)) return;
    const isEnter = k.key === 'Enter';
    const isSpace = k.key === ' ';
    if (!isEnter && !isSpace) return;
    const el = elementOf(k.target);
    if (!el) return;
    if (pending) {
      if (k.type === 'keyup' && pending.expect?.type === 'keyup' && pending.expect.key === k.key && !pending.decided) {
        (k as Event & { __tbTarget?: EventTarget }).__tbTarget = k.target!;
        pending.events.push(k);
        pending.expect = undefined;
        hold(k);
        return;
      }
      // A repeated send gesture while we decide is held; ordinary typing never is.
      const repeatShortcut = isEnter && (k.ctrlKey || k.metaKey) && pending.session.editable.contains(el);
      const onControl = pending.target !== pending.session.editable && pending.target instanceof view.Node && pending.target.contains(el);
      if (k.type === 'keydown' && (repeatShortcut || onControl)) hold(k);
      return;
    }
    if (k.type !== 'keydown') return;
    // Ctrl/Cmd+Enter in the compose box.
    if (isEnter && (k.ctrlKey || k.metaKey) && !k.altKey) {
      const session = boxOf(el);
      if (session) {
        (k as Event & { __tbTarget?: EventTarget }).__tbTarget = k.target!;
        hold(k);
        start(session, session.editable, k);
        return;
      }
    }
    // Enter/Space on a focused send control that is not a native button (a native button turns
    // them into a click, which the pointer handler catches).
    if (k.ctrlKey || k.metaKey || k.altKey || k.shiftKey) return;
    const found = controlOf(el);
    if (!found || isNativeButton(found.control)) return;
    (k as Event & { __tbTarget?: EventTarget }).__tbTarget = k.target!;
    hold(k);
    start(found.session, found.control, k, isSpace ? { type: 'keyup', key: ' ' } : undefined);
  };

  const opts = { capture: true, signal: controller.signal };
  view.addEventListener('mouseup', safe(onPointer), opts);
  view.addEventListener('click', safe(onPointer), opts);
  view.addEventListener('keydown', safe(onKey), opts);
  view.addEventListener('keyup', safe(onKey), opts);

  return {
    get holding() {
      return pending !== undefined;
    },
    stop() {
      controller.abort();
      if (pending && !pending.decided) release(pending, 'failed');
    },
  };
}
