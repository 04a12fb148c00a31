/**
 * DOM helpers of the pre-send check's interceptor: the selection saved when a send is held and restored
 * when the dialog closes, and copies of held events for re-dispatch.
 */

/** A held send gesture. */
export type Held = MouseEvent | KeyboardEvent;

export interface SavedSelection {
  ranges: Range[];
  textarea?: { element: HTMLTextAreaElement; start: number; end: number; direction: 'forward' | 'backward' | 'none' };
  active: Element | null;
}

export function saveSelection(doc: Document): SavedSelection {
  const active = doc.activeElement;
  const sel = doc.getSelection();
  const ranges: Range[] = [];
  if (sel) for (let i = 0; i < sel.rangeCount; i++) ranges.push(sel.getRangeAt(i).cloneRange());
  const saved: SavedSelection = { ranges, active };
  if (active instanceof HTMLTextAreaElement)
    saved.textarea = { element: active, start: active.selectionStart, end: active.selectionEnd, direction: active.selectionDirection };
  return saved;
}

export function restoreSelection(doc: Document, saved: SavedSelection, editable: HTMLElement): void {
  const focusTarget = saved.active instanceof HTMLElement && saved.active.isConnected ? saved.active : editable;
  focusTarget.focus({ preventScroll: true });
  if (saved.textarea) {
    const t = saved.textarea;
    t.element.setSelectionRange(t.start, t.end, t.direction);
    return;
  }
  const sel = doc.getSelection();
  if (!sel || saved.ranges.length === 0) return;
  sel.removeAllRanges();
  for (const r of saved.ranges) sel.addRange(r);
}

/** A copy of a held event, for re-dispatch (legacy keyCode/which kept: hosts still read them). */
export function copyEvent(e: Held, view: Window): Held {
  const base = { bubbles: e.bubbles, cancelable: e.cancelable, composed: e.composed, view };
  const mods = { ctrlKey: e.ctrlKey, shiftKey: e.shiftKey, altKey: e.altKey, metaKey: e.metaKey };
  const Mouse = (view as unknown as { MouseEvent: typeof MouseEvent }).MouseEvent;
  const Keyboard = (view as unknown as { KeyboardEvent: typeof KeyboardEvent }).KeyboardEvent;
  if (e instanceof Mouse || ('clientX' in e && !('key' in e))) {
    const m = e as MouseEvent;
    return new Mouse(m.type, {
      ...base,
      ...mods,
      detail: m.detail,
      screenX: m.screenX,
      screenY: m.screenY,
      clientX: m.clientX,
      clientY: m.clientY,
      button: m.button,
      buttons: m.buttons,
    });
  }
  const k = e as KeyboardEvent;
  // Chromium takes the legacy codes in the init dictionary (visible to the page's own world too).
  const legacy = { keyCode: k.keyCode, charCode: k.charCode, which: k.which };
  const copy = new Keyboard(k.type, { ...base, ...mods, ...legacy, key: k.key, code: k.code, location: k.location, repeat: k.repeat } as KeyboardEventInit);
  // Elsewhere (and in DOM emulations) define them on the copy.
  for (const [name, value] of Object.entries(legacy))
    if ((copy as unknown as Record<string, number>)[name] !== value) Object.defineProperty(copy, name, { get: () => value });
  return copy;
}

export function isNativeButton(el: Element): boolean {
  return el instanceof HTMLButtonElement || (el instanceof HTMLInputElement && /^(?:submit|button)$/i.test(el.type));
}

