/**
 * One compose box being coached: read the draft, ask the coach, draw underlines and the badge, open
 * cards, apply fixes through the host's editing path, and keep all of it out of the agent's way.
 *
 * Timing. Each input moves the current underlines with the text at once (lib/compose/remap.ts), so
 * they never sit on the wrong words; then the draft is analysed when typing pauses: at most one
 * request is in flight, and keystrokes that arrive meanwhile are folded into the next request.
 * While an IME composition is open (Japanese input) nothing is analysed until it ends.
 *
 * Safety. Every handler is guarded: a failure in Tonebridge is logged quietly and never reaches the
 * page's event dispatch; nothing here cancels the agent's keystrokes or edits the editor's DOM.
 */
import type { Finding, Report, UiLang } from '../engine/types';
import type { HostAdapter } from '../hosts/types';
import type { GuardFinding } from '../guard/decide';
import { ContextInvalidatedError } from '../contract/transport';
import type { AnalyzeReady, GuardInfo, MarketChoice, RenderedFinding } from '../contract/messages';
import type { MarketSetting } from '../contract/settings';
import { guessUiLang, uiStrings } from '../ui/strings';
import type { CoachClient } from './client';
import { adoptCss, HighlightPainter, highlightsSupported, RectPainter, type PaintItem, type Painter } from './paint';
import { diffTexts, moveSpan, moveSpans, type Change } from './remap';
import { PlainSurface, RichSurface, type Surface } from './surface';
import { renderUi, UI_CSS, unmountUi, type CardPlace, type Point, type SessionState, type UiView } from './ui';

/** The element that hosts a compose box's badge (and card); its attributes are a public contract. */
export const BADGE_TAG = 'tonebridge-badge';

/** Events the badge host dispatches, for QA scripts and the performance report. */
export const EVENTS = {
  /** Underlines moved with an edit (synchronously, in the input handler). */
  remapped: 'tonebridge:remapped',
  /** A fresh analysis was drawn. */
  analyzed: 'tonebridge:analyzed',
} as const;

/** What the pre-send check learns from a fresh analysis of the final text. */
export interface PreSendCheck {
  text: string;
  uiLang: UiLang;
  /** The market's name in the UI language. */
  market?: string;
  guard: GuardInfo;
  /** The open (not dismissed) findings, in text order. */
  findings: GuardFinding[];
}

export interface SessionOptions {
  adapter: HostAdapter;
  client: CoachClient;
  /** The extension was reloaded or removed: the manager tears every session down. */
  onInvalidated: () => void;
  /** Whether the extension is still there (checked on every edit and focus; cheap). */
  alive?: () => boolean;
  /** Extra delay after an input before analysing, in ms (default 0: the in-flight request is the pause). */
  pauseMs?: number;
  /** Market override for every request (demo, tests); absent = the agent's setting. */
  market?: MarketSetting;
  log?: (error: unknown) => void;
}

interface OpenFinding {
  key: string;
  finding: Finding;
  rendered: RenderedFinding;
  /** The span in the current text. */
  start: number;
  end: number;
}

/** Dismissals are per message: a rule, its message, and the words it was about. */
function findingKey(f: Finding, text: string): string {
  return `${f.ruleId}\u0000${f.message.id}\u0000${text.slice(f.start, f.end)}`;
}

/**
 * What to underline for a finding. An insertion point (something missing) underlines the text the
 * insertion goes before: the rest of its line, or the next non-empty line.
 */
export function displaySpan(text: string, start: number, end: number): { start: number; end: number } {
  if (end > start) return { start, end };
  let s = start;
  while (s < text.length && /\s/.test(text[s]!)) s++;
  let e = s;
  while (e < text.length && text[e] !== '\n') e++;
  if (e > s) {
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    return { start: s, end: e };
  }
  // Nothing after the insertion point: the last non-empty line before it.
  e = start;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  s = e;
  while (s > 0 && text[s - 1] !== '\n') s--;
  return { start: s, end: e };
}

export class ComposeSession {
  readonly host: HTMLElement;
  private readonly surface: Surface;
  private readonly painter: Painter;
  private readonly uiRoot: HTMLElement;
  private readonly listeners = new AbortController();
  private readonly resizeObserver?: ResizeObserver;
  private readonly mutations?: MutationObserver;
  private state: SessionState = 'loading';
  private uiLang: UiLang = guessUiLang();
  private market?: MarketChoice;
  private analyzed?: { text: string; report: Report };
  private open: OpenFinding[] = [];
  private readonly dismissed = new Set<string>();
  private active: number | null = null;
  private notice?: string;
  private inFlight = false;
  private dirty = false;
  private composing = false;
  private coached = false;
  private disposed = false;
  private timer?: ReturnType<typeof setTimeout>;
  private frame?: number;
  private lastWarm = 0;

  constructor(
    readonly editable: HTMLElement,
    private readonly options: SessionOptions,
  ) {
    const doc = editable.ownerDocument;
    this.host = doc.createElement(BADGE_TAG);
    this.host.setAttribute('data-tonebridge-host', options.adapter.id);
    this.host.setAttribute('data-tonebridge-state', 'loading');
    this.host.setAttribute('data-tonebridge-findings', '0');
    const hs = this.host.style;
    hs.setProperty('position', 'fixed', 'important');
    hs.setProperty('top', '0', 'important');
    hs.setProperty('left', '0', 'important');
    hs.setProperty('width', '0', 'important');
    hs.setProperty('height', '0', 'important');
    hs.setProperty('z-index', '2147483600', 'important');
    hs.setProperty('pointer-events', 'none', 'important');
    hs.setProperty('display', 'none', 'important'); // until the adapter says the box is coached
    const shadow = this.host.attachShadow({ mode: 'open' });
    adoptCss(shadow, UI_CSS);
    this.uiRoot = doc.createElement('div');
    shadow.append(this.uiRoot);
    (doc.body ?? doc.documentElement).append(this.host);

    const exclude = (el: Element) => options.adapter.isExcluded(el);
    this.surface =
      editable instanceof HTMLTextAreaElement ? new PlainSurface(editable, shadow) : new RichSurface(editable, exclude);
    this.painter =
      this.surface instanceof RichSurface && highlightsSupported()
        ? new HighlightPainter(this.surface)
        : new RectPainter(this.surface, shadow);
    this.surface.read();

    const signal = this.listeners.signal;
    const on = (target: EventTarget, type: string, handler: (e: Event) => void, capture = false) =>
      target.addEventListener(type, this.guard(handler), { signal, capture, passive: type !== 'keydown' });
    on(editable, 'input', (e) => this.onInput(e as InputEvent));
    on(editable, 'compositionstart', () => (this.composing = true));
    on(editable, 'compositionend', () => {
      this.composing = false;
      this.onInput(undefined, true);
    });
    on(editable, 'focus', () => this.onFocus());
    on(editable, 'click', (e) => this.onClick(e as MouseEvent));
    on(editable, 'keydown', (e) => this.onKeyDown(e as KeyboardEvent));
    const view = doc.defaultView;
    if (view) {
      on(view, 'scroll', () => this.scheduleReposition(), true);
      on(view, 'resize', () => this.scheduleReposition());
    }
    on(doc, 'pointerdown', (e) => this.onPointerDown(e), true);
    // Editors with their own model (CKEditor) cancel the native input and render the change
    // themselves, so no `input` event fires: watch the editable's text as well (read only).
    if (this.surface instanceof RichSurface && typeof MutationObserver === 'function') {
      this.mutations = new MutationObserver(this.guard(() => this.onInput()));
      this.mutations.observe(editable, { childList: true, characterData: true, subtree: true });
    }
    if (typeof ResizeObserver === 'function') {
      this.resizeObserver = new ResizeObserver(this.guard(() => this.scheduleReposition()));
      this.resizeObserver.observe(editable);
    }
  }

  /** Switches coaching on or off (hidden ticket tab, internal note, minimised window …). */
  setCoached(coached: boolean): void {
    if (this.disposed || coached === this.coached) return;
    this.coached = coached;
    this.host.style.setProperty('display', coached ? 'block' : 'none', 'important');
    if (!coached) {
      this.active = null;
      this.painter.clear();
      this.render();
      return;
    }
    this.surface.read();
    this.render();
    this.schedule(0);
  }

  get isCoached(): boolean {
    return this.coached;
  }

  /** The open findings with their spans in the current text (for tests and QA). */
  get findings(): { ruleId: string; start: number; end: number; message: string }[] {
    return this.open.map((o) => ({ ruleId: o.finding.ruleId, start: o.start, end: o.end, message: o.rendered.message }));
  }

  /** The current session state and the draft as read. */
  get status(): { state: SessionState; text: string; market?: string } {
    return { state: this.state, text: this.surface.text, market: this.market?.id };
  }

  /** The page's layout may have moved (a window opened or closed): move the badge and underlines. */
  reposition(): void {
    this.scheduleReposition();
  }

  /** Settings changed (market, UI language): analyse again now. */
  refresh(): void {
    if (this.coached) this.schedule(0);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.listeners.abort();
    this.resizeObserver?.disconnect();
    this.mutations?.disconnect();
    if (this.timer !== undefined) clearTimeout(this.timer);
    const view = this.editable.ownerDocument.defaultView;
    if (this.frame !== undefined && view) view.cancelAnimationFrame(this.frame);
    try {
      this.painter.clear();
      unmountUi(this.uiRoot);
      this.surface.dispose();
    } finally {
      this.host.remove();
    }
  }

  // ---------------------------------------------------------------- events

  private guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
    return (...args: A) => {
      if (this.disposed) return;
      if (this.options.alive && !this.options.alive()) {
        // Orphaned (the extension was reloaded): go away quietly instead of drawing stale findings.
        this.options.onInvalidated();
        return;
      }
      try {
        fn(...args);
      } catch (error) {
        this.options.log?.(error);
      }
    };
  }

  /** An edit (input event, or a mutation of the editable's text); `force` analyses even without a change. */
  private onInput(e?: InputEvent, force = false): void {
    if (!this.coached) return;
    const before = this.surface.text;
    const after = this.surface.read();
    const change = diffTexts(before, after);
    if (change) {
      this.moveFindings(change);
      this.host.dispatchEvent(new CustomEvent(EVENTS.remapped));
    }
    if (this.composing || e?.isComposing) return;
    if (change || force) this.schedule(this.options.pauseMs ?? 0);
  }

  private onFocus(): void {
    if (!this.coached) return;
    const now = Date.now();
    if (now - this.lastWarm > 10_000) {
      this.lastWarm = now;
      this.options.client.warm(['ja']).catch((error: unknown) => this.handleError(error));
    }
    if (!this.analyzed || this.analyzed.text !== this.surface.read()) this.schedule(0);
  }

  private onClick(e: MouseEvent): void {
    if (!this.coached || this.open.length === 0) return;
    const text = this.surface.text;
    let best: number | null = null;
    let bestLength = Infinity;
    this.open.forEach((o, i) => {
      const span = displaySpan(text, o.start, o.end);
      for (const r of this.surface.rects(span.start, span.end)) {
        if (e.clientX >= r.left - 1 && e.clientX <= r.right + 1 && e.clientY >= r.top - 2 && e.clientY <= r.bottom + 4) {
          if (span.end - span.start < bestLength) {
            best = i;
            bestLength = span.end - span.start;
          }
        }
      }
    });
    if (best !== null) this.openCard(best);
    else if (this.active !== null) this.closeCard(false);
  }

  private onKeyDown(e: KeyboardEvent): void {
    // Alt+Shift+T opens the card of the finding at the caret (or the first one).
    if (!(e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyT')) return;
    if (!this.coached || this.open.length === 0) return;
    e.preventDefault();
    const caret = this.surface.caret();
    const text = this.surface.text;
    const at =
      caret === undefined
        ? -1
        : this.open.findIndex((o) => {
            const span = displaySpan(text, o.start, o.end);
            return caret >= span.start && caret <= span.end;
          });
    this.openCard(at >= 0 ? at : 0);
  }

  private onPointerDown(e: Event): void {
    if (this.active === null) return;
    const path = e.composedPath();
    if (path.includes(this.host) || path.includes(this.editable)) return;
    this.closeCard(false);
  }

  // ---------------------------------------------------------------- analysis

  private schedule(delay: number): void {
    if (this.disposed) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, delay);
  }

  /** Analyses the draft; keystrokes that arrive meanwhile are folded into one more request. */
  private async run(): Promise<void> {
    if (this.disposed || !this.coached) return;
    if (this.inFlight) {
      this.dirty = true;
      return;
    }
    this.inFlight = true;
    try {
      do {
        this.dirty = false;
        const text = this.surface.read();
        const answer = await this.ask(text);
        if (this.disposed) return;
        if (!answer.ok) {
          this.setError(answer.error);
          continue;
        }
        this.market = answer.market;
        this.uiLang = answer.uiLang;
        if (answer.state === 'loading') {
          // Never findings computed without the language: show "loading" and wait for it.
          this.state = 'loading';
          this.open = [];
          this.active = null;
          this.update();
          const ready = await this.options.client.warm(answer.langs);
          if (this.disposed) return;
          if (!ready) {
            this.setError('the Japanese dictionary could not be loaded');
            continue;
          }
          this.dirty = true;
          continue;
        }
        if (answer.state === 'disabled') {
          // Turned off by the agent (everywhere or on this site): no underlines, no badge.
          this.state = 'off';
          this.lastGuard = 'off'; // Tonebridge is off here: so is the pre-send check.
          this.analyzed = undefined;
          this.open = [];
          this.active = null;
          this.update();
          continue;
        }
        if (text.trim() === '' && this.surface.read().trim() !== '' && this.state === 'loading') {
          // The answer for the empty box the page opened with came after the agent started typing:
          // "no suggestions" would be a claim about text nobody checked. Ask again for this text.
          this.dirty = true;
          continue;
        }
        this.accept(text, answer);
      } while (this.dirty && !this.disposed);
    } catch (error) {
      this.handleError(error);
    } finally {
      this.inFlight = false;
    }
  }

  private handleError(error: unknown): void {
    if (error instanceof ContextInvalidatedError) {
      this.options.onInvalidated();
      return;
    }
    this.setError(error instanceof Error ? error.message : String(error));
  }

  private setError(message: string): void {
    this.options.log?.(new Error(message));
    this.state = 'error';
    this.open = [];
    this.active = null;
    this.update();
  }

  private accept(text: string, answer: AnalyzeReady): void {
    const current = this.surface.read();
    const change = diffTexts(text, current);
    const activeKey = this.active === null ? undefined : this.open[this.active]?.key;
    this.analyzed = { text, report: answer.report };
    this.lastGuard = answer.guard?.mode ?? 'off';
    this.open = [];
    answer.report.findings.forEach((finding, i) => {
      const key = findingKey(finding, text);
      if (this.dismissed.has(key)) return;
      const moved = moveSpan(finding, change);
      if (!moved) return;
      this.open.push({ key, finding, rendered: answer.rendered[i]!, ...moved });
    });
    this.state = 'ready';
    const stillActive = activeKey === undefined ? -1 : this.open.findIndex((o) => o.key === activeKey);
    this.active = stillActive >= 0 ? stillActive : null;
    if (change) this.dirty = true;
    this.update();
    this.host.dispatchEvent(new CustomEvent(EVENTS.analyzed));
  }

  private moveFindings(change: Change): void {
    const activeKey = this.active === null ? undefined : this.open[this.active]?.key;
    this.open = this.open.flatMap((o) => {
      const moved = moveSpan(o, change);
      return moved ? [{ ...o, ...moved }] : [];
    });
    const still = activeKey === undefined ? -1 : this.open.findIndex((o) => o.key === activeKey);
    this.active = still >= 0 ? still : null;
    this.notice = undefined;
    this.update();
  }

  // ---------------------------------------------------------------- card and fixes

  private openCard(index: number): void {
    if (index < 0 || index >= this.open.length) return;
    this.active = index;
    this.notice = undefined;
    this.update();
  }

  private closeCard(restoreFocus: boolean): void {
    this.active = null;
    this.notice = undefined;
    this.update();
    if (restoreFocus) this.editable.focus({ preventScroll: true });
  }

  /** Applies fix `fixIndex` of open finding `index`; resolves whether the editor took it. */
  async apply(index: number, fixIndex: number): Promise<boolean> {
    const open = this.open[index];
    const fix = open?.finding.fixes[fixIndex];
    if (!open || !fix || !this.analyzed) return false;
    try {
      const current = this.surface.read();
      const edits = moveSpans(fix.edits, diffTexts(this.analyzed.text, current));
      if (!edits) {
        this.notice = uiStrings(this.uiLang).applyFailed;
        this.update();
        this.schedule(0);
        return false;
      }
      this.active = null;
      this.update();
      // Last edit first, so the earlier offsets stay valid.
      for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
        const fullText = this.surface.read();
        const ok = await this.options.adapter.replace(this.editable, {
          start: edit.start,
          end: edit.end,
          text: edit.text,
          fullText,
          expected: fullText.slice(edit.start, edit.end),
          range: this.surface.range(edit.start, edit.end),
        });
        if (!ok) throw new Error(`the editor refused the edit at ${edit.start}`);
        // Editors that apply asynchronously (through their model) may not have fired input yet.
        this.onInput();
      }
      this.schedule(0);
      return true;
    } catch (error) {
      this.options.log?.(error);
      this.notice = uiStrings(this.uiLang).applyFailed;
      this.schedule(0);
      this.update();
      return false;
    }
  }

  private dismiss(index: number): void {
    const open = this.open[index];
    if (!open) return;
    this.dismissed.add(open.key);
    this.open.splice(index, 1);
    this.active = this.open.length === 0 ? null : Math.min(index, this.open.length - 1);
    this.update();
    if (this.active === null) this.editable.focus({ preventScroll: true });
  }

  // ---------------------------------------------------------------- pre-send check (lib/guard)

  /** "Don't ask again for this message" (the pre-send check, warn-level findings). */
  guardSkipAsk = false;

  private lastGuard?: string;

  /** The pre-send check's mode as of the last analysis (`off`: sends go straight through). */
  get guardMode(): string | undefined {
    return this.lastGuard;
  }

  /** Asks the coach about `text` with the host's context (a throwing adapter gives no context). */
  private ask(text: string) {
    let context = {};
    try {
      context = this.options.adapter.readContext(this.editable);
    } catch (error) {
      this.options.log?.(error);
    }
    return this.options.client.analyze(text, context, this.options.market);
  }

  /**
   * The pre-send check's view of this box: analyses the text as it is NOW (never a stale report),
   * draws the answer as usual, and resolves the open findings and the guard mode; undefined when no
   * decision is possible (not coached, loading, failure), which lets the send through.
   */
  async checkNow(): Promise<PreSendCheck | undefined> {
    if (this.disposed || !this.coached) return undefined;
    const text = this.surface.read();
    const answer = await this.ask(text);
    if (this.disposed || !answer.ok || answer.state !== 'ready') return undefined;
    this.market = answer.market;
    this.uiLang = answer.uiLang;
    this.accept(text, answer);
    return {
      text,
      uiLang: answer.uiLang,
      market: answer.market.name,
      guard: answer.guard ?? { mode: 'off' },
      findings: this.open.map((o) => ({
        key: o.key,
        ruleId: o.finding.ruleId,
        kind: o.finding.kind,
        level: o.finding.level,
        message: o.rendered.message,
        holdsSend: o.finding.holdsSend !== false,
      })),
    };
  }

  /** Opens the card of an open finding (the pre-send check's Review); resolves whether it exists. */
  reviewFinding(key: string): boolean {
    const index = this.open.findIndex((o) => o.key === key);
    if (index < 0) return false;
    this.openCard(index);
    return true;
  }

  /** Dismisses an open finding for this message with the agent's reason (block mode); the reason is kept for the session. */
  dismissWithReason(key: string, reason: string): boolean {
    const index = this.open.findIndex((o) => o.key === key);
    if (index < 0 || reason.trim() === '') return false;
    this.dismissReasons.set(key, reason.trim());
    this.dismissed.add(key);
    this.open.splice(index, 1);
    if (this.active !== null) this.active = null;
    this.update();
    return true;
  }

  /** Reasons the agent gave for dismissing findings in block mode, by finding key. */
  readonly dismissReasons = new Map<string, string>();

  // ---------------------------------------------------------------- drawing

  private scheduleReposition(): void {
    const view = this.editable.ownerDocument.defaultView;
    if (!view || this.frame !== undefined || !this.coached) return;
    this.frame = view.requestAnimationFrame(
      this.guard(() => {
        this.frame = undefined;
        this.painter.reposition();
        this.render();
      }),
    );
  }

  /** Paints the underlines and renders the badge and card. */
  private update(): void {
    if (!this.coached) return;
    const text = this.surface.text;
    const items: PaintItem[] = this.open.map((o, i) => ({
      ...displaySpan(text, o.start, o.end),
      kind: o.finding.kind,
      level: o.finding.level,
      active: i === this.active,
    }));
    this.painter.paint(items.filter((item) => item.end > item.start));
    this.render();
  }

  private badgePoint(): Point | null {
    const view = this.editable.ownerDocument.defaultView;
    if (!view) return null;
    const r = this.editable.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.bottom < 0 || r.top > view.innerHeight) return null;
    return { top: Math.min(r.bottom, view.innerHeight) - 6, left: Math.min(r.right, view.innerWidth) - 6 };
  }

  private cardPoint(): CardPlace | null {
    if (this.active === null) return null;
    const view = this.editable.ownerDocument.defaultView;
    const open = this.open[this.active];
    if (!view || !open) return null;
    const span = displaySpan(this.surface.text, open.start, open.end);
    const rect = this.surface.rects(span.start, span.end)[0] ?? this.editable.getBoundingClientRect();
    const width = 348;
    const left = Math.max(8, Math.min(rect.left, view.innerWidth - width));
    // Below the words when there is room for a card, else above them (anchored by its bottom edge).
    if (rect.bottom + 6 <= view.innerHeight - 260) return { top: rect.bottom + 6, left };
    return { bottom: Math.max(8, view.innerHeight - rect.top + 6), left };
  }

  private render(): void {
    if (this.disposed) return;
    const report = this.analyzed?.report;
    const h = this.host;
    h.setAttribute('data-tonebridge-state', this.state);
    h.setAttribute('data-tonebridge-findings', String(this.state === 'ready' ? this.open.length : 0));
    if (this.market) h.setAttribute('data-tonebridge-market', this.market.id);
    else h.removeAttribute('data-tonebridge-market');
    const view: UiView = {
      uiLang: this.uiLang,
      state: this.state,
      market: this.market,
      findings: this.open.map((o) => ({
        key: o.key,
        kind: o.finding.kind,
        level: o.finding.level,
        message: o.rendered.message,
        reason: o.rendered.reason,
        fixes: o.rendered.fixes,
      })),
      coverage: report?.coverage,
      scores: report?.scores,
      lang: report?.lang,
      active: this.active,
      notice: this.notice,
      badge: this.coached ? this.badgePoint() : null,
      card: this.coached ? this.cardPoint() : null,
    };
    renderUi(this.uiRoot, view, {
      open: this.guard((i: number) => this.openCard(i)),
      close: this.guard((restore: boolean) => this.closeCard(restore)),
      apply: this.guard((i: number, f: number) => void this.apply(i, f)),
      dismiss: this.guard((i: number) => this.dismiss(i)),
      retry: this.guard(() => {
        this.state = 'loading';
        this.update();
        this.schedule(0);
      }),
    });
  }
}
