// @vitest-environment happy-dom
import { ClassicEditor, Essentials, Paragraph, ShiftEnter, Undo } from 'ckeditor5';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RichSurface } from '../../lib/compose/surface';
import { readText } from '../../lib/compose/textmap';
import { zendeskAdapter } from '../../lib/hosts/zendesk/adapter';
import {
  installBridge,
  modelText,
  parseReplaceMessage,
  REPLACE_EVENT,
  REPLACED_EVENT,
  replaceInModel,
  requestReplace,
  type CkEditor,
} from '../../lib/hosts/zendesk/bridge';
import { loadFixture } from './load-fixture';

type Editor = Awaited<ReturnType<typeof ClassicEditor.create>>;

/** What the fixture page's script does: a real CKEditor 5 in each ticket's composer. */
async function createEditors(): Promise<Map<string, Editor>> {
  const editors = new Map<string, Editor>();
  for (const ws of document.querySelectorAll('.workspace')) {
    const editor = await ClassicEditor.create(ws.querySelector<HTMLElement>('.composer-source')!, {
      licenseKey: 'GPL',
      plugins: [Essentials, Paragraph, Undo, ShiftEnter],
      toolbar: [],
    });
    const root = editor.editing.view.document.getRoot()!;
    editor.editing.view.change((writer) => writer.setAttribute('data-test-id', 'omnicomposer-rich-text-ckeditor', root));
    editors.set(ws.getAttribute('data-ticket-id')!, editor);
  }
  return editors;
}

const settings = { coachInternalNotes: false };
let editors: Map<string, Editor>;
let uninstall: () => void;

beforeEach(async () => {
  loadFixture('zendesk.html');
  editors = await createEditors();
  uninstall = installBridge(document);
});

afterEach(async () => {
  uninstall();
  for (const e of editors.values()) await e.destroy();
});

const boxes = () => zendeskAdapter.findComposeBoxes(document);
const editableOf = (id: string) => editors.get(id)!.ui.getEditableElement()!;
const ck = (e: Editor) => e as unknown as CkEditor;

describe('Zendesk adapter on the fixture page (real CKEditor 5)', () => {
  it('finds one composer per open ticket', () => {
    expect(boxes()).toEqual([editableOf('1001'), editableOf('1002')]);
  });

  it('coaches only the active ticket tab’s composer', () => {
    expect(zendeskAdapter.isCoached(editableOf('1001'), settings)).toBe(true);
    expect(zendeskAdapter.isCoached(editableOf('1002'), settings)).toBe(false);
    const [tab1, tab2] = document.querySelectorAll('[data-test-id="header-tab"]');
    tab1!.removeAttribute('aria-current');
    tab2!.setAttribute('aria-current', 'page');
    document.querySelector('[data-ticket-id="1001"]')!.classList.remove('is-active');
    document.querySelector('[data-ticket-id="1002"]')!.classList.add('is-active');
    expect(zendeskAdapter.isCoached(editableOf('1001'), settings)).toBe(false);
    expect(zendeskAdapter.isCoached(editableOf('1002'), settings)).toBe(true);
  });

  it('does not coach an internal note unless the agent asks for it', () => {
    const switcher = document.querySelector('[data-ticket-id="1001"] [data-test-id="omnichannel-channel-switcher-button"]')!;
    switcher.setAttribute('data-channel', 'internal');
    expect(zendeskAdapter.isCoached(editableOf('1001'), settings)).toBe(false);
    expect(zendeskAdapter.isCoached(editableOf('1001'), { coachInternalNotes: true })).toBe(true);
    switcher.setAttribute('data-channel', 'email');
    expect(zendeskAdapter.isCoached(editableOf('1001'), settings)).toBe(true);
  });

  it('reads the requester’s last public comment (not the internal note) and their name', () => {
    expect(zendeskAdapter.readContext(editableOf('1001'))).toEqual({
      customerMessage: 'まだ連絡がありません。今週中に必要なので困っています。',
      customerName: '田中 宏',
    });
    expect(zendeskAdapter.readContext(editableOf('1002'))).toEqual({
      customerMessage: 'The blender arrived cracked. I’d like a refund, please.'.replace('’', "'"),
      customerName: 'Jane Doe',
    });
  });

  it('finds the ticket’s own send controls: submit and the messaging send button, not the menu opener', () => {
    const controls = zendeskAdapter.findSendControls(editableOf('1002'));
    expect(controls.map((c) => c.getAttribute('data-test-id'))).toEqual(['omnicomposer-messaging-send-button', 'submit_button-button']);
    expect(controls.every((c) => c.closest('[data-ticket-id="1002"]'))).toBe(true);
    expect(zendeskAdapter.findSendControls(editableOf('1001')).map((c) => c.getAttribute('data-test-id'))).toEqual(['submit_button-button']);
  });

  it('finds the ticket’s own "Submit as …" status menu items', () => {
    const items = zendeskAdapter.findSendMenuItems!(editableOf('1002'));
    expect(items.map((i) => i.getAttribute('data-status'))).toEqual(['open', 'pending', 'solved']);
    expect(items.every((i) => i.closest('#submit-menu-1002'))).toBe(true);
  });

  it.each([
    ['paragraphs', '<p>田中様</p><p>お世話になっております。</p>'],
    ['an empty paragraph', '<p>a</p><p>&nbsp;</p><p>b</p>'],
    ['a soft break', '<p>一行目<br>二行目</p><p>三行目</p>'],
    ['a soft break at the end of a paragraph', '<p>a<br>&nbsp;</p><p>b</p>'],
  ])('the DOM text the session reads equals CKEditor’s model text: %s', (_why, data) => {
    const editor = editors.get('1001')!;
    editor.setData(data);
    const editable = editableOf('1001');
    // CKEditor renders some spaces as no-break spaces: the same offsets, the bridge compares them as spaces.
    const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');
    expect(nbsp(readText(editable, { exclude: zendeskAdapter.isExcluded }).text)).toBe(modelText(ck(editor)).text);
  });
});

describe('the main-world bridge', () => {
  const DRAFT = '<p>田中様</p><p>お世話になっております。</p><p>ご注文の件、確認しました。</p>';

  it('applies a fix through CKEditor’s model: getData has it, and one undo restores the draft', async () => {
    const editor = editors.get('1001')!;
    editor.setData(DRAFT);
    const editable = editableOf('1001');
    const surface = new RichSurface(editable, zendeskAdapter.isExcluded);
    const text = surface.read();
    const at = text.indexOf('お世話になっております。') + 'お世話になっております。'.length;
    const ok = await zendeskAdapter.replace(editable, {
      start: at,
      end: at,
      text: '\nこのたびはご迷惑をおかけし、誠に申し訳ございません。',
      fullText: text,
      expected: '',
      range: surface.range(at, at),
    });
    expect(ok).toBe(true);
    expect(editor.getData()).toBe(
      '<p>田中様</p><p>お世話になっております。</p><p>このたびはご迷惑をおかけし、誠に申し訳ございません。</p><p>ご注文の件、確認しました。</p>',
    );
    // The DOM follows the model (CKEditor rendered it), so the session reads the fixed text.
    expect(surface.read()).toBe('田中様\nお世話になっております。\nこのたびはご迷惑をおかけし、誠に申し訳ございません。\nご注文の件、確認しました。');
    editor.execute('undo');
    expect(editor.getData()).toBe(DRAFT);
  });

  it('replaces a word, keeping the text around it', () => {
    const editor = editors.get('1001')!;
    editor.setData('<p>配送が遅れてすみません。</p>');
    const text = modelText(ck(editor)).text;
    const answer = replaceInModel(ck(editor), { id: 'x', start: 6, end: 11, text: '申し訳ございません', fullText: text });
    expect(answer).toEqual({ id: 'x', ok: true });
    expect(editor.getData()).toBe('<p>配送が遅れて申し訳ございません。</p>');
  });

  it('replaces across paragraphs in one step', () => {
    const editor = editors.get('1001')!;
    editor.setData('<p>abc</p><p>def</p>');
    const answer = replaceInModel(ck(editor), { id: 'x', start: 2, end: 5, text: 'X', fullText: 'abc\ndef' });
    expect(answer.ok).toBe(true);
    expect(editor.getData()).toBe('<p>abXef</p>');
    editor.execute('undo');
    expect(editor.getData()).toBe('<p>abc</p><p>def</p>');
  });

  it('refuses when the editor’s text is not the text the offsets index into', () => {
    const editor = editors.get('1001')!;
    editor.setData('<p>abc</p>');
    expect(replaceInModel(ck(editor), { id: 'x', start: 0, end: 1, text: 'X', fullText: 'abd' })).toEqual({
      id: 'x',
      ok: false,
      reason: 'text-mismatch',
    });
    expect(editor.getData()).toBe('<p>abc</p>');
  });

  it('answers through events on the editable, and ignores malformed requests', () => {
    const editor = editors.get('1001')!;
    editor.setData('<p>abc</p>');
    const editable = editableOf('1001');
    expect(requestReplace(editable, { start: 0, end: 1, text: 'Z', fullText: 'abc' })).toMatchObject({ ok: true });
    expect(editor.getData()).toBe('<p>Zbc</p>');
    let answered = false;
    editable.addEventListener(REPLACED_EVENT, () => (answered = true));
    for (const detail of [undefined, '{', '{"id":"a","start":0,"end":9,"text":"x","fullText":"abc"}', JSON.stringify({ id: 'a', start: 0, end: 1, text: 'x', fullText: 'abc', html: '<b>' })]) {
      editable.dispatchEvent(new CustomEvent(REPLACE_EVENT, { bubbles: true, detail }));
    }
    expect(answered).toBe(false);
    expect(editor.getData()).toBe('<p>Zbc</p>');
  });

  it('a request on an element without an editor says so', () => {
    const div = document.createElement('div');
    document.body.append(div);
    expect(requestReplace(div, { start: 0, end: 0, text: 'x', fullText: '' })).toMatchObject({ ok: false, reason: 'no-editor' });
  });

  it('parseReplaceMessage checks every field', () => {
    expect(parseReplaceMessage(JSON.stringify({ id: 'a', start: 1, end: 0, text: '', fullText: 'ab' }))).toBeUndefined();
    expect(parseReplaceMessage(JSON.stringify({ id: 'a', start: 0, end: 1, text: 1, fullText: 'ab' }))).toBeUndefined();
    expect(parseReplaceMessage({ id: 'a' })).toBeUndefined();
    expect(parseReplaceMessage(JSON.stringify({ id: 'a', start: 0, end: 1, text: 'x', fullText: 'ab' }))).toEqual({
      id: 'a',
      start: 0,
      end: 1,
      text: 'x',
      fullText: 'ab',
    });
  });
});
