// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { adoptCss } from '../../lib/compose/paint';
import { DIALOG_TAG, showDialog, type DialogResult, type DialogView } from '../../lib/guard/dialog';

const WARN_VIEW: DialogView = {
  uiLang: 'en',
  market: 'United States',
  guard: { mode: 'warn' },
  blocking: [],
  warnings: [
    { label: 'No apology', level: 'warn', keys: ['a'] },
    { label: '2 plain-form endings', level: 'warn', keys: ['b', 'c'] },
  ],
};

const BLOCK_VIEW: DialogView = {
  uiLang: 'ja',
  market: '日本',
  guard: { mode: 'block', setBy: { packId: 'acme/send-rules', packName: 'Acme Support Policy', source: 'managed' } },
  blocking: [{ label: '「ASAP」ではなく具体的な時期を伝えます。', level: 'block', keys: ['x'] }],
  warnings: [{ label: 'お詫びがありません', level: 'warn', keys: ['a'] }],
};

function open(view: DialogView) {
  const result = showDialog(document, view, adoptCss);
  const host = document.querySelector(DIALOG_TAG)!;
  const root = host.shadowRoot!;
  const q = <T extends Element>(s: string) => root.querySelector<T>(s)!;
  return { result, host, root, q };
}

afterEach(() => document.body.replaceChildren());

const key = (k: string, shift = false) => new KeyboardEvent('keydown', { key: k, shiftKey: shift, bubbles: true, cancelable: true, composed: true });

describe('pre-send dialog', () => {
  it('warn: lists what is missing, focus starts on Review, Esc means Review, and it goes away', async () => {
    const d = open(WARN_VIEW);
    expect(d.q('h2').textContent).toBe('Before you send — United States');
    expect([...d.root.querySelectorAll('ul.missing li')].map((li) => li.textContent)).toEqual(['No apology', '2 plain-form endings']);
    expect(d.root.activeElement).toBe(d.q('button.review'));
    d.q('[role="alertdialog"]').dispatchEvent(key('Escape'));
    expect(await d.result).toEqual<DialogResult>({ action: 'review' });
    expect(document.querySelector(DIALOG_TAG)).toBeNull();
  });

  it('warn: Send anyway with "don’t ask again"', async () => {
    const d = open(WARN_VIEW);
    const box = d.q<HTMLInputElement>('input.dont-ask');
    box.click();
    await new Promise((r) => setTimeout(r, 0));
    d.q<HTMLButtonElement>('button.send').click();
    expect(await d.result).toEqual({ action: 'send', dontAskAgain: true, reasons: [] });
  });

  it('Tab is trapped inside the dialog', () => {
    const d = open(WARN_VIEW);
    const dialog = d.q('[role="alertdialog"]');
    // Review is last: Tab wraps to the first focusable (the checkbox), Shift+Tab back to Review.
    dialog.dispatchEvent(key('Tab'));
    expect(d.root.activeElement).toBe(d.q('input.dont-ask'));
    dialog.dispatchEvent(key('Tab', true));
    expect(d.root.activeElement).toBe(d.q('button.review'));
  });

  it('keys typed in the dialog never reach the page’s shortcuts', () => {
    const d = open(WARN_VIEW);
    let seen = 0;
    document.addEventListener('keydown', () => seen++);
    d.q('button.review').dispatchEvent(key('c'));
    expect(seen).toBe(0);
  });

  it('block (Japanese UI): names the pack and its source, needs a typed reason, offers no "don’t ask again"', async () => {
    const d = open(BLOCK_VIEW);
    expect(d.q('h2').textContent).toBe('送信前の確認（日本）');
    expect(d.q('.setby').textContent).toBe('設定：Acme Support Policy（組織のポリシー）');
    expect(d.root.querySelector('input.dont-ask')).toBeNull();
    const send = d.q<HTMLButtonElement>('button.send');
    expect(send.textContent).toBe('理由を付けて送信');
    expect(send.disabled).toBe(true);
    const input = d.q<HTMLInputElement>('input.reason-input');
    input.value = '   ';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect(send.disabled).toBe(true);
    input.value = 'お客様のご指定の表現のため';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect(send.disabled).toBe(false);
    send.click();
    expect(await d.result).toEqual({ action: 'send', dontAskAgain: false, reasons: [{ keys: ['x'], reason: 'お客様のご指定の表現のため' }] });
  });
});
