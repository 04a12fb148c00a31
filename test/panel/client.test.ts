import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startCoachWithPolicy, type Coach } from '../../lib/coach/background';
import { createNodeEngine } from '../../lib/node/engine';
import { createPanelClient } from '../../lib/panel/client';

const EXT_ORIGIN = 'chrome-extension://test-extension-id';
const POPUP = { id: 'test-extension-id', origin: EXT_ORIGIN, url: `${EXT_ORIGIN}/popup.html` };

let coach: Coach | undefined;
beforeEach(() => fakeBrowser.reset());
afterEach(() => coach?.policy?.stop());

describe('createPanelClient', () => {
  it('sends typed requests to the background and returns its checked answers', async () => {
    coach = startCoachWithPolicy(createNodeEngine());
    const sent: unknown[] = [];
    const client = createPanelClient(async (m) => {
      sent.push(m);
      return coach!.service.handle(m, POPUP);
    });
    const state = await client.state();
    expect(state.ok && state.state.effective.market).toBe('auto');
    const changed = await client.settings({ market: 'jp' });
    expect(changed.ok && changed.state.effective.market).toBe('jp');
    const bad = await client.subscribe('http://packs.example.com/p.json', 'key');
    expect(bad).toMatchObject({ ok: false, code: 'invalid', path: 'url' });
    const imported = await client.importPack('{', 'broken.json');
    expect(imported.ok && imported.result.accepted).toBe(false);
    expect(sent).toEqual([
      { type: 'tonebridge/panel/state' },
      { type: 'tonebridge/panel/settings', patch: { market: 'jp' } },
      { type: 'tonebridge/panel/subscribe', url: 'http://packs.example.com/p.json', publicKey: 'key' },
      { type: 'tonebridge/panel/import', text: '{', fileName: 'broken.json' },
    ]);
  });

  it('retries while the worker starts, and turns transport errors and malformed answers into failures', async () => {
    let calls = 0;
    const flaky = createPanelClient(
      async () => {
        calls++;
        if (calls === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
        return { ok: true };
      },
      { sleep: async () => undefined },
    );
    expect(await flaky.state()).toMatchObject({ ok: false, code: 'failed', error: expect.stringMatching(/bad answer.*state/) });
    expect(calls).toBe(2);
    const broken = createPanelClient(async () => {
      throw new Error('boom');
    });
    expect(await broken.refresh()).toEqual({ ok: false, code: 'failed', error: 'boom' });
  });
});
