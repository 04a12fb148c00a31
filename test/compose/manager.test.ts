// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCoaching } from '../../lib/compose/manager';
import { BADGE_TAG } from '../../lib/compose/session';
import { gmailAdapter } from '../../lib/hosts/gmail/adapter';
import { loadFixture } from '../hosts/load-fixture';
import { FakeContext, FakeSettings, readyAnswer, ScriptedClient, settle } from './fakes';

// happy-dom has no layout: every element is "rendered" for the adapter's visibility check.
const adapter = { ...gmailAdapter, isCoached: (el: HTMLElement) => el.isConnected };

afterEach(() => document.body.replaceChildren());

describe('startCoaching (Gmail fixture)', () => {
  it('gives every compose box a session, including ones the page opens later, and cleans up removed ones', async () => {
    loadFixture('gmail.html');
    const client = new ScriptedClient((text) => readyAnswer(text, []));
    const coaching = startCoaching({ adapter, client, ctx: new FakeContext() });
    expect(coaching.sessions.size).toBe(2);
    expect(document.querySelectorAll(BADGE_TAG)).toHaveLength(2);

    const template = document.getElementById('compose-template') as HTMLTemplateElement;
    document.getElementById('dialogs')!.append(document.importNode(template.content, true));
    await settle(20);
    expect(coaching.sessions.size).toBe(3);

    // Closing a compose window removes its session and its badge.
    document.querySelector('[data-compose-id="new-1"]')!.remove();
    await settle(20);
    expect(coaching.sessions.size).toBe(2);
    expect(document.querySelectorAll(BADGE_TAG)).toHaveLength(2);
    coaching.stop();
    expect(document.querySelectorAll(BADGE_TAG)).toHaveLength(0);
  });

  it('sends the inline reply’s context: the customer’s last message and the recipients', async () => {
    loadFixture('gmail.html');
    const client = new ScriptedClient((text) => readyAnswer(text, []));
    const coaching = startCoaching({ adapter, client, ctx: new FakeContext() });
    await settle();
    const reply = client.calls.find((c) => c.context.recipients?.includes('tanaka@example.co.jp'));
    expect(reply?.context.customerMessage).toMatch(/早急にご対応ください/);
    coaching.stop();
  });

  it('when the extension is reloaded, every badge goes away quietly and nothing runs any more', async () => {
    loadFixture('gmail.html');
    const ctx = new FakeContext();
    const client = new ScriptedClient((text) => readyAnswer(text, []));
    const coaching = startCoaching({ adapter, client, ctx });
    await settle();
    ctx.notifyInvalidated();
    expect(document.querySelectorAll(BADGE_TAG)).toHaveLength(0);
    expect(coaching.sessions.size).toBe(0);
    const calls = client.calls.length;
    const template = document.getElementById('compose-template') as HTMLTemplateElement;
    document.getElementById('dialogs')!.append(document.importNode(template.content, true));
    await settle(20);
    expect(document.querySelectorAll(BADGE_TAG)).toHaveLength(0);
    expect(client.calls.length).toBe(calls);
  });

  it('an invalidated context found on the next scan (runtime.id gone) tears down too', async () => {
    loadFixture('gmail.html');
    const ctx = new FakeContext();
    const spy = vi.spyOn(ctx, 'isValid', 'get');
    const coaching = startCoaching({ adapter, client: new ScriptedClient((t) => readyAnswer(t, [])), ctx });
    spy.mockReturnValue(false);
    coaching.scan();
    expect(document.querySelectorAll(BADGE_TAG)).toHaveLength(0);
  });

  it('a market change in the popup re-analyses every open box', async () => {
    loadFixture('gmail.html');
    const settings = new FakeSettings();
    const client = new ScriptedClient((text) => readyAnswer(text, []));
    const coaching = startCoaching({ adapter, client, ctx: new FakeContext(), settings });
    await settle();
    const calls = client.calls.length;
    settings.change({ market: 'us' });
    await settle();
    expect(client.calls.length).toBe(calls + 2);
    coaching.stop();
  });
});
