// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PreSendCheck } from '../../lib/guard/check';
import type { DialogResult, DialogView } from '../../lib/guard/dialog';
import { startGuard, type Guard, type GuardOutcome, type GuardSession } from '../../lib/guard/interceptor';
import type { HostAdapter } from '../../lib/hosts/types';

function page() {
  document.body.replaceChildren();
  const box = document.createElement('div');
  box.className = 'compose';
  const editable = document.createElement('div');
  editable.contentEditable = 'true';
  editable.textContent = 'Hi, we shipped it.';
  const send = document.createElement('div');
  send.setAttribute('role', 'button');
  send.className = 'send';
  const native = document.createElement('button');
  native.className = 'native';
  box.append(editable, send, native);
  document.body.append(box);
  return { editable, send, native };
}

const adapter = {
  findSendControls: (editable: HTMLElement) => [...editable.parentElement!.querySelectorAll<HTMLElement>('.send, .native')],
} as unknown as HostAdapter;

const WARN: PreSendCheck = {
  text: 'Hi, we shipped it.',
  uiLang: 'en',
  guard: { mode: 'warn' },
  findings: [{ key: 'a', ruleId: 'en/missing-apology-formal', kind: 'apology', level: 'warn', message: 'Apologise' }],
};

function session(
  editable: HTMLElement,
  check: () => Promise<PreSendCheck | undefined>,
  last?: PreSendCheck,
): GuardSession & { reviewed: string[]; asked: number } {
  const reviewed: string[] = [];
  const s = {
    editable,
    isCoached: true,
    guardMode: 'warn' as GuardSession['guardMode'],
    uiLang: 'en' as const,
    skipAsk: false,
    asked: 0,
    lastCheck: () => last,
    checkNow: () => (s.asked++, check()),
    reviewFinding: (key: string) => (reviewed.push(key), true),
    dismissWithReason: (_key: string, _reason: string) => true,
    reviewed,
  };
  return s;
}

let guard: Guard | undefined;
afterEach(() => {
  guard?.stop();
  guard = undefined;
  vi.useRealTimers();
});

function setup(check: () => Promise<PreSendCheck | undefined>, answer: DialogResult = { action: 'review' }, last?: PreSendCheck) {
  const dom = page();
  const s = session(dom.editable, check, last);
  const notes: string[] = [];
  const sends: string[] = [];
  const shown: DialogView[] = [];
  const outcomes: GuardOutcome[] = [];
  // The host's own listeners (bubble phase, registered like a page's).
  document.addEventListener('click', (e) => {
    if ((e.target as Element).closest('.send, .native')) sends.push('click');
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.ctrlKey) sends.push(`shortcut:${e.keyCode}`);
  });
  guard = startGuard({
    adapter,
    sessions: () => [s],
    show: async (view) => (shown.push(view), answer),
    showChecking: () => (notes.push('shown'), () => notes.push('hidden')),
    onSettled: (o) => outcomes.push(o),
  });
  return { ...dom, s, sends, shown, outcomes, notes };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('interceptor', () => {
  beforeEach(() => vi.useRealTimers());

  it('holds a click on a send control with open findings, shows the dialog, and Review opens the first finding', async () => {
    const t = setup(async () => WARN);
    t.send.click();
    expect(t.sends).toEqual([]);
    await settle();
    await settle();
    expect(t.shown).toHaveLength(1);
    expect(t.shown[0]!.warnings.map((w) => w.label)).toEqual(['No apology']);
    expect(t.sends).toEqual([]);
    expect(t.s.reviewed).toEqual(['a']);
  });

  it('Send anyway re-dispatches the same click once; "don’t ask again" sticks to the session', async () => {
    const t = setup(async () => WARN, { action: 'send', dontAskAgain: true, reasons: [] });
    t.send.click();
    await settle();
    await settle();
    expect(t.sends).toEqual(['click']);
    expect(t.s.skipAsk).toBe(true);
    expect(t.outcomes.map((o) => o.result)).toEqual(['sent-anyway']);
  });

  it('a clean draft goes straight through, by the same path (Ctrl+Enter keeps its keyCode)', async () => {
    const t = setup(async () => ({ ...WARN, findings: [] }));
    t.editable.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, keyCode: 13, bubbles: true, cancelable: true } as KeyboardEventInit));
    expect(t.sends).toEqual([]);
    await settle();
    expect(t.shown).toHaveLength(0);
    expect(t.sends).toEqual(['shortcut:13']);
    expect(t.outcomes[0]!.result).toBe('sent');
  });

  it('unchanged text: decides from the last answer at once, with no round trip (a sleeping worker does not matter)', async () => {
    const t = setup(() => new Promise(() => undefined), { action: 'review' }, WARN);
    t.send.click();
    await settle();
    expect(t.s.asked).toBe(0);
    expect(t.shown).toHaveLength(1);
    expect(t.notes).toEqual([]);
    expect(t.sends).toEqual([]);
  });

  it('a decision from the last answer on mouseup still takes the gesture’s click: Send anyway sends once', async () => {
    const t = setup(() => new Promise(() => undefined), { action: 'send', dontAskAgain: false, reasons: [] }, WARN);
    const mouse = (type: string) => new MouseEvent(type, { bubbles: true, cancelable: true, button: 0 });
    t.send.dispatchEvent(mouse('mouseup'));
    t.send.dispatchEvent(mouse('click'));
    await settle();
    await settle();
    expect(t.shown).toHaveLength(1);
    expect(t.sends).toEqual(['click']);
  });

  it('changed text: shows that it is checking and waits for a slow coach (a worker waking up) instead of sending', async () => {
    vi.useFakeTimers();
    let answer!: (c: PreSendCheck) => void;
    const t = setup(() => new Promise((resolve) => (answer = resolve)));
    t.send.click();
    expect(t.s.asked).toBe(1);
    vi.advanceTimersByTime(149);
    expect(t.notes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(t.notes).toEqual(['shown']);
    vi.advanceTimersByTime(2000);
    expect(t.sends).toEqual([]);
    answer(WARN);
    await vi.runAllTimersAsync();
    expect(t.notes).toEqual(['shown', 'hidden']);
    expect(t.shown).toHaveLength(1);
    expect(t.sends).toEqual([]);
  });

  it('a quick answer never flashes the checking note', async () => {
    const t = setup(async () => ({ ...WARN, findings: [] }));
    t.send.click();
    await settle();
    await new Promise((r) => setTimeout(r, 200));
    expect(t.sends).toEqual(['click']);
    expect(t.notes).toEqual([]);
  });

  it('fails open when the coach does not answer within the limit (4 s)', async () => {
    vi.useFakeTimers();
    const t = setup(() => new Promise(() => undefined));
    t.send.click();
    vi.advanceTimersByTime(3999);
    expect(t.sends).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(t.sends).toEqual(['click']);
    expect(t.outcomes[0]!.result).toBe('timeout');
    expect(t.notes).toEqual(['shown', 'hidden']);
  });

  it('block mode never lets a send through on the limit: it waits for the answer and blocks', async () => {
    vi.useFakeTimers();
    const BLOCK: PreSendCheck = {
      ...WARN,
      guard: { mode: 'block' },
      findings: [{ key: 'b', ruleId: 'ja/missing-apology', kind: 'apology', level: 'block', message: 'No apology' }],
    };
    let answer!: (c: PreSendCheck) => void;
    const t = setup(() => new Promise((resolve) => (answer = resolve)));
    (t.s as { guardMode: string }).guardMode = 'block';
    t.send.click();
    vi.advanceTimersByTime(30_000);
    expect(t.sends).toEqual([]);
    answer(BLOCK);
    await vi.runAllTimersAsync();
    expect(t.shown[0]!.blocking.map((i) => i.label)).toEqual(['No apology']);
    expect(t.sends).toEqual([]);
  });

  it('fails open when the check throws', async () => {
    const t = setup(async () => {
      throw new Error('boom');
    });
    t.send.click();
    await settle();
    expect(t.sends).toEqual(['click']);
    expect(t.outcomes[0]!.result).toBe('failed');
  });

  it('a second click while deciding is held, not sent twice', async () => {
    const t = setup(async () => ({ ...WARN, findings: [] }));
    t.send.click();
    t.send.click();
    await settle();
    expect(t.sends).toEqual(['click']);
  });

  it('guard off in the last answer: no hold at all', () => {
    const t = setup(async () => WARN);
    (t.s as { guardMode: string }).guardMode = 'off';
    t.send.click();
    expect(t.sends).toEqual(['click']);
  });

  it('Enter on a native button is left to become a click; Enter on a role=button control is held', async () => {
    const t = setup(async () => ({ ...WARN, findings: [] }));
    const enter = () => new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    const e1 = enter();
    t.native.dispatchEvent(e1);
    expect(e1.defaultPrevented).toBe(false);
    const e2 = enter();
    t.send.dispatchEvent(e2);
    expect(e2.defaultPrevented).toBe(true);
  });

  it('Space on a role=button control acts once on keyup, whether its keyup comes before or after the decision', async () => {
    const t = setup(async () => ({ ...WARN, findings: [] }));
    const keyups: string[] = [];
    document.addEventListener('keyup', (e) => {
      if (e.key === ' ' && (e.target as Element).closest('.send')) keyups.push('keyup');
    });
    const key = (type: string) => new KeyboardEvent(type, { key: ' ', code: 'Space', bubbles: true, cancelable: true });
    // Keyup while deciding: held and re-dispatched after the keydown.
    t.send.dispatchEvent(key('keydown'));
    t.send.dispatchEvent(key('keyup'));
    expect(keyups).toEqual([]);
    await settle();
    expect(keyups).toEqual(['keyup']);
    // Keyup after the decision: completed by the guard, the late one held.
    t.send.dispatchEvent(key('keydown'));
    await settle();
    expect(keyups).toEqual(['keyup', 'keyup']);
    const late = key('keyup');
    t.send.dispatchEvent(late);
    expect(late.defaultPrevented).toBe(true);
    expect(keyups).toEqual(['keyup', 'keyup']);
  });

  it('typing in the box is never held', () => {
    const t = setup(async () => WARN);
    const e = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    t.editable.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(false);
  });

  it('block mode: a block-level finding without reasons is not sent', async () => {
    const BLOCK: PreSendCheck = {
      ...WARN,
      guard: { mode: 'block', setBy: { packId: 'acme/policy', packName: 'Acme Policy', source: 'managed' } },
      findings: [{ key: 'b', ruleId: 'acme/no-asap', kind: 'commitment', level: 'block', message: 'No ASAP' }],
    };
    const t = setup(async () => BLOCK, { action: 'send', dontAskAgain: true, reasons: [{ keys: ['b'], reason: '  ' }] });
    t.send.click();
    await settle();
    await settle();
    expect(t.shown[0]!.blocking.map((i) => i.label)).toEqual(['No ASAP']);
    expect(t.shown[0]!.guard.setBy?.packName).toBe('Acme Policy');
    expect(t.sends).toEqual([]);
    expect(t.s.skipAsk).toBe(false);
  });

  it('block mode: reasons for every block-level finding dismiss them and send once', async () => {
    const BLOCK: PreSendCheck = {
      ...WARN,
      guard: { mode: 'block' },
      findings: [{ key: 'b', ruleId: 'acme/no-asap', kind: 'commitment', level: 'block', message: 'No ASAP' }],
    };
    const t = setup(async () => BLOCK, { action: 'send', dontAskAgain: false, reasons: [{ keys: ['b'], reason: 'Customer asked for ASAP wording' }] });
    const dismissed: [string, string][] = [];
    t.s.dismissWithReason = (key, reason) => (dismissed.push([key, reason]), true);
    t.send.click();
    await settle();
    await settle();
    expect(dismissed).toEqual([['b', 'Customer asked for ASAP wording']]);
    expect(t.sends).toEqual(['click']);
  });
});
