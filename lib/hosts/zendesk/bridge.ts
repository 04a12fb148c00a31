/**
 * The bridge between the content script (isolated world) and CKEditor 5 (the page's main world).
 *
 * CKEditor keeps the document in its own model and re-renders the DOM from it, so an edit made in the
 * DOM is reverted. A fix therefore goes through the editor: a tiny main-world script
 * (entrypoints/zendesk-bridge.content.ts) finds the editor behind the editable element
 * (`element.ckeditorInstance`) and replaces a range of its text in one `model.change` — one undo step.
 * It exposes nothing else: one operation, "replace [start, end) of the text with this text", checked
 * against the text the content script saw.
 *
 * Transport: a CustomEvent dispatched on the editable element (the DOM is shared between worlds; the
 * detail is a JSON string, the only kind of detail that crosses worlds intact). The main world
 * answers synchronously with another event on the same element.
 */

export const REPLACE_EVENT = 'tonebridge:replace';
export const REPLACED_EVENT = 'tonebridge:replaced';
const MAX_TEXT = 20_000;

export interface ReplaceMessage {
  id: string;
  start: number;
  end: number;
  text: string;
  /** The text the offsets index into, as the content script read it from the DOM. */
  fullText: string;
}

export interface ReplaceAnswer {
  id: string;
  ok: boolean;
  reason?: string;
}

export function parseReplaceMessage(detail: unknown): ReplaceMessage | undefined {
  if (typeof detail !== 'string' || detail.length > 4 * MAX_TEXT) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(detail);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (Object.keys(v).some((k) => !['id', 'start', 'end', 'text', 'fullText'].includes(k))) return undefined;
  if (typeof v.id !== 'string' || v.id.length > 64) return undefined;
  if (typeof v.text !== 'string' || v.text.length > MAX_TEXT) return undefined;
  if (typeof v.fullText !== 'string' || v.fullText.length > MAX_TEXT) return undefined;
  if (!Number.isInteger(v.start) || !Number.isInteger(v.end)) return undefined;
  const start = v.start as number;
  const end = v.end as number;
  if (start < 0 || end < start || end > v.fullText.length) return undefined;
  return { id: v.id, start, end, text: v.text, fullText: v.fullText };
}

export function parseReplaceAnswer(detail: unknown, id: string): ReplaceAnswer | undefined {
  if (typeof detail !== 'string' || detail.length > 1000) return undefined;
  try {
    const v = JSON.parse(detail) as Record<string, unknown>;
    if (v.id !== id || typeof v.ok !== 'boolean') return undefined;
    return { id, ok: v.ok, ...(typeof v.reason === 'string' ? { reason: v.reason.slice(0, 200) } : {}) };
  } catch {
    return undefined;
  }
}

/** Content-script side: asks the main-world bridge; resolves its answer, or undefined if none came. */
export function requestReplace(editable: HTMLElement, message: Omit<ReplaceMessage, 'id'>): ReplaceAnswer | undefined {
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  let answer: ReplaceAnswer | undefined;
  const onAnswer = (event: Event) => {
    const parsed = parseReplaceAnswer((event as CustomEvent).detail, id);
    if (parsed) answer = parsed;
  };
  editable.addEventListener(REPLACED_EVENT, onAnswer);
  try {
    editable.dispatchEvent(new CustomEvent(REPLACE_EVENT, { bubbles: true, detail: JSON.stringify({ id, ...message }) }));
  } finally {
    editable.removeEventListener(REPLACED_EVENT, onAnswer);
  }
  return answer;
}

// ------------------------------------------------------------------ main world: CKEditor 5's model

/** The parts of CKEditor 5's model API the bridge uses (structural: no CKEditor code is bundled). */
interface CkNode {
  is(type: string, name?: string): boolean;
  readonly name?: string;
  readonly data?: string;
  readonly offsetSize: number;
  getChildren?(): Iterable<CkNode>;
  getAttributes?(): Iterable<[string, unknown]>;
}
interface CkPosition {
  readonly parent: CkNode;
  readonly offset: number;
  readonly nodeBefore: CkNode | null;
  readonly nodeAfter: CkNode | null;
  getShiftedBy(n: number): CkPosition;
}
interface CkWriter {
  createPositionAt(parent: CkNode, offset: number): CkPosition;
  createRange(start: CkPosition, end: CkPosition): unknown;
  createSelection(range: unknown): unknown;
  insertText(text: string, attributes: Record<string, unknown>, position: CkPosition): void;
  split(position: CkPosition): { position: CkPosition };
  setSelection(position: CkPosition): void;
}
export interface CkEditor {
  readonly isReadOnly: boolean;
  readonly model: {
    readonly document: { getRoot(): CkNode };
    readonly schema: { checkChild(node: CkNode, child: string): boolean };
    change<T>(callback: (writer: CkWriter) => T): T;
    deleteContent(selection: unknown): void;
  };
}

interface Line {
  element: CkNode;
  start: number;
  end: number;
}

/** The editor's text, lines joined by "\n" the way the content script reads the DOM. */
export function modelText(editor: CkEditor): { text: string; lines: Line[] } {
  const { schema } = editor.model;
  const lines: Line[] = [];
  let text = '';
  const visit = (parent: CkNode) => {
    for (const child of parent.getChildren?.() ?? []) {
      if (!child.is('element')) continue;
      if (schema.checkChild(child, '$text')) {
        if (lines.length > 0) text += '\n';
        const start = text.length;
        for (const n of child.getChildren?.() ?? []) {
          if (n.is('$text') || n.is('$textProxy')) text += n.data ?? '';
          else if (n.is('element', 'softBreak')) text += '\n';
          else text += '\uFFFC'.repeat(n.offsetSize);
        }
        lines.push({ element: child, start, end: text.length });
      } else {
        visit(child);
      }
    }
  };
  visit(editor.model.document.getRoot());
  return { text, lines };
}

function attributesBefore(position: CkPosition): Record<string, unknown> {
  const before = position.nodeBefore;
  if (!before || !(before.is('$text') || before.is('$textProxy'))) return {};
  return Object.fromEntries(before.getAttributes?.() ?? []);
}

/** Replaces [start, end) of the editor's text with `text` in one model change (one undo step). */
export function replaceInModel(editor: CkEditor, message: ReplaceMessage): ReplaceAnswer {
  const { id } = message;
  if (editor.isReadOnly) return { id, ok: false, reason: 'read-only' };
  const { text, lines } = modelText(editor);
  // CKEditor renders some spaces as no-break spaces in the DOM; the model has plain ones (same offsets).
  const plain = (s: string) => s.replace(/\u00a0/g, ' ');
  if (plain(text) !== plain(message.fullText)) return { id, ok: false, reason: 'text-mismatch' };
  const lineAt = (offset: number) => lines.find((l) => l.start <= offset && offset <= l.end);
  const startLine = lineAt(message.start);
  const endLine = lineAt(message.end);
  if (!startLine || !endLine) return { id, ok: false, reason: 'no-position' };
  editor.model.change((writer) => {
    const start = writer.createPositionAt(startLine.element, message.start - startLine.start);
    const end = writer.createPositionAt(endLine.element, message.end - endLine.start);
    if (message.end > message.start) editor.model.deleteContent(writer.createSelection(writer.createRange(start, end)));
    // After the deletion the start line still holds the start offset.
    let position = writer.createPositionAt(startLine.element, message.start - startLine.start);
    const attributes = attributesBefore(position);
    message.text.split('\n').forEach((part, i) => {
      if (i > 0) {
        const split = writer.split(position);
        position = writer.createPositionAt(split.position.nodeAfter!, 0);
      }
      if (part) {
        writer.insertText(part, attributes, position);
        position = position.getShiftedBy(part.length);
      }
    });
    writer.setSelection(position);
  });
  return { id, ok: true };
}

/** Main-world side: answers replace requests for CKEditor 5 editables. Returns an uninstaller. */
export function installBridge(doc: Document): () => void {
  const onRequest = (event: Event) => {
    const target = event.target as (HTMLElement & { ckeditorInstance?: CkEditor }) | null;
    if (!target || typeof target.closest !== 'function') return;
    const message = parseReplaceMessage((event as CustomEvent).detail);
    if (!message) return;
    let answer: ReplaceAnswer;
    const editor = target.ckeditorInstance;
    if (!editor || typeof editor.model?.change !== 'function') answer = { id: message.id, ok: false, reason: 'no-editor' };
    else {
      try {
        answer = replaceInModel(editor, message);
      } catch (error) {
        answer = { id: message.id, ok: false, reason: error instanceof Error ? error.message : 'error' };
      }
    }
    target.dispatchEvent(new CustomEvent(REPLACED_EVENT, { detail: JSON.stringify(answer) }));
  };
  doc.addEventListener(REPLACE_EVENT, onRequest, true);
  return () => doc.removeEventListener(REPLACE_EVENT, onRequest, true);
}
