/**
 * Editing the draft the way a person would, so the editor's model and undo stack stay true:
 * select the range, then `insertText` (or `delete`) through `document.execCommand`, which fires
 * `beforeinput`/`input` like typing and lands on the browser's (and the editor's) undo stack.
 * Editors that keep their own model (CKEditor) may still refuse a DOM-level edit; their adapters go
 * through the editor's API first (lib/hosts/zendesk) and use `replaceWithBeforeInput` as the fallback.
 */

function selectRange(editable: HTMLElement, range: Range): void {
  editable.focus({ preventScroll: true });
  const selection = editable.ownerDocument.getSelection();
  if (!selection) throw new Error('no selection');
  selection.removeAllRanges();
  selection.addRange(range);
}

/** Rich editors that follow the browser's editing (Gmail): select + execCommand. */
export function replaceWithExecCommand(editable: HTMLElement, range: Range, text: string): boolean {
  selectRange(editable, range);
  const doc = editable.ownerDocument;
  if (text === '') return range.collapsed ? true : doc.execCommand('delete', false);
  return doc.execCommand('insertText', false, text);
}

/** Textareas (Gmail's plain-text mode): execCommand keeps the native undo stack; setRangeText does not. */
export function replaceInTextarea(textarea: HTMLTextAreaElement, start: number, end: number, text: string): boolean {
  textarea.focus({ preventScroll: true });
  textarea.setSelectionRange(start, end);
  const doc = textarea.ownerDocument;
  const ok = text === '' ? start === end || doc.execCommand('delete', false) : doc.execCommand('insertText', false, text);
  if (ok) return true;
  // Browsers without execCommand in textareas: edit directly and tell the page like typing would.
  textarea.setRangeText(text, start, end, 'end');
  textarea.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  return true;
}

/**
 * For editors that listen to `beforeinput` and apply edits to their own model (CKEditor 5 does):
 * select the range and dispatch a cancelable `beforeinput` with the target range. Returns whether
 * the editor handled it (cancelled the event).
 */
export function replaceWithBeforeInput(editable: HTMLElement, range: Range, text: string): boolean {
  selectRange(editable, range);
  const StaticRangeCtor = (globalThis as { StaticRange?: typeof StaticRange }).StaticRange;
  const targetRanges = StaticRangeCtor
    ? [
        new StaticRangeCtor({
          startContainer: range.startContainer,
          startOffset: range.startOffset,
          endContainer: range.endContainer,
          endOffset: range.endOffset,
        }),
      ]
    : [];
  const event = new InputEvent('beforeinput', {
    bubbles: true,
    cancelable: true,
    inputType: text === '' ? 'deleteContentBackward' : 'insertReplacementText',
    data: text,
    targetRanges,
  });
  if (text !== '' && typeof DataTransfer === 'function') {
    // insertReplacementText carries its text in dataTransfer in Chromium.
    try {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      Object.defineProperty(event, 'dataTransfer', { value: dt });
    } catch {
      // keep `data`
    }
  }
  return !editable.dispatchEvent(event);
}
