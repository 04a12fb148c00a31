/**
 * Gmail's DOM, as Tonebridge reads it. Keyed on attributes and roles Gmail uses for its own editing
 * and accessibility, never on translated labels (aria-label="Message Body" is "メッセージ本文" in a
 * Japanese UI) and, where possible, not on Gmail's obfuscated class names.
 *
 * Seen on mail.google.com (2024–2025 "Material 3" UI): new-message dialogs, inline replies in a
 * thread, popped-out replies, several compose windows at once. The fixture test/fixtures/gmail.html
 * reproduces these shapes; test/hosts/gmail.test.ts checks every selector against it.
 */

/**
 * The rich-text compose body. `g_editable="true"` is Gmail's own marker for its editor; with
 * `contenteditable="true"` it excludes read-only copies (e.g. a draft preview).
 * Example: `<div class="Am Al editable LW-avf" g_editable="true" role="textbox" contenteditable="true">`.
 */
export const RICH_BODY = 'div[g_editable="true"][contenteditable="true"]';

/**
 * The plain-text compose body ("Plain text mode" in the compose menu; Gmail's basic HTML view):
 * a `<textarea name="body">`. Subject and recipient fields are inputs, never this textarea.
 */
export const PLAIN_BODY = 'textarea[name="body"]';

/** A compose window opened as a dialog: new message, pop-out reply, full-screen compose. */
export const COMPOSE_DIALOG = '[role="dialog"]';

/**
 * The send button of a compose window: a `div[role="button"]` whose tooltip names the keyboard
 * shortcut — "Send ‪(Ctrl-Enter)‬", "送信 ‪(Ctrl+Enter)‬" — the key name is the same in every UI
 * language, the word "Send" is not.
 */
export const SEND_BUTTON = '[role="button"][data-tooltip*="Enter"]';

/**
 * "More send options" beside the send button: an ARIA menu button (`aria-haspopup`, `aria-controls`
 * naming the menu Gmail renders at the end of the body) whose items — "Schedule send" — send too.
 */
export const SEND_OPTIONS_BUTTON = '[role="button"][aria-haspopup="true"][aria-controls]';

/**
 * Recipient chips. Since the 2021 compose refresh each recipient is a `div[role="option"]` carrying
 * the address in `data-hovercard-id` and the display name in `data-name`; older chips are
 * `span[email]`. Hidden `input[name="to"|"cc"|"bcc"]` hold the addresses as typed text.
 */
export const RECIPIENT_CHIP = '[role="option"][data-hovercard-id]';
export const RECIPIENT_CHIP_LEGACY = 'span[email]';
export const RECIPIENT_INPUT = 'input[name="to"], input[name="cc"], input[name="bcc"]';

/** The subject field of a compose window. */
export const SUBJECT_INPUT = 'input[name="subjectbox"]';

/** Quoted history inside a compose body or a message ("On … wrote:" and the blockquote). */
export const QUOTE = '.gmail_quote, .gmail_extra';

/**
 * The signature Gmail inserts into the body: the "-- " prefix and the signature block
 * (`data-smartmail="gmail_signature"` on the block; `.gmail_signature` in older drafts).
 */
export const SIGNATURE = '.gmail_signature, .gmail_signature_prefix, [data-smartmail="gmail_signature"]';

/** The conversation view: the main region holds the thread and the inline reply. */
export const MAIN = '[role="main"]';

/** The thread's subject heading. */
export const THREAD_SUBJECT = 'h2.hP, h2[data-thread-perm-id]';

/** One message of the thread (expanded); `data-message-id` is stable across UI languages. */
export const THREAD_MESSAGE = '[data-message-id]';

/** A message's sender: `<span class="gD" email="…" name="…">`. */
export const MESSAGE_SENDER = '.gD[email]';

/** A message's body (its quoted history is `.gmail_quote` inside it). */
export const MESSAGE_BODY = '.a3s';
