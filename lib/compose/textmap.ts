/**
 * The editor's text with an exact map back to the DOM. The engine sees plain text (UTF-16 offsets);
 * underlines and fixes need DOM ranges. Both come from one walk over the editable element:
 *
 * - text nodes contribute their characters one for one (no white-space collapsing, so offsets stay
 *   exact), except zero-width fillers editors insert for the caret (CKEditor's U+2060 inline filler,
 *   U+200B, U+FEFF), and source-formatting white space (a white-space-only text node with a line feed);
 * - block elements (div, p, li, …) and `<br>` become line breaks, the way the editor's model sees lines:
 *   `<div>a</div><div><br></div><div>b</div>` is "a\n\nb"; a `<br>` that ends its block (Gmail's and
 *   CKEditor's filler in an empty line, or the last one before a block) adds no extra line;
 * - elements the host says are not the draft (quoted history, signature) are skipped entirely.
 *
 * The map never touches the DOM: it reads nodes and builds Range objects on request.
 */

/** A run of text from one text node, or a line break the walk inferred (`node === null`). */
export interface TextSegment {
  start: number;
  end: number;
  node: Text | null;
  /** Offset of `start` inside `node.data` (text segments). */
  offset: number;
  /** For breaks: the DOM position at the end of the line before, and at the start of the line after. */
  before?: DomPoint;
  after?: DomPoint;
}

export interface DomPoint {
  node: Node;
  offset: number;
}

export interface TextMap {
  text: string;
  segments: TextSegment[];
}

export interface ReadOptions {
  /** Elements that are not the agent's draft (skipped with their whole subtree). */
  exclude?: (element: Element) => boolean;
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Elements whose content is never text the agent wrote. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg', 'SVG']);

/** Zero-width characters editors use as caret fillers; not part of the draft. */
const FILLER = /[\u200B\u2060\uFEFF]/;
const FILLERS = /[\u200B\u2060\uFEFF]+/g;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export function isBlock(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE && BLOCK_TAGS.has((node as Element).tagName.toUpperCase());
}

function isFormattingWhitespace(data: string): boolean {
  return /^[ \t\r\n]*$/.test(data) && /[\r\n\t]/.test(data);
}

function indexInParent(node: Node): number {
  let i = 0;
  for (let n = node.previousSibling; n; n = n.previousSibling) i++;
  return i;
}

function hasContent(node: Node, exclude: (e: Element) => boolean): boolean {
  if (node.nodeType === TEXT_NODE) {
    const data = (node as Text).data;
    return !isFormattingWhitespace(data) && data.replace(FILLERS, '') !== '';
  }
  if (node.nodeType !== ELEMENT_NODE) return false;
  const el = node as Element;
  if (exclude(el) || SKIP_TAGS.has(el.tagName)) return false;
  if (el.tagName === 'BR' || el.tagName === 'IMG') return true;
  for (let c = el.firstChild; c; c = c.nextSibling) if (hasContent(c, exclude)) return true;
  return false;
}

/** A `<br>` that ends its block (or comes right before a block) adds no line of its own. */
function isTrailingBreak(br: Element, root: Node, exclude: (e: Element) => boolean): boolean {
  let n: Node | null = br;
  while (n && n !== root && !isBlock(n)) {
    for (let s = n.nextSibling; s; s = s.nextSibling) {
      if (isBlock(s)) return true;
      if (hasContent(s, exclude)) return false;
    }
    n = n.parentNode;
  }
  return true;
}

/** Reads the draft text of an editable element with its offset map. */
export function readText(root: Element, options: ReadOptions = {}): TextMap {
  const exclude = options.exclude ?? (() => false);
  const segments: TextSegment[] = [];
  let text = '';
  let needBreak = false;
  let lineOpen = false;
  let last: DomPoint = { node: root, offset: 0 };

  const emitBreak = (after: DomPoint) => {
    segments.push({ start: text.length, end: text.length + 1, node: null, offset: 0, before: last, after });
    text += '\n';
    last = after;
  };

  const walk = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const node = child as Text;
        const data = node.data;
        if (data === '' || isFormattingWhitespace(data)) continue;
        let i = 0;
        while (i < data.length) {
          while (i < data.length && FILLER.test(data[i]!)) i++;
          if (i >= data.length) break;
          let j = i;
          while (j < data.length && !FILLER.test(data[j]!)) j++;
          if (needBreak) {
            emitBreak({ node, offset: i });
            needBreak = false;
          }
          segments.push({ start: text.length, end: text.length + (j - i), node, offset: i });
          text += data.slice(i, j);
          last = { node, offset: j };
          lineOpen = true;
          i = j;
        }
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const el = child as Element;
      if (SKIP_TAGS.has(el.tagName)) continue;
      if (exclude(el)) {
        if (isBlock(el) && lineOpen) {
          needBreak = true;
          lineOpen = false;
        }
        continue;
      }
      if (el.tagName === 'BR') {
        const at = indexInParent(el);
        const beforeBr = { node: parent, offset: at };
        if (needBreak) {
          emitBreak(beforeBr);
          needBreak = false;
        }
        if (isTrailingBreak(el, root, exclude)) {
          last = beforeBr;
        } else {
          last = beforeBr;
          emitBreak({ node: parent, offset: at + 1 });
        }
        lineOpen = true;
        continue;
      }
      if (isBlock(el)) {
        if (lineOpen) {
          needBreak = true;
          lineOpen = false;
        }
        walk(el);
        if (lineOpen) {
          needBreak = true;
          lineOpen = false;
        }
        continue;
      }
      walk(el);
    }
  };
  walk(root);
  return { text, segments };
}

/** Binary search: the first segment whose end is ≥ offset. */
function firstEndingAtOrAfter(segments: TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The DOM position of a text offset. At a boundary between a line's end and the next line's start
 * `backward` stays at the end of the earlier content (where an insertion extends it), `forward` moves
 * to the start of the later content.
 */
export function pointAt(map: TextMap, offset: number, affinity: 'backward' | 'forward', root: Element): DomPoint {
  const { segments } = map;
  if (segments.length === 0) return { node: root, offset: 0 };
  const clamped = Math.max(0, Math.min(offset, map.text.length));
  const i = firstEndingAtOrAfter(segments, clamped);
  const candidates: TextSegment[] = [];
  for (let k = Math.max(0, i - 1); k < segments.length && segments[k]!.start <= clamped; k++) {
    const s = segments[k]!;
    if (s.start <= clamped && clamped <= s.end) candidates.push(s);
  }
  const inside = candidates.find((s) => s.node && s.start < clamped && clamped < s.end);
  if (inside) return { node: inside.node!, offset: inside.offset + (clamped - inside.start) };
  const textEnding = candidates.find((s) => s.node && s.end === clamped);
  const textStarting = candidates.find((s) => s.node && s.start === clamped);
  const breakStarting = candidates.find((s) => !s.node && s.start === clamped);
  const breakEnding = candidates.find((s) => !s.node && s.end === clamped);
  const order =
    affinity === 'backward'
      ? [textEnding && textPoint(textEnding, 'end'), breakStarting?.before, breakEnding?.after, textStarting && textPoint(textStarting, 'start')]
      : [textStarting && textPoint(textStarting, 'start'), breakEnding?.after, breakStarting?.before, textEnding && textPoint(textEnding, 'end')];
  for (const p of order) if (p) return p;
  const lastSeg = segments[segments.length - 1]!;
  return lastSeg.node ? textPoint(lastSeg, 'end') : (lastSeg.after ?? { node: root, offset: 0 });
}

function textPoint(s: TextSegment, edge: 'start' | 'end'): DomPoint {
  return { node: s.node!, offset: edge === 'start' ? s.offset : s.offset + (s.end - s.start) };
}

/** A DOM Range for [start, end) of the text (collapsed for an insertion point). */
export function rangeFor(map: TextMap, start: number, end: number, root: Element): Range {
  const doc = root.ownerDocument;
  const range = doc.createRange();
  if (start === end) {
    const p = pointAt(map, start, 'backward', root);
    range.setStart(p.node, p.offset);
    range.collapse(true);
    return range;
  }
  const s = pointAt(map, start, 'forward', root);
  const e = pointAt(map, end, 'backward', root);
  range.setStart(s.node, s.offset);
  range.setEnd(e.node, e.offset);
  return range;
}

/** The text offset of a DOM position inside a text node of the map (e.g. the caret), if mapped. */
export function offsetOf(map: TextMap, node: Node, offset: number): number | undefined {
  for (const s of map.segments) {
    if (s.node !== node) continue;
    const length = s.end - s.start;
    if (offset >= s.offset && offset <= s.offset + length) return s.start + (offset - s.offset);
  }
  return undefined;
}
