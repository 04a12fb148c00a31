/**
 * Zendesk Agent Workspace's DOM, as Tonebridge reads it. Zendesk marks its UI with `data-test-id`
 * attributes that do not change with the agent's language; Tonebridge keys on those and on
 * CKEditor 5's own classes, never on visible labels ("Public reply" is "公開返信" in Japanese).
 *
 * Seen on *.zendesk.com/agent (Agent Workspace, 2024–2025): several ticket tabs open in one page
 * (each ticket's panel stays in the DOM; only the header tab says which is active), the CKEditor 5
 * composer, the public reply / internal note switcher, and the conversation log. The fixture
 * test/fixtures/zendesk.html reproduces these shapes; test/hosts/zendesk.test.ts checks them.
 */

/**
 * The rich-text composer: CKEditor 5's editable root, marked by Zendesk.
 * Example: `<div class="ck ck-content ck-editor__editable ck-rounded-corners ck-editor__editable_inline"
 * role="textbox" contenteditable="true" data-test-id="omnicomposer-rich-text-ckeditor">`.
 */
export const COMPOSER = '.ck-editor__editable[data-test-id="omnicomposer-rich-text-ckeditor"][contenteditable="true"]';

/** Header tabs: one per open ticket; the active one has `aria-current="page"`, the ticket id in `data-entity-id`. */
export const HEADER_TAB = '[data-test-id="header-tab"]';
export const ACTIVE_HEADER_TAB = '[data-test-id="header-tab"][aria-current="page"]';

/** A ticket's panel (conversation, composer, footer), keyed by ticket id; all open tickets stay in the DOM. */
export const TICKET_PANEL = '[data-ticket-id]';
export const TICKET_ID_ATTRIBUTE = 'data-ticket-id';

/** The composer's frame: channel switcher, editor, toolbar. */
export const EDITOR_VIEW = '[data-test-id="editor-view"]';

/**
 * The reply channel switcher; `data-channel` is `internal` for an internal note, or the public
 * channel (`web`, `email`, `messaging` …) for a reply the customer reads.
 */
export const CHANNEL_SWITCHER = '[data-test-id="omnichannel-channel-switcher-button"]';
export const INTERNAL_CHANNEL = 'internal';

/** Conversation log items, oldest first. */
export const LOG_ITEM = 'article[data-test-id="omni-log-comment-item"]';
/** An item's message; `type="end-user"` for the requester, `agent` for agents. */
export const LOG_MESSAGE = '[data-test-id="omni-log-item-message"]';
export const END_USER_TYPE = 'end-user';
/** An internal note carries this tag. */
export const INTERNAL_NOTE_TAG = '[data-test-id="omni-log-internal-note-tag"]';
/** The message text and its author. */
export const LOG_CONTENT = '[data-test-id="omni-log-message-content"]';
export const LOG_AUTHOR = '[data-test-id="omni-log-comment-user-link"]';

/**
 * Submit ("Submit as Open") and the button opening its status menu ("Submit as Open / Pending /
 * Solved"); the menu (`role="menu"`) is tied to that button by `aria-controls`, and every item sends.
 */
export const SUBMIT_BUTTON = '[data-test-id="submit_button-button"]';
export const SUBMIT_MENU_BUTTON = '[data-test-id="submit_button-menu-button"]';

/** The messaging composer's own send button (messaging channel: WhatsApp, web widget …). */
export const MESSAGING_SEND_BUTTON = '[data-test-id="omnicomposer-messaging-send-button"]';

/** Parts CKEditor puts inside the editable that are not text (widget selection helpers). */
export const EDITOR_CHROME = '.ck-fake-selection-container, .ck-widget__type-around, .ck-widget__resizer';

/** Attributes whose change switches a composer on or off (active tab, reply channel). */
export const WATCHED_ATTRIBUTES = ['aria-current', 'data-channel', 'hidden'] as const;
