/**
 * Underlines without touching the editor's DOM.
 *
 * - Where the browser has the CSS Custom Highlight API (Chromium, Safari 17.2+, Firefox 140+), each
 *   finding kind is a named highlight (`tonebridge-apology` …) styled by one page-level stylesheet;
 *   the browser keeps the underlines on the text through scrolling, wrapping and resizing.
 * - Otherwise (and always for textareas, which have no DOM ranges) positioned rectangles are drawn in
 *   Tonebridge's own shadow root and moved on scroll and resize.
 *
 * Several compose boxes share the page's highlight registry: each painter contributes its ranges
 * and the registry is rebuilt per name.
 */
import type { FindingKind, Level } from '../engine/types';
import type { Surface } from './surface';

export interface PaintItem {
  start: number;
  end: number;
  kind: FindingKind;
  level: Exclude<Level, 'off'>;
  active: boolean;
}

export interface Painter {
  paint(items: readonly PaintItem[]): void;
  /** Moves drawn underlines after scroll or resize (a no-op for highlights). */
  reposition(): void;
  clear(): void;
}

/** Colours by kind: what the agent is missing reads at a glance. */
export const KIND_COLORS: Record<FindingKind, string> = {
  apology: '#d93025',
  cause: '#e37400',
  remedy: '#1a73e8',
  commitment: '#1a73e8',
  ownership: '#1a73e8',
  honorific: '#8430ce',
  politeness: '#8430ce',
  formality: '#8430ce',
  warmth: '#d01884',
  clarity: '#007b83',
  policy: '#5f6368',
};

const ACTIVE = 'tonebridge-active';
const nameOf = (kind: FindingKind) => `tonebridge-${kind}`;

export function highlightsSupported(): boolean {
  const css = (globalThis as { CSS?: { highlights?: unknown } }).CSS;
  return typeof css?.highlights === 'object' && css.highlights !== null && typeof globalThis.Highlight === 'function';
}

/** The page-level rules for the named highlights (installed once per document). */
export function highlightCss(): string {
  const rules = Object.entries(KIND_COLORS).map(
    ([kind, color]) =>
      `::highlight(${nameOf(kind as FindingKind)}){text-decoration:underline wavy ${color};text-decoration-thickness:1.5px;text-underline-offset:3px;text-decoration-skip-ink:none;background-color:${color}14}`,
  );
  rules.push(`::highlight(${ACTIVE}){background-color:#fbbc0466}`);
  return rules.join('\n');
}

const installed = new WeakSet<Document>();

/** Adds a stylesheet to a document or shadow root: a constructed sheet, or a <style> element. */
export function adoptCss(target: Document | ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
    return;
  } catch {
    // Constructed stylesheets are not available here: fall back to an element.
  }
  const doc = target instanceof Document ? target : target.ownerDocument;
  const style = doc.createElement('style');
  style.textContent = css;
  (target instanceof Document ? (target.head ?? target.documentElement) : target).append(style);
}

export function installHighlightStyles(doc: Document): void {
  if (installed.has(doc)) return;
  installed.add(doc);
  adoptCss(doc, highlightCss());
}

/** The page's highlight registry, shared by every compose box. */
class SharedHighlights {
  private readonly byName = new Map<string, Map<object, Range[]>>();

  set(owner: object, ranges: Map<string, Range[]>): void {
    const touched = new Set<string>(ranges.keys());
    for (const [name, owners] of this.byName) if (owners.has(owner)) touched.add(name);
    for (const name of touched) {
      let owners = this.byName.get(name);
      if (!owners) this.byName.set(name, (owners = new Map()));
      const mine = ranges.get(name);
      if (mine && mine.length > 0) owners.set(owner, mine);
      else owners.delete(owner);
      const all = [...owners.values()].flat();
      if (all.length === 0) CSS.highlights.delete(name);
      else {
        const highlight = new Highlight(...all);
        if (name === ACTIVE) highlight.priority = 1;
        CSS.highlights.set(name, highlight);
      }
    }
  }
}

let shared: SharedHighlights | undefined;

export class HighlightPainter implements Painter {
  constructor(private readonly surface: Surface) {
    installHighlightStyles(surface.element.ownerDocument);
    shared ??= new SharedHighlights();
  }

  paint(items: readonly PaintItem[]): void {
    const ranges = new Map<string, Range[]>();
    for (const item of items) {
      const range = this.surface.range(item.start, item.end);
      if (!range) continue;
      const name = nameOf(item.kind);
      if (!ranges.has(name)) ranges.set(name, []);
      ranges.get(name)!.push(range);
      if (item.active) ranges.set(ACTIVE, [this.surface.range(item.start, item.end)!]);
    }
    shared!.set(this, ranges);
  }

  reposition(): void {}

  clear(): void {
    shared?.set(this, new Map());
  }
}

/** Rectangles in Tonebridge's shadow root, for textareas and browsers without highlights. */
export class RectPainter implements Painter {
  private items: readonly PaintItem[] = [];
  private readonly layer: HTMLDivElement;

  constructor(
    private readonly surface: Surface,
    parent: Node & ParentNode,
  ) {
    this.layer = surface.element.ownerDocument.createElement('div');
    this.layer.className = 'underlines';
    this.layer.setAttribute('aria-hidden', 'true');
    parent.append(this.layer);
  }

  paint(items: readonly PaintItem[]): void {
    this.items = items;
    this.reposition();
  }

  reposition(): void {
    const doc = this.layer.ownerDocument;
    const marks: HTMLElement[] = [];
    const box = this.surface.element.getBoundingClientRect();
    for (const item of this.items) {
      for (const r of this.surface.rects(item.start, item.end)) {
        if (r.bottom < box.top || r.top > box.bottom) continue;
        const mark = doc.createElement('div');
        mark.className = `underline ${item.level}${item.active ? ' active' : ''}`;
        const s = mark.style;
        s.left = `${r.left}px`;
        s.top = `${r.top}px`;
        s.width = `${r.width}px`;
        s.height = `${r.height}px`;
        s.setProperty('--tb-color', KIND_COLORS[item.kind]);
        marks.push(mark);
      }
    }
    this.layer.replaceChildren(...marks);
  }

  clear(): void {
    this.items = [];
    this.layer.replaceChildren();
  }
}
