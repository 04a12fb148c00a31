/**
 * The one interface every host adapter implements (DESIGN.md: "a new helpdesk is one new folder").
 * An adapter knows its host's DOM — which elements are compose boxes, what is not the agent's draft,
 * where the customer's words are, how the editor wants to be edited — and nothing else: reading text,
 * drawing and talking to the coach are the compose session's business (lib/compose).
 */
import type { DraftContext } from '../contract/messages';
import type { HostId } from './registry';

export interface HostSettings {
  /** Zendesk: coach internal notes too (off by default). */
  coachInternalNotes: boolean;
}

/** A replacement in the draft, in both coordinates: text offsets and, for rich editors, a DOM range. */
export interface ReplaceRequest {
  start: number;
  end: number;
  text: string;
  /** The draft text the offsets index into, and the text being replaced (`fullText.slice(start, end)`). */
  fullText: string;
  expected: string;
  /** The DOM range of [start, end) for rich editors; null for a textarea. */
  range: Range | null;
}

export interface HostAdapter {
  readonly id: HostId;
  /**
   * Attributes whose change can switch a compose box on or off (the active ticket tab, the reply
   * channel). The page observer watches only these, so a busy page costs little.
   */
  readonly watchAttributes: readonly string[];
  /** The compose boxes (contenteditable elements or textareas) under `root`. */
  findComposeBoxes(root: ParentNode): HTMLElement[];
  /** Whether a box is coached now: visible, in the active ticket, a reply to the customer … */
  isCoached(editable: HTMLElement, settings: HostSettings): boolean;
  /** Elements inside the editable that are not the agent's draft (quoted history, signature). */
  isExcluded(element: Element): boolean;
  /** What the page says about the customer: their last message, their name, the recipients. */
  readContext(editable: HTMLElement): DraftContext;
  /** The controls that send this box's message (for the pre-send check). */
  findSendControls(editable: HTMLElement): HTMLElement[];
  /**
   * Menu items that send this box's message another way (Gmail's "Schedule send", Zendesk's "Submit
   * as Pending/Solved"), for the pre-send check. Such menus often live outside the compose window;
   * adapters find them through the button that opens them (`aria-controls`).
   */
  findSendMenuItems?(editable: HTMLElement): HTMLElement[];
  /**
   * Replaces a range of the draft through the editor's own editing path, so its model and undo stack
   * stay true. Resolves whether the editor took the edit.
   */
  replace(editable: HTMLElement, request: ReplaceRequest): Promise<boolean>;
}

/** Whether an element is rendered (not display:none itself or through an ancestor). */
export function isRendered(element: Element): boolean {
  if (!element.isConnected) return false;
  const check = (element as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === 'function') return check.call(element, { visibilityProperty: true });
  return element.getClientRects().length > 0;
}

/** The menu items of the menus the given buttons open (ARIA menu button pattern: `aria-controls`). */
export function menuItemsOf(buttons: Iterable<Element>, doc: Document): HTMLElement[] {
  const items: HTMLElement[] = [];
  for (const button of buttons) {
    for (const id of (button.getAttribute('aria-controls') ?? '').split(/\s+/)) {
      const menu = id ? doc.getElementById(id) : null;
      if (menu?.getAttribute('role') === 'menu') items.push(...menu.querySelectorAll<HTMLElement>('[role="menuitem"]'));
    }
  }
  return items;
}
