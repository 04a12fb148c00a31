// @vitest-environment happy-dom
/**
 * The content side of the panel's switches: a `disabled` answer removes the underlines and badge;
 * a change to the agent's settings or to the background's policy revision re-analyses every box.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCoaching } from '../../lib/compose/manager';
import { ComposeSession } from '../../lib/compose/session';
import { gmailAdapter } from '../../lib/hosts/gmail/adapter';
import { POLICY_REVISION_KEY, SETTINGS_KEYS } from '../../lib/contract/settings';
import type { AnalyzeResponse } from '../../lib/contract/messages';
import { loadFixture } from '../hosts/load-fixture';
import { fakeAdapter, FakeContext, FakeSettings, missingApology, readyAnswer, ScriptedClient, settle } from './fakes';

afterEach(() => document.body.replaceChildren());

function editor(text: string): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('contenteditable', 'true');
  el.append(document.createTextNode(text));
  document.body.replaceChildren(el);
  el.getBoundingClientRect = () => new DOMRect(20, 20, 500, 200);
  return el;
}

describe('ComposeSession: coaching switched off', () => {
  it('a "disabled" answer clears the findings and the badge; switching back on draws them again', async () => {
    const text = 'ご注文の件、確認しました。';
    let disabled = false;
    const off: AnalyzeResponse = { ok: true, state: 'disabled', market: { id: 'jp', name: 'Japan', source: 'setting' }, uiLang: 'en' };
    const client = new ScriptedClient((t): AnalyzeResponse => (disabled ? off : readyAnswer(t, [missingApology(t, 'ご注文')])));
    const session = new ComposeSession(editor(text), { adapter: fakeAdapter(), client, onInvalidated: vi.fn() });
    session.setCoached(true);
    await settle();
    const host = session.host;
    expect(host.getAttribute('data-tonebridge-findings')).toBe('1');
    expect(host.shadowRoot!.querySelector('.badge')).not.toBeNull();

    disabled = true;
    session.refresh();
    await settle();
    expect(host.getAttribute('data-tonebridge-state')).toBe('off');
    expect(host.getAttribute('data-tonebridge-findings')).toBe('0');
    expect(host.shadowRoot!.querySelector('.badge')).toBeNull();

    disabled = false;
    session.refresh();
    await settle();
    expect(host.getAttribute('data-tonebridge-state')).toBe('ready');
    expect(host.shadowRoot!.querySelector('.badge')).not.toBeNull();
    session.dispose();
  });
});

describe('startCoaching: re-analysis on settings and policy changes', () => {
  const adapter = { ...gmailAdapter, isCoached: (el: HTMLElement) => el.isConnected };

  it.each<[string, Record<string, unknown>, string, boolean]>([
    ['the market (storage.sync)', { [SETTINGS_KEYS.market]: 'us' }, 'sync', true],
    ['the policy revision (storage.local), moved by any pack or agent-settings change', { [POLICY_REVISION_KEY]: 'a1b2.9' }, 'local', true],
    ['an unrelated local key', { 'tonebridge.policy.files': {} }, 'local', false],
    ['the revision key in the wrong area', { [POLICY_REVISION_KEY]: 'x' }, 'sync', false],
  ])('%s', async (_name, changes, area, reanalyses) => {
    loadFixture('gmail.html');
    const settings = new FakeSettings();
    const client = new ScriptedClient((t) => readyAnswer(t, []));
    const coaching = startCoaching({ adapter, client, ctx: new FakeContext(), settings });
    await settle();
    const calls = client.calls.length;
    expect(coaching.sessions.size).toBe(2);
    settings.change(changes, area);
    await settle();
    expect(client.calls.length).toBe(reanalyses ? calls + 2 : calls);
    coaching.stop();
  });
});
