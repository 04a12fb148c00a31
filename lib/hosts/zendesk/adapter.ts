/**
 * Zendesk Agent Workspace: the CKEditor 5 composer of the active ticket tab, public replies only by
 * default (internal notes are for colleagues), the requester's last public comment as context.
 * Fixes go through CKEditor's model via the main-world bridge, with a `beforeinput` fallback.
 */
import { replaceWithBeforeInput } from '../../compose/edit';
import { readText } from '../../compose/textmap';
import { LIMITS, type DraftContext } from '../../contract/messages';
import { isRendered, menuItemsOf, type HostAdapter, type ReplaceRequest } from '../types';
import { requestReplace } from './bridge';
import * as S from './selectors';

/** The ticket id of the active header tab, if the page shows tabs. */
export function activeTicketId(doc: Document): string | undefined {
  return doc.querySelector(S.ACTIVE_HEADER_TAB)?.getAttribute('data-entity-id') ?? undefined;
}

function panelOf(editable: HTMLElement): Element | null {
  return editable.closest(S.TICKET_PANEL);
}

/** Whether the composer is set to an internal note (the channel switcher of its own editor view). */
export function isInternalNote(editable: HTMLElement): boolean {
  const view = editable.closest(S.EDITOR_VIEW) ?? panelOf(editable);
  const channel = view?.querySelector(S.CHANNEL_SWITCHER)?.getAttribute('data-channel');
  return channel === S.INTERNAL_CHANNEL;
}

export function readZendeskContext(editable: HTMLElement): DraftContext {
  const scope = panelOf(editable) ?? editable.ownerDocument;
  const items = [...scope.querySelectorAll(S.LOG_ITEM)];
  // The requester's last public comment: an end-user message that is not an internal note.
  const last = items
    .filter((item) => !item.querySelector(S.INTERNAL_NOTE_TAG))
    .filter((item) => item.querySelector(S.LOG_MESSAGE)?.getAttribute('type') === S.END_USER_TYPE)
    .at(-1);
  const context: DraftContext = {};
  if (!last) return context;
  const content = last.querySelector(S.LOG_CONTENT) ?? last.querySelector(S.LOG_MESSAGE);
  if (content) {
    const text = readText(content).text.trim();
    if (text) context.customerMessage = text.length > LIMITS.customerMessage ? text.slice(-LIMITS.customerMessage) : text;
  }
  const author = last.querySelector(S.LOG_AUTHOR)?.textContent?.trim();
  if (author) context.customerName = author.slice(0, LIMITS.name);
  return context;
}

export const zendeskAdapter: HostAdapter = {
  id: 'zendesk',
  watchAttributes: S.WATCHED_ATTRIBUTES,
  findComposeBoxes(root) {
    return [...root.querySelectorAll<HTMLElement>(S.COMPOSER)];
  },
  isCoached(editable, settings) {
    if (!isRendered(editable)) return false;
    const active = activeTicketId(editable.ownerDocument);
    const panel = panelOf(editable);
    if (active && panel && panel.getAttribute(S.TICKET_ID_ATTRIBUTE) !== active) return false;
    if (isInternalNote(editable) && !settings.coachInternalNotes) return false;
    return true;
  },
  isExcluded(element) {
    return element.matches(S.EDITOR_CHROME);
  },
  readContext: readZendeskContext,
  findSendControls(editable) {
    const scope = panelOf(editable) ?? editable.ownerDocument;
    return [...scope.querySelectorAll<HTMLElement>(`${S.SUBMIT_BUTTON}, ${S.MESSAGING_SEND_BUTTON}`)];
  },
  findSendMenuItems(editable) {
    const scope = panelOf(editable) ?? editable.ownerDocument;
    return menuItemsOf(scope.querySelectorAll(S.SUBMIT_MENU_BUTTON), editable.ownerDocument);
  },
  async replace(editable: HTMLElement, request: ReplaceRequest) {
    const answer = requestReplace(editable, {
      start: request.start,
      end: request.end,
      text: request.text,
      fullText: request.fullText,
    });
    if (answer?.ok) return true;
    // No bridge (or it could not map the text): let CKEditor handle a beforeinput like typing.
    if (!request.range) return false;
    return replaceWithBeforeInput(editable, request.range, request.text);
  },
};
