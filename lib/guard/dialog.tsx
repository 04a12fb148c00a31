/**
 * The pre-send dialog: Preact in Tonebridge's own shadow root, keyboard first — focus starts on
 * Review and is trapped in the dialog, Esc means Review, Tab cycles. It never touches the draft.
 *
 * - warn: what is missing for this market, Review / Send anyway, and "don't ask again for this message";
 * - block (an admin's pack): the block-level items each need a typed reason before "Dismiss with
 *   reason and send" is enabled; the dialog names the pack and where it came from.
 */
import { render } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { UiLang } from '../engine/types';
import type { GuardInfo } from '../contract/messages';
import type { MissingItem } from './decide';
import { guardStrings } from './strings';

export const DIALOG_TAG = 'tonebridge-guard';
/** The "checking" note shown while a held send waits for the coach. */
export const CHECKING_TAG = 'tonebridge-guard-status';

export interface DialogView {
  uiLang: UiLang;
  market?: string;
  guard: GuardInfo;
  /** Items that must be fixed or dismissed with a reason (block mode). */
  blocking: MissingItem[];
  /** Items the agent may send anyway. */
  warnings: MissingItem[];
}

export type DialogResult =
  | { action: 'review' }
  | { action: 'send'; dontAskAgain: boolean; reasons: { keys: string[]; reason: string }[] };

export const DIALOG_CSS = `
:host { all: initial; }
.backdrop { position: fixed; inset: 0; background: rgba(32,33,36,.28); z-index: 2147483646; }
.dialog { position: fixed; left: 50%; top: 18vh; transform: translateX(-50%); width: min(440px, calc(100vw - 32px));
  background: #fff; color: #1f1f1f; border-radius: 12px; box-shadow: 0 8px 28px rgba(0,0,0,.3); padding: 18px 20px 16px;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans JP", sans-serif; z-index: 2147483647; }
h2 { font-size: 16px; margin: 0 0 6px; font-weight: 600; }
p { margin: 0 0 8px; color: #444; }
ul { margin: 0 0 10px; padding-left: 20px; }
li { margin: 2px 0; }
li.block { color: #a50e0e; font-weight: 600; }
.setby { font-size: 12px; color: #5e5e5e; margin: 0 0 8px; }
label.reason { display: block; font-size: 12px; margin: 6px 0 2px; color: #3c4043; }
input[type="text"] { width: 100%; box-sizing: border-box; font: inherit; padding: 5px 8px; border: 1px solid #9aa0a6; border-radius: 6px; }
.check { display: flex; gap: 6px; align-items: center; font-size: 13px; margin: 6px 0 4px; }
.actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 12px; }
button { font: inherit; border-radius: 18px; padding: 6px 16px; cursor: pointer; border: 1px solid #747775; background: #fff; color: #0b57d0; }
button.primary { background: #0b57d0; color: #fff; border-color: #0b57d0; }
button:disabled { opacity: .5; cursor: default; }
button:focus-visible, input:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
`;

function Dialog({ view, done }: { view: DialogView; done: (result: DialogResult) => void }) {
  const t = guardStrings(view.uiLang);
  const review = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const [reasons, setReasons] = useState<string[]>(() => view.blocking.map(() => ''));
  const [dontAsk, setDontAsk] = useState(false);
  useLayoutEffect(() => {
    review.current?.focus({ preventScroll: true });
  }, []);
  const blocked = view.blocking.length > 0;
  const ready = reasons.every((r) => r.trim() !== '');
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      done({ action: 'review' });
      return;
    }
    if (e.key !== 'Tab') return;
    // Focus trap: Tab and Shift+Tab cycle inside the dialog.
    const focusables = [...(root.current?.querySelectorAll<HTMLElement>('button:not(:disabled), input') ?? [])];
    if (focusables.length === 0) return;
    const active = (root.current?.getRootNode() as ShadowRoot | undefined)?.activeElement as HTMLElement | null;
    const i = active ? focusables.indexOf(active) : -1;
    const next = e.shiftKey ? (i <= 0 ? focusables.length - 1 : i - 1) : i === focusables.length - 1 ? 0 : i + 1;
    e.preventDefault();
    focusables[next]!.focus();
  };
  const setBy = view.guard.setBy;
  const send = () =>
    done({
      action: 'send',
      dontAskAgain: !blocked && dontAsk,
      reasons: view.blocking.map((item, i) => ({ keys: item.keys, reason: reasons[i]!.trim() })),
    });
  return (
    <>
      <div class="backdrop" onClick={() => done({ action: 'review' })} />
      <div
        ref={root}
        class="dialog"
        part="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="tb-guard-title"
        aria-describedby="tb-guard-intro"
        data-mode={view.guard.mode}
        onKeyDown={onKeyDown}
      >
        <h2 id="tb-guard-title">{t.title(view.market)}</h2>
        {blocked && (
          <>
            <p class="required">{t.required}</p>
            {setBy && <p class="setby">{t.setBy(setBy.packName ?? setBy.packId, t.source(setBy.source))}</p>}
            <ul class="blocking">
              {view.blocking.map((item) => (
                <li class="block" key={item.label}>
                  {item.label}
                </li>
              ))}
            </ul>
            {view.blocking.map((item, i) => (
              <div key={item.label}>
                <label class="reason">
                  {t.reasonLabel(item.label)}
                  <input
                    type="text"
                    class="reason-input"
                    placeholder={t.reasonPlaceholder}
                    value={reasons[i]}
                    onInput={(e) => {
                      const value = (e.currentTarget as HTMLInputElement).value;
                      setReasons((rs) => rs.map((r, j) => (j === i ? value : r)));
                    }}
                  />
                </label>
              </div>
            ))}
          </>
        )}
        {view.warnings.length > 0 && (
          <>
            <p id="tb-guard-intro">{t.intro}</p>
            <ul class="missing">
              {view.warnings.map((item) => (
                <li key={item.label}>{item.label}</li>
              ))}
            </ul>
          </>
        )}
        {!blocked && (
          <label class="check">
            <input type="checkbox" class="dont-ask" checked={dontAsk} onChange={(e) => setDontAsk((e.currentTarget as HTMLInputElement).checked)} />
            {t.dontAsk}
          </label>
        )}
        <div class="actions">
          <button type="button" class="send" disabled={blocked && !ready} onClick={send}>
            {blocked ? t.dismissAndSend : t.sendAnyway}
          </button>
          <button type="button" class="review primary" ref={review} onClick={() => done({ action: 'review' })}>
            {t.review}
          </button>
        </div>
      </div>
    </>
  );
}

/** A fixed host element on top of the page with its own shadow root and styles, and the node to render into. */
function overlayHost(doc: Document, tag: string, css: string, adoptCss: (root: ShadowRoot, css: string) => void): { host: HTMLElement; mount: HTMLElement } {
  const host = doc.createElement(tag);
  host.style.setProperty('position', 'fixed', 'important');
  host.style.setProperty('z-index', '2147483647', 'important');
  host.style.setProperty('inset', '0 auto auto 0', 'important');
  const shadow = host.attachShadow({ mode: 'open' });
  adoptCss(shadow, css);
  const mount = doc.createElement('div');
  shadow.append(mount);
  return { host, mount };
}

/** Shows the dialog in its own shadow root; resolves with the agent's choice and removes it. */
export function showDialog(doc: Document, view: DialogView, adoptCss: (root: ShadowRoot, css: string) => void): Promise<DialogResult> {
  return new Promise((resolve) => {
    const { host, mount } = overlayHost(doc, DIALOG_TAG, DIALOG_CSS, adoptCss);
    // The page's own shortcuts must not see keys typed in the dialog.
    for (const type of ['keydown', 'keyup', 'keypress'] as const) host.addEventListener(type, (e) => e.stopPropagation());
    (doc.body ?? doc.documentElement).append(host);
    let settled = false;
    const done = (result: DialogResult) => {
      if (settled) return;
      settled = true;
      render(null, mount);
      host.remove();
      resolve(result);
    };
    render(<Dialog view={view} done={done} />, mount);
  });
}

const CHECKING_CSS = `
:host { all: initial; }
.checking { position: fixed; left: 50%; top: 18vh; transform: translateX(-50%); background: #1f1f1f; color: #fff;
  border-radius: 8px; padding: 8px 14px; box-shadow: 0 4px 14px rgba(0,0,0,.3); z-index: 2147483647;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans JP", sans-serif; }
`;

/** Shows "checking this reply" (a status, not a dialog: nothing to answer); returns what removes it. */
export function showChecking(doc: Document, uiLang: UiLang, adoptCss: (root: ShadowRoot, css: string) => void): () => void {
  const { host, mount } = overlayHost(doc, CHECKING_TAG, CHECKING_CSS, adoptCss);
  host.style.setProperty('pointer-events', 'none', 'important');
  (doc.body ?? doc.documentElement).append(host);
  render(
    <div class="checking" role="status" aria-live="polite">
      {guardStrings(uiLang).checking}
    </div>,
    mount,
  );
  return () => {
    render(null, mount);
    host.remove();
  };
}
