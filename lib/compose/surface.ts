/**
 * A compose box as text with geometry: read the draft, map spans to DOM ranges and screen rectangles.
 * Rich editors (contenteditable) go through the text map; textareas through a hidden mirror element
 * laid out like the textarea (the only way to measure text inside one). Neither touches the editor.
 */
import { offsetOf, rangeFor, readText, type TextMap } from './textmap';

export interface Surface {
  readonly element: HTMLElement;
  /** The draft as last read. */
  readonly text: string;
  /** Re-reads the draft. */
  read(): string;
  /** The DOM range of a span (rich editors); null for a textarea. */
  range(start: number, end: number): Range | null;
  /** Screen rectangles (client coordinates) of a span. */
  rects(start: number, end: number): DOMRect[];
  /** The caret's text offset when the selection is a caret inside the draft. */
  caret(): number | undefined;
  dispose(): void;
}

export class RichSurface implements Surface {
  private map: TextMap = { text: '', segments: [] };

  constructor(
    readonly element: HTMLElement,
    private readonly exclude: (element: Element) => boolean,
  ) {}

  get text(): string {
    return this.map.text;
  }

  read(): string {
    this.map = readText(this.element, { exclude: this.exclude });
    return this.map.text;
  }

  range(start: number, end: number): Range {
    return rangeFor(this.map, start, end, this.element);
  }

  rects(start: number, end: number): DOMRect[] {
    return [...this.range(start, end).getClientRects()].filter((r) => r.width > 0 || r.height > 0);
  }

  caret(): number | undefined {
    const selection = this.element.ownerDocument.getSelection();
    if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return undefined;
    const node = selection.focusNode;
    if (!node || !this.element.contains(node)) return undefined;
    return offsetOf(this.map, node, selection.focusOffset);
  }

  dispose(): void {}
}

/** Styles that decide where text wraps inside a textarea; the mirror copies them. */
const MIRRORED = [
  'box-sizing',
  'width',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border-top-width',
  'border-right-width',
  'border-bottom-width',
  'border-left-width',
  'border-style',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'font-variant',
  'font-stretch',
  'font-feature-settings',
  'letter-spacing',
  'word-spacing',
  'line-height',
  'text-align',
  'text-indent',
  'text-transform',
  'tab-size',
  'direction',
] as const;

export class PlainSurface implements Surface {
  private value = '';
  private readonly mirror: HTMLDivElement;
  private readonly mirrorText: Text;

  /** `layer` is where the (invisible) mirror lives: Tonebridge's own shadow root. */
  constructor(
    readonly element: HTMLTextAreaElement,
    layer: Node & ParentNode,
  ) {
    const doc = element.ownerDocument;
    this.mirror = doc.createElement('div');
    this.mirror.setAttribute('aria-hidden', 'true');
    this.mirrorText = doc.createTextNode('');
    this.mirror.append(this.mirrorText);
    const s = this.mirror.style;
    s.position = 'fixed';
    s.visibility = 'hidden';
    s.pointerEvents = 'none';
    s.whiteSpace = 'pre-wrap';
    s.overflowWrap = 'break-word';
    s.overflow = 'hidden';
    s.top = '0';
    s.left = '0';
    s.borderColor = 'transparent';
    layer.append(this.mirror);
  }

  get text(): string {
    return this.value;
  }

  read(): string {
    this.value = this.element.value;
    return this.value;
  }

  range(): null {
    return null;
  }

  rects(start: number, end: number): DOMRect[] {
    const view = this.element.ownerDocument.defaultView;
    if (!view) return [];
    const box = this.element.getBoundingClientRect();
    const style = view.getComputedStyle(this.element);
    const m = this.mirror.style;
    for (const p of MIRRORED) m.setProperty(p, style.getPropertyValue(p));
    m.width = `${box.width}px`;
    m.height = `${box.height}px`;
    m.top = `${box.top}px`;
    m.left = `${box.left}px`;
    if (this.mirrorText.data !== this.value) this.mirrorText.data = this.value;
    const range = this.element.ownerDocument.createRange();
    const length = this.mirrorText.data.length;
    range.setStart(this.mirrorText, Math.min(start, length));
    range.setEnd(this.mirrorText, Math.min(end, length));
    const dx = -this.element.scrollLeft;
    const dy = -this.element.scrollTop;
    const rects: DOMRect[] = [];
    for (const r of range.getClientRects()) {
      const moved = new DOMRect(r.left + dx, r.top + dy, r.width, r.height);
      // Only what shows inside the textarea's box.
      if (moved.bottom <= box.top || moved.top >= box.bottom || moved.width === 0) continue;
      rects.push(moved);
    }
    return rects;
  }

  caret(): number | undefined {
    const el = this.element;
    if (el.ownerDocument.activeElement !== el || el.selectionStart !== el.selectionEnd) return undefined;
    return el.selectionStart ?? undefined;
  }

  dispose(): void {
    this.mirror.remove();
  }
}
