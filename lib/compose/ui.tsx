/**
 * The badge on each compose box and the card a finding opens: Preact, rendered into Tonebridge's own
 * shadow root (never into the page's or the editor's DOM), keyboard accessible, English or Japanese.
 */
import { render } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Coverage, DetectedLang, FindingKind, Level, Scores, UiLang } from '../engine/types';
import type { MarketChoice } from '../contract/messages';
import { uiStrings } from '../ui/strings';
import { KIND_COLORS } from './paint';

/** `off`: the agent turned coaching off for this site; nothing is shown. */
export type SessionState = 'loading' | 'ready' | 'error' | 'off';

export interface ViewFinding {
  key: string;
  kind: FindingKind;
  level: Exclude<Level, 'off'>;
  message: string;
  reason: string;
  fixes: string[];
}

export interface Point {
  top: number;
  left: number;
}

/** Where the card goes: below the words (`top`) or, near the bottom of the window, above them (`bottom`). */
export interface CardPlace {
  left: number;
  top?: number;
  bottom?: number;
}

export interface UiView {
  uiLang: UiLang;
  state: SessionState;
  market?: MarketChoice;
  findings: ViewFinding[];
  coverage?: Coverage;
  scores?: Scores;
  lang?: DetectedLang;
  /** Index of the finding whose card is open. */
  active: number | null;
  notice?: string;
  /** Where the badge sits (client coordinates of its bottom-right corner); null when hidden. */
  badge: Point | null;
  /** Where the card opens (client coordinates). */
  card: CardPlace | null;
}

export interface UiActions {
  open(index: number): void;
  close(restoreFocus: boolean): void;
  apply(index: number, fix: number): void;
  dismiss(index: number): void;
  retry(): void;
}

export const UI_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.badge, .card { font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", Meiryo, sans-serif; color: #1f1f1f; }
.badge { position: fixed; transform: translate(-100%, -100%); display: flex; align-items: center; gap: 6px; padding: 3px 8px 3px 6px; border: 1px solid #dadce0; border-radius: 14px; background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.15); cursor: pointer; white-space: nowrap; pointer-events: auto; }
.badge:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.dot { width: 8px; height: 8px; border-radius: 50%; background: #1e8e3e; flex: none; }
.dot.loading { background: #9aa0a6; animation: pulse 1s infinite alternate; }
.dot.error { background: #d93025; }
.dot.findings { background: #f29900; }
@keyframes pulse { from { opacity: .35 } to { opacity: 1 } }
.market { font-weight: 600; }
.count { min-width: 18px; padding: 0 5px; border-radius: 9px; background: #f29900; color: #fff; font-weight: 600; text-align: center; }
.count.zero { background: #e6f4ea; color: #137333; }
.cov { display: flex; gap: 4px; }
.chip { padding: 0 5px; border-radius: 8px; font-size: 11px; background: #f1f3f4; color: #5f6368; }
.chip.yes { background: #e6f4ea; color: #137333; }
.chip.no { background: #fce8e6; color: #c5221f; }
.card { position: fixed; width: 340px; max-width: calc(100vw - 16px); padding: 12px 14px; border-radius: 10px; background: #fff; border: 1px solid #dadce0; box-shadow: 0 6px 24px rgba(0,0,0,.2); pointer-events: auto; }
.card header { display: flex; align-items: center; gap: 8px; margin-bottom: 6px; }
.kind { padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 12px; font-weight: 600; }
.level { color: #5f6368; font-size: 12px; }
.spacer { flex: 1; }
.card p { margin: 6px 0; }
.message { font-weight: 600; }
.reason { color: #3c4043; }
.reason b { font-weight: 600; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; }
button { font: inherit; cursor: pointer; border-radius: 16px; padding: 4px 12px; border: 1px solid #dadce0; background: #fff; color: #1f1f1f; }
button.fix { background: #0b57d0; border-color: #0b57d0; color: #fff; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
button.icon { border: 0; padding: 2px 6px; background: transparent; font-size: 16px; line-height: 1; }
.nav { display: flex; align-items: center; gap: 4px; color: #5f6368; font-size: 12px; }
.notice { margin-top: 8px; color: #b06000; font-size: 12px; }
.underlines { position: fixed; inset: 0; pointer-events: none; }
.underline { position: fixed; border-bottom: 2px wavy var(--tb-color); background: color-mix(in srgb, var(--tb-color) 8%, transparent); }
.underline.info { border-bottom-style: dotted; }
.underline.active { background: #fbbc0466; }
`;

function coverageChips(view: UiView, t: ReturnType<typeof uiStrings>) {
  const c = view.coverage;
  if (!c) return [];
  const chip = (label: string, state: 'yes' | 'no' | 'na') => ({ label, state });
  const chips = [
    chip(t.apology, !c.problem && !c.apology ? 'na' : c.apology ? 'yes' : 'no'),
    chip(t.cause, !c.problem && !c.cause ? 'na' : c.cause ? 'yes' : 'no'),
    chip(t.nextStep, c.nextStep || c.remedy ? 'yes' : 'no'),
  ];
  if (view.lang === 'ja' || view.lang === 'mixed') {
    const f = view.scores?.formality;
    chips.push(chip(t.keigo, f === undefined ? 'na' : f >= 0.6 ? 'yes' : 'no'));
  } else {
    const w = view.scores?.warmth;
    chips.push(chip(t.warmth, w === undefined ? 'na' : w >= 0.5 ? 'yes' : 'no'));
  }
  return chips;
}

function Badge({ view, actions }: { view: UiView; actions: UiActions }) {
  if (!view.badge) return null;
  const t = uiStrings(view.uiLang);
  const n = view.findings.length;
  const marketName = view.market?.name ?? '';
  const stateClass = view.state === 'ready' ? (n > 0 ? 'findings' : '') : view.state;
  const onClick = () => {
    if (view.state === 'error') actions.retry();
    else if (n > 0) actions.open(view.active ?? 0);
  };
  const chips = view.state === 'ready' ? coverageChips(view, t) : [];
  const title =
    view.state === 'loading' ? t.loading : view.state === 'error' ? `${t.error} — ${t.retry}` : t.badgeLabel(marketName, n);
  return (
    <button
      type="button"
      class="badge"
      part="badge"
      style={{ top: `${view.badge.top}px`, left: `${view.badge.left}px` }}
      aria-label={title}
      title={title}
      onClick={onClick}
    >
      <span class={`dot ${stateClass}`} />
      {view.state === 'loading' && <span>{t.loading}</span>}
      {view.state === 'error' && <span>{t.retry}</span>}
      {view.state === 'ready' && (
        <>
          <span class="market">{marketName}</span>
          <span class={`count${n === 0 ? ' zero' : ''}`}>{n}</span>
          <span class="cov">
            {chips.map((c) => (
              <span class={`chip ${c.state}`} title={`${c.label}: ${c.state === 'yes' ? t.covered : c.state === 'no' ? t.missing : t.notNeeded}`}>
                {c.state === 'yes' ? '✓' : c.state === 'no' ? '✗' : '–'} {c.label}
              </span>
            ))}
          </span>
        </>
      )}
    </button>
  );
}

function Card({ view, actions }: { view: UiView; actions: UiActions }) {
  const first = useRef<HTMLButtonElement>(null);
  const index = view.active;
  const finding = index === null ? undefined : view.findings[index];
  const key = finding?.key;
  useLayoutEffect(() => {
    first.current?.focus({ preventScroll: true });
  }, [key]);
  if (index === null || !finding || !view.card) return null;
  const t = uiStrings(view.uiLang);
  const n = view.findings.length;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      actions.close(true);
    }
  };
  const id = `tb-card-${index}`;
  return (
    <div
      class="card"
      part="card"
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${id}-message`}
      aria-describedby={`${id}-reason`}
      style={{
        left: `${view.card.left}px`,
        ...(view.card.top !== undefined ? { top: `${view.card.top}px` } : { bottom: `${view.card.bottom ?? 8}px` }),
      }}
      onKeyDown={onKeyDown}
      data-rule-kind={finding.kind}
    >
      <header>
        <span class="kind" style={{ background: KIND_COLORS[finding.kind] }}>
          {t.kind[finding.kind]}
        </span>
        <span class="level">{t.level[finding.level]}</span>
        <span class="spacer" />
        {n > 1 && (
          <span class="nav">
            <button type="button" class="icon" aria-label={t.previous} onClick={() => actions.open((index + n - 1) % n)}>
              ‹
            </button>
            <span>{t.position(index + 1, n)}</span>
            <button type="button" class="icon" aria-label={t.next} onClick={() => actions.open((index + 1) % n)}>
              ›
            </button>
          </span>
        )}
        <button type="button" class="icon" aria-label={t.close} onClick={() => actions.close(true)}>
          ×
        </button>
      </header>
      <p class="message" id={`${id}-message`}>
        {finding.message}
      </p>
      <p class="reason" id={`${id}-reason`}>
        <b>{t.why}: </b>
        {finding.reason}
      </p>
      <div class="actions">
        {finding.fixes.map((label, i) => (
          <button type="button" class="fix" ref={i === 0 ? first : undefined} onClick={() => actions.apply(index, i)}>
            {label}
          </button>
        ))}
        <button type="button" class="dismiss" ref={finding.fixes.length === 0 ? first : undefined} onClick={() => actions.dismiss(index)}>
          {t.dismiss}
        </button>
      </div>
      {view.notice && (
        <p class="notice" role="status">
          {view.notice}
        </p>
      )}
    </div>
  );
}

function App({ view, actions }: { view: UiView; actions: UiActions }) {
  if (view.state === 'off') return null;
  return (
    <>
      <Badge view={view} actions={actions} />
      <Card view={view} actions={actions} />
    </>
  );
}

/** Renders the session's UI into its shadow root (`container` is a plain element inside it). */
export function renderUi(container: Element, view: UiView, actions: UiActions): void {
  render(<App view={view} actions={actions} />, container);
}

export function unmountUi(container: Element): void {
  render(null, container);
}
