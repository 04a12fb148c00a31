// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BADGE_TAG, ComposeSession, displaySpan, EVENTS } from '../../lib/compose/session';
import { ContextInvalidatedError } from '../../lib/contract/transport';
import { casual, fakeAdapter, missingApology, readyAnswer, ScriptedClient, settle } from './fakes';

function editor(lines: string[]): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('contenteditable', 'true');
  for (const line of lines) {
    const div = document.createElement('div');
    if (line) div.append(document.createTextNode(line));
    else div.append(document.createElement('br'));
    el.append(div);
  }
  document.body.replaceChildren(el);
  return laidOut(el);
}

/** happy-dom has no layout: give the editor a box so the badge has somewhere to sit. */
function laidOut<T extends HTMLElement>(el: T): T {
  el.getBoundingClientRect = () => new DOMRect(20, 20, 500, 200);
  return el;
}

function badgeOf(session: ComposeSession) {
  const host = session.host;
  return {
    host,
    state: host.getAttribute('data-tonebridge-state'),
    findings: host.getAttribute('data-tonebridge-findings'),
    market: host.getAttribute('data-tonebridge-market'),
    shadow: host.shadowRoot!,
  };
}

const LINES = ['田中様', 'お世話になっております。', 'ご注文の件、確認しました。'];

afterEach(() => {
  document.body.replaceChildren();
});

describe('displaySpan', () => {
  const text = '田中様\nお世話になっております。\nご注文の件、確認しました。';
  it('underlines a span as it is', () => expect(displaySpan(text, 0, 3)).toEqual({ start: 0, end: 3 }));
  it('an insertion point at a line end underlines the next line', () => {
    const at = text.indexOf('\nご注文');
    expect(text.slice(...Object.values(displaySpan(text, at, at)) as [number, number])).toBe('ご注文の件、確認しました。');
  });
  it('an insertion point at the very end underlines the last line', () => {
    const s = displaySpan(text, text.length, text.length);
    expect(text.slice(s.start, s.end)).toBe('ご注文の件、確認しました。');
  });
});

describe('ComposeSession', () => {
  it('puts a badge host on the page with the documented attributes, loading until the coach answers', async () => {
    const el = editor(LINES);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const client = new ScriptedClient(async (text) => {
      await gate;
      return readyAnswer(text, [missingApology(text, 'ご注文')]);
    });
    const session = new ComposeSession(el, { adapter: fakeAdapter(), client, onInvalidated: vi.fn() });
    session.setCoached(true);
    expect(document.querySelectorAll(BADGE_TAG)).toHaveLength(1);
    expect(badgeOf(session)).toMatchObject({ state: 'loading', findings: '0', market: null });
    release();
    await settle();
    expect(badgeOf(session)).toMatchObject({ state: 'ready', findings: '1', market: 'jp' });
    expect(client.calls[0]).toEqual({ text: LINES.join('\n'), context: { customerName: 'Tanaka' } });
    // The editor's DOM is untouched: no element was added inside it.
    expect(el.querySelector(BADGE_TAG)).toBeNull();
    expect(el.children).toHaveLength(3);
    session.dispose();
    expect(document.querySelectorAll(BADGE_TAG)).toHaveLength(0);
  });

  it('shows "loading" while Japanese loads, warms, then asks again', async () => {
    const el = editor(LINES);
    const client = new ScriptedClient((text, call) =>
      call === 1
        ? { ok: true, state: 'loading', langs: ['ja'], market: { id: 'jp', name: 'Japan', source: 'language' }, uiLang: 'en' }
        : readyAnswer(text, [missingApology(text, 'ご注文')]),
    );
    const session = new ComposeSession(el, { adapter: fakeAdapter(), client, onInvalidated: vi.fn() });
    const states: string[] = [];
    new MutationObserver(() => states.push(session.host.getAttribute('data-tonebridge-state')!)).observe(session.host, {
      attributes: true,
    });
    session.setCoached(true);
    await settle();
    expect(client.warms).toBe(1);
    expect(client.calls).toHaveLength(2);
    expect(badgeOf(session)).toMatchObject({ state: 'ready', findings: '1' });
    expect(states).toContain('loading');
    session.dispose();
  });

  it('a failed dictionary load shows the error state, and the badge retries', async () => {
    const el = editor(LINES);
    const client = new ScriptedClient(() => ({
      ok: true,
      state: 'loading',
      langs: ['ja'],
      market: { id: 'jp', name: 'Japan', source: 'language' },
      uiLang: 'en',
    }));
    client.warmResult = false;
    const session = new ComposeSession(el, { adapter: fakeAdapter(), client, onInvalidated: vi.fn() });
    session.setCoached(true);
    await settle();
    expect(badgeOf(session).state).toBe('error');
    client.answer = (text) => readyAnswer(text, []);
    badgeOf(session).shadow.querySelector<HTMLButtonElement>('.badge')!.click();
    await settle();
    expect(badgeOf(session)).toMatchObject({ state: 'ready', findings: '0' });
    session.dispose();
  });

  it('moves underlines with typing at once, then analyses the new text', async () => {
    const el = editor(LINES);
    const client = new ScriptedClient((text) => readyAnswer(text, text.includes('ご注文') ? [missingApology(text, 'ご注文')] : []));
    const session = new ComposeSession(el, { adapter: fakeAdapter(), client, onInvalidated: vi.fn() });
    session.setCoached(true);
    await settle();
    const before = session.findings[0]!.start;
    const remapped = vi.fn();
    session.host.addEventListener(EVENTS.remapped, remapped);
    // The agent types at the start of the first line: the finding moves right away.
    (el.firstElementChild!.firstChild as Text).insertData(0, '株式会社ABC ');
    el.dispatchEvent(new Event('input'));
    expect(remapped).toHaveBeenCalledTimes(1);
    expect(session.findings[0]!.start).toBe(before + '株式会社ABC '.length);
    await settle();
    expect(client.calls.at(-1)!.text.startsWith('株式会社ABC 田中様')).toBe(true);
    session.dispose();
  });

  it('does not analyse in the middle of an IME composition', async () => {
    const el = editor(LINES);
    const client = new ScriptedClient((text) => readyAnswer(text, []));
    const session = new ComposeSession(el, { adapter: fakeAdapter(), client, onInvalidated: vi.fn() });
    session.setCoached(true);
    await settle();
    const calls = client.calls.length;
    el.dispatchEvent(new Event('compositionstart'));
    (el.lastElementChild!.firstChild as Text).appendData('もう');
    el.dispatchEvent(new Event('input'));
    await settle();
    expect(client.calls.length).toBe(calls);
    el.dispatchEvent(new Event('compositionend'));
    await settle();
    expect(client.calls.length).toBe(calls + 1);
    session.dispose();
  });

  it('folds keystrokes that arrive during a request into one more request', async () => {
    const el = editor(['a']);
    let release!: () => void;
    let gate = new Promise<void>((r) => (release = r));
    const client = new ScriptedClient(async (text) => {
      await gate;
      return readyAnswer(text, []);
    });
    const session = new ComposeSession(el, { adapter: fakeAdapter(), client, onInvalidated: vi.fn() });
    session.setCoached(true);
    await settle();
    const text = el.firstElementChild!.firstChild as Text;
    for (const ch of 'bcdef') {
      text.appendData(ch);
      el.dispatchEvent(new Event('input'));
      await settle(1);
    }
    expect(client.calls).toHaveLength(1);
    const first = release;
    gate = new Promise<void>((r) => (release = r));
    first();
    await settle();
    release();
    await settle();
    expect(client.calls.map((c) => c.text)).toEqual(['a', 'abcdef']);
    session.dispose();
  });

  it('an answer for the empty box that arrives after typing began is not shown as "no suggestions"', async () => {
    const el = editor(['']);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const states: (string | null)[] = [];
    const client = new ScriptedClient(async (text) => {
      if (text.trim() === '') await gate;
      return readyAnswer(text, text.trim() === '' ? [] : [missingApology(text, '確認')]);
    });
    const session = new ComposeSession(el, { adapter: fakeAdapter(), client, onInvalidated: vi.fn() });
    session.setCoached(true);
    await settle();
    el.firstElementChild!.replaceChildren(document.createTextNode('ご注文の件、確認しました。'));
    el.dispatchEvent(new Event('input'));
    await settle(1);
    new MutationObserver(() => states.push(session.host.getAttribute('data-tonebridge-state') + ':' + session.host.getAttribute('data-tonebridge-findings'))).observe(session.host, { attributes: true });
    release();
    await settle();
    expect(states).not.toContain('ready:0');
    expect(badgeOf(session)).toMatchObject({ state: 'ready', findings: '1' });
    expect(client.calls.map((c) => c.text)).toEqual(['', 'ご注文の件、確認しました。']);
    session.dispose();
  });

  it('opens a card from the badge, applies a fix through the adapter, and analyses again', async () => {
    const lines = ['配送が遅れてすみません。', '明日お届けします。'];
    const el = editor(lines);
    const client = new ScriptedClient((text) => readyAnswer(text, text.includes('すみません') ? [casual(text, 'すみません')] : []));
    const adapter = fakeAdapter();
    const session = new ComposeSession(el, { adapter, client, onInvalidated: vi.fn() });
    session.setCoached(true);
    await settle();
    const { shadow } = badgeOf(session);
    shadow.querySelector<HTMLButtonElement>('.badge')!.click();
    const card = shadow.querySelector('[role="dialog"]')!;
    expect(card.querySelector('.message')!.textContent).toBe('message for ja/missing-apology:casual');
    expect(card.querySelector('.reason')!.textContent).toContain('reason for ja/missing-apology');
    // The first action has the focus (keyboard first).
    expect(shadow.activeElement?.textContent).toBe('label ja/missing-apology:upgrade');
    card.querySelector<HTMLButtonElement>('button.fix')!.click();
    await settle();
    expect(adapter.replaced).toHaveLength(1);
    expect(adapter.replaced[0]).toMatchObject({ start: 6, end: 11, text: '申し訳ございません', expected: 'すみません' });
    expect(session.status.text).toBe('配送が遅れて申し訳ございません。\n明日お届けします。');
    expect(client.calls.at(-1)!.text).toBe('配送が遅れて申し訳ございません。\n明日お届けします。');
    expect(badgeOf(session).findings).toBe('0');
    expect(shadow.querySelector('[role="dialog"]')).toBeNull();
    session.dispose();
  });

  it('speaks the UI language the coach chose: a Japanese badge and card', async () => {
    const el = editor(LINES);
    const client = new ScriptedClient((text) => readyAnswer(text, [missingApology(text, 'ご注文')], 'jp', 'ja'));
    const session = new ComposeSession(el, { adapter: fakeAdapter(), client, onInvalidated: vi.fn() });
    session.setCoached(true);
    await settle();
    const { shadow } = badgeOf(session);
    const badge = shadow.querySelector<HTMLButtonElement>('.badge')!;
    expect(badge.getAttribute('aria-label')).toBe('Tonebridge: 日本、指摘 1 件。開く');
    expect([...shadow.querySelectorAll('.chip')].map((c) => c.textContent)).toEqual(['✗ お詫び', '✗ 原因', '✓ 今後の対応', '✓ 敬語']);
    badge.click();
    expect(shadow.querySelector('.kind')!.textContent).toBe('お詫び');
    expect(shadow.querySelector('button.dismiss')!.textContent).toBe('このメッセージでは無視');
    session.dispose();
  });

  it('a fix whose words the agent has since edited is not applied', async () => {
    const el = editor(['配送が遅れてすみません。']);
    const client = new ScriptedClient(async (text) => readyAnswer(text, text.includes('すみません') ? [casual(text, 'すみません')] : []));
    const adapter = fakeAdapter();
    const session = new ComposeSession(el, { adapter, client, onInvalidated: vi.fn(), pauseMs: 10_000 });
    session.setCoached(true);
    await settle();
    // Edit inside the span without input reaching the session (e.g. a host script) …
    (el.firstElementChild!.firstChild as Text).replaceData(6, 2, 'すい');
    expect(await session.apply(0, 0)).toBe(false);
    expect(adapter.replaced).toHaveLength(0);
    session.dispose();
  });

  it('dismisses a finding for this message: it stays dismissed when analysed again', async () => {
    const el = editor(LINES);
    const client = new ScriptedClient((text) => readyAnswer(text, [missingApology(text, 'ご注文')]));
    const session = new ComposeSession(el, { adapter: fakeAdapter(), client, onInvalidated: vi.fn() });
    session.setCoached(true);
    await settle();
    const { shadow } = badgeOf(session);
    shadow.querySelector<HTMLButtonElement>('.badge')!.click();
    shadow.querySelector<HTMLButtonElement>('button.dismiss')!.click();
    expect(badgeOf(session).findings).toBe('0');
    session.refresh();
    await settle();
    expect(client.calls.length).toBeGreaterThan(1);
    expect(badgeOf(session).findings).toBe('0');
    session.dispose();
  });

  it('Escape closes the card and gives the focus back to the draft', async () => {
    const el = editor(LINES);
    const client = new ScriptedClient((text) => readyAnswer(text, [missingApology(text, 'ご注文')]));
    const session = new ComposeSession(el, { adapter: fakeAdapter(), client, onInvalidated: vi.fn() });
    session.setCoached(true);
    await settle();
    const { shadow } = badgeOf(session);
    shadow.querySelector<HTMLButtonElement>('.badge')!.click();
    const card = shadow.querySelector('[role="dialog"]')!;
    card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(shadow.querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(el);
    session.dispose();
  });

  it('an orphaned content script (extension reloaded) reports itself instead of drawing errors', async () => {
    const el = editor(LINES);
    const client = new ScriptedClient(() => {
      throw new ContextInvalidatedError();
    });
    const onInvalidated = vi.fn();
    const session = new ComposeSession(el, { adapter: fakeAdapter(), client, onInvalidated });
    session.setCoached(true);
    await settle();
    expect(onInvalidated).toHaveBeenCalled();
    session.dispose();
  });

  it('a throwing adapter never breaks the session or the page', async () => {
    const el = editor(LINES);
    const client = new ScriptedClient((text) => readyAnswer(text, []));
    const adapter = fakeAdapter({
      readContext: () => {
        throw new Error('selector broke');
      },
    });
    const log = vi.fn();
    const session = new ComposeSession(el, { adapter, client, onInvalidated: vi.fn(), log });
    session.setCoached(true);
    await settle();
    expect(client.calls[0]!.context).toEqual({});
    expect(badgeOf(session).state).toBe('ready');
    expect(log).toHaveBeenCalled();
    session.dispose();
  });

  it('hidden while not coached (another ticket tab), back when coached again', async () => {
    const el = editor(LINES);
    const client = new ScriptedClient((text) => readyAnswer(text, [missingApology(text, 'ご注文')]));
    const session = new ComposeSession(el, { adapter: fakeAdapter(), client, onInvalidated: vi.fn() });
    session.setCoached(true);
    await settle();
    session.setCoached(false);
    expect(session.host.style.getPropertyValue('display')).toBe('none');
    session.setCoached(true);
    expect(session.host.style.getPropertyValue('display')).toBe('block');
    session.dispose();
  });

  it('textareas (plain-text mode) are read by value', async () => {
    const ta = document.createElement('textarea');
    ta.value = '配送が遅れてすみません。';
    document.body.replaceChildren(laidOut(ta));
    const client = new ScriptedClient((text) => readyAnswer(text, [casual(text, 'すみません')]));
    const session = new ComposeSession(ta, { adapter: fakeAdapter(), client, onInvalidated: vi.fn() });
    session.setCoached(true);
    await settle();
    expect(client.calls[0]!.text).toBe('配送が遅れてすみません。');
    expect(badgeOf(session).findings).toBe('1');
    session.dispose();
  });
});
