// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { readText } from '../../lib/compose/textmap';
import { composeContainer, gmailAdapter, recipientsOf } from '../../lib/hosts/gmail/adapter';
import { loadFixture } from './load-fixture';

function boxes() {
  return gmailAdapter.findComposeBoxes(document);
}

function openTemplate(id: string) {
  const template = document.getElementById(id) as HTMLTemplateElement;
  document.getElementById('dialogs')!.append(document.importNode(template.content, true));
}

describe('Gmail adapter on the fixture page', () => {
  beforeEach(() => {
    loadFixture('gmail.html');
  });

  it('finds the inline reply and the new-message dialog, and later compose windows too', () => {
    const found = boxes();
    expect(found).toHaveLength(2);
    expect(found[0]!.closest('[role="main"]')).not.toBeNull();
    expect(found[1]!.closest('[role="dialog"]')).not.toBeNull();
    openTemplate('compose-template');
    openTemplate('plain-template');
    const more = boxes();
    expect(more).toHaveLength(4);
    expect(more[3]).toBeInstanceOf(HTMLTextAreaElement);
  });

  it('does not coach the quoted history or the signature', () => {
    const reply = boxes()[0]!;
    // The agent types the first line; quote and signature stay out of the text.
    reply.querySelector('div[dir="ltr"]')!.replaceChildren(document.createTextNode('田中様'));
    const { text } = readText(reply, { exclude: gmailAdapter.isExcluded });
    expect(text.trim()).toBe('田中様');
  });

  it('reads the customer’s last message, their name and the recipients for the inline reply', () => {
    const context = gmailAdapter.readContext(boxes()[0]!);
    expect(context.recipients).toEqual(['tanaka@example.co.jp']);
    expect(context.customerName).toBe('田中 宏');
    // The last message from a recipient, without its quoted history.
    expect(context.customerMessage).toBe('佐藤様\n\nその後いかがでしょうか。今週中に必要なので困っています。\n早急にご対応ください。');
  });

  it('a new message has recipients but no thread', () => {
    const context = gmailAdapter.readContext(boxes()[1]!);
    expect(context).toEqual({ recipients: ['jane.doe@example.com'], customerName: 'Jane Doe' });
  });

  it('a popped-out reply whose subject matches the open thread reads the thread', () => {
    openTemplate('compose-template');
    const dialog = [...document.querySelectorAll('[role="dialog"]')].at(-1)!;
    dialog.querySelector<HTMLInputElement>('input[name="subjectbox"]')!.value = 'Re: ご注文の商品が届きません';
    const chip = document.createElement('div');
    chip.setAttribute('role', 'option');
    chip.setAttribute('data-hovercard-id', 'Tanaka@Example.co.jp');
    dialog.querySelector('.recipients')!.append(chip);
    const context = gmailAdapter.readContext(boxes().at(-1)!);
    expect(context.recipients).toEqual(['tanaka@example.co.jp']);
    expect(context.customerMessage).toMatch(/^佐藤様/);
  });

  it('reads legacy recipient chips and hidden recipient inputs', () => {
    const div = document.createElement('div');
    const span = document.createElement('span');
    span.setAttribute('email', 'old@example.jp');
    span.setAttribute('name', 'Old Chip');
    const input = document.createElement('input');
    input.name = 'cc';
    input.value = 'A <a@example.com>, b@example.com';
    div.append(span, input);
    expect(recipientsOf(div)).toEqual([
      { address: 'old@example.jp', name: 'Old Chip' },
      { address: 'a@example.com' },
      { address: 'b@example.com' },
    ]);
  });

  it('finds each compose window’s own send button, keyed on the shortcut, not the word', () => {
    const [reply, dialog] = boxes();
    const replySend = gmailAdapter.findSendControls(reply!);
    expect(replySend.map((b) => b.textContent)).toEqual(['送信']);
    expect(gmailAdapter.findSendControls(dialog!).map((b) => b.textContent)).toEqual(['Send']);
    expect(composeContainer(reply!).contains(dialog!)).toBe(false);
  });

  it('finds each window’s "More send options" menu items through the button’s aria-controls (the menu lives outside the window)', () => {
    const [reply, dialog] = boxes();
    expect(gmailAdapter.findSendMenuItems!(reply!).map((i) => i.textContent)).toEqual(['送信日時を設定']);
    expect(gmailAdapter.findSendMenuItems!(dialog!).map((i) => i.textContent)).toEqual(['Schedule send']);
    expect(composeContainer(dialog!).contains(gmailAdapter.findSendMenuItems!(dialog!)[0]!)).toBe(false);
  });
});
