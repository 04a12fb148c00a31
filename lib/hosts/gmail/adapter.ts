/**
 * Gmail: compose dialogs, inline and popped-out replies, plain-text mode; the customer is the
 * sender of the thread's last message among this draft's recipients.
 */
import { replaceInTextarea, replaceWithExecCommand } from '../../compose/edit';
import { readText } from '../../compose/textmap';
import { LIMITS, type DraftContext } from '../../contract/messages';
import { isRendered, menuItemsOf, type HostAdapter, type ReplaceRequest } from '../types';
import * as S from './selectors';

const SUBJECT_PREFIX = /^\s*((re|fw|fwd|aw|wg|sv|vs|tr|rv|res|返信|転送|回复|答复)\s*[:：]\s*)+/i;

function normalizeSubject(subject: string): string {
  return subject.replace(SUBJECT_PREFIX, '').replace(/\s+/g, ' ').trim();
}

const isExcluded = (element: Element): boolean => element.matches(`${S.QUOTE}, ${S.SIGNATURE}`);

/** The compose window around a body: its dialog, or the nearest ancestor holding a send button. */
export function composeContainer(editable: HTMLElement): Element {
  const dialog = editable.closest(S.COMPOSE_DIALOG);
  if (dialog) return dialog;
  let node: Element | null = editable.parentElement;
  for (let depth = 0; node && depth < 16; depth++, node = node.parentElement) {
    if (node.matches(S.MAIN)) break;
    if (node.querySelector(S.SEND_BUTTON)) return node;
  }
  return editable.parentElement ?? editable;
}

export function recipientsOf(container: ParentNode): { address: string; name?: string }[] {
  const seen = new Map<string, { address: string; name?: string }>();
  const add = (address: string | null, name?: string | null) => {
    const a = address?.trim().toLowerCase();
    if (!a || !a.includes('@') || seen.has(a)) return;
    seen.set(a, name ? { address: a, name } : { address: a });
  };
  for (const chip of container.querySelectorAll(S.RECIPIENT_CHIP))
    add(chip.getAttribute('data-hovercard-id'), chip.getAttribute('data-name'));
  for (const chip of container.querySelectorAll(S.RECIPIENT_CHIP_LEGACY))
    add(chip.getAttribute('email'), chip.getAttribute('name') ?? chip.textContent);
  for (const input of container.querySelectorAll<HTMLInputElement>(S.RECIPIENT_INPUT))
    for (const part of input.value.split(/[,;]/)) add(part.match(/<([^<>]+)>/)?.[1] ?? part);
  return [...seen.values()];
}

/** The thread a compose box answers: the conversation it sits in, or the one its subject names. */
function threadOf(editable: HTMLElement, container: Element): Element | undefined {
  const main = editable.closest(S.MAIN);
  if (main) return main;
  const doc = editable.ownerDocument;
  const subject = container.querySelector<HTMLInputElement>(S.SUBJECT_INPUT)?.value ?? '';
  const threadMain = doc.querySelector(S.MAIN);
  const heading = threadMain?.querySelector(S.THREAD_SUBJECT)?.textContent ?? '';
  if (threadMain && subject && heading && normalizeSubject(subject) === normalizeSubject(heading)) return threadMain;
  return undefined;
}

function lastChars(text: string, max: number): string {
  return text.length <= max ? text : text.slice(text.length - max);
}

export function readGmailContext(editable: HTMLElement): DraftContext {
  const container = composeContainer(editable);
  const recipients = recipientsOf(container);
  const context: DraftContext = {};
  if (recipients.length > 0) context.recipients = recipients.map((r) => r.address).slice(0, LIMITS.recipients);
  const thread = threadOf(editable, container);
  if (thread) {
    const addresses = new Set(recipients.map((r) => r.address));
    const messages = [...thread.querySelectorAll(S.THREAD_MESSAGE)].filter((m) => !m.contains(editable));
    // The customer's last message: the last one sent by someone this draft goes to; else the last one.
    const fromRecipient = messages.filter((m) => {
      const email = m.querySelector(S.MESSAGE_SENDER)?.getAttribute('email')?.toLowerCase();
      return email !== undefined && addresses.has(email);
    });
    const message = fromRecipient.at(-1) ?? (addresses.size === 0 ? messages.at(-1) : undefined);
    if (message) {
      const body = message.querySelector(S.MESSAGE_BODY);
      if (body) {
        const text = readText(body, { exclude: isExcluded }).text.trim();
        if (text) context.customerMessage = lastChars(text, LIMITS.customerMessage);
      }
      const sender = message.querySelector(S.MESSAGE_SENDER);
      const name = sender?.getAttribute('name') ?? sender?.textContent?.trim();
      if (name) context.customerName = name.slice(0, LIMITS.name);
    }
  }
  if (!context.customerName) {
    const named = recipients.find((r) => r.name && r.name !== r.address);
    if (named?.name) context.customerName = named.name.slice(0, LIMITS.name);
  }
  return context;
}

export const gmailAdapter: HostAdapter = {
  id: 'gmail',
  watchAttributes: [],
  findComposeBoxes(root) {
    return [...root.querySelectorAll<HTMLElement>(`${S.RICH_BODY}, ${S.PLAIN_BODY}`)].filter(
      // A body nested in another editable is content, not a compose box.
      (el) => !el.parentElement?.closest('[contenteditable="true"]'),
    );
  },
  isCoached(editable) {
    return isRendered(editable);
  },
  isExcluded,
  readContext: readGmailContext,
  findSendControls(editable) {
    return [...composeContainer(editable).querySelectorAll<HTMLElement>(S.SEND_BUTTON)];
  },
  findSendMenuItems(editable) {
    const container = composeContainer(editable);
    const buttons = [...container.querySelectorAll(S.SEND_OPTIONS_BUTTON)].filter((b) => !b.matches(S.SEND_BUTTON));
    return menuItemsOf(buttons, editable.ownerDocument);
  },
  async replace(editable: HTMLElement, request: ReplaceRequest) {
    if (editable instanceof HTMLTextAreaElement) return replaceInTextarea(editable, request.start, request.end, request.text);
    if (!request.range) return false;
    return replaceWithExecCommand(editable, request.range, request.text);
  },
};
