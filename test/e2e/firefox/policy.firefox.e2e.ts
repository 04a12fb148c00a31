/**
 * Enterprise policy in Firefox through `/etc/firefox/policies/policies.json` (policies.ts): an inline
 * admin pack with a phrase rule and a market lock, and the send guard. Firefox hands the `3rdparty`
 * entry to the extension as storage.managed; the compose box is coached by it whatever the agent chose,
 * and the agent cannot undo the lock. The file is removed after (the machine's own file, if any, restored).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PanelState } from '../../../lib/contract/panel';
import { launchFirefox, underlines, waitForBadge, type FirefoxHarness } from './harness';
import { ADMIN_PACK } from '../shared-fixtures';
import { canWriteFirefoxPolicy, writeFirefoxPolicy, type FirefoxPolicyFile } from './policies';

const NEW_MESSAGE = '[data-compose-id="new-1"] [g_editable="true"]';


let h: FirefoxHarness;
let policy: FirefoxPolicyFile | undefined;

describe.skipIf(!canWriteFirefoxPolicy())('enterprise policy (policies.json) in Firefox', () => {
  beforeAll(async () => {
    policy = await writeFirefoxPolicy({ packs: [JSON.stringify(ADMIN_PACK)], sendGuard: 'warn' });
    try {
      h = await launchFirefox();
    } catch (error) {
      policy.remove();
      throw error;
    }
  });

  afterAll(async () => {
    await h?.close();
    policy?.remove();
  });

  it('Firefox hands the 3rdparty policy to the extension as storage.managed', async () => {
    const ext = await h.extensionPage();
    const managed = await ext.evaluate(() =>
      (globalThis as unknown as { browser: { storage: { managed: { get(k: null): Promise<Record<string, unknown>> } } } }).browser.storage.managed.get(null),
    );
    expect(managed).toEqual({ packs: [JSON.stringify(ADMIN_PACK)], sendGuard: 'warn' });
    await ext.close();
  });

  it('the admin pack coaches the compose box and its market lock beats the agent’s choice', async () => {
    await h.setSettings({ market: 'jp' });
    const page = await h.openGmail();
    await waitForBadge(page, NEW_MESSAGE, (b) => b.state === 'ready');
    await page.click(NEW_MESSAGE);
    await page.keyboard.type('Hi Dana, thanks for your patience. We will fix the login problem ASAP.');
    const badge = await waitForBadge(page, NEW_MESSAGE, (b) => b.state === 'ready' && b.findings > 0);
    expect(badge.market).toBe('us');
    await expect.poll(async () => (await underlines(page)).byName['tonebridge-commitment'] ?? []).toContain('ASAP');

    const refused = await h.sendMessage({ type: 'tonebridge/panel/settings', patch: { market: 'auto' } });
    expect(refused).toMatchObject({ ok: false, code: 'locked', lock: { packName: 'Acme Support Policy', source: 'managed' } });
    const state = (await h.sendMessage({ type: 'tonebridge/panel/state' })) as unknown as { ok: boolean; state: PanelState };
    expect(state.ok).toBe(true);
    expect(state.state.effective.market).toBe('us');
    expect(state.state.sendGuard).toMatchObject({ value: 'warn', source: 'managed' });
    expect(state.state.packs.find((p) => p.id === 'acme/support-policy')).toMatchObject({ source: 'managed', version: '3.1.0', active: true });
    await page.close();
  });

  it('sent nothing anywhere but the fixture hosts, and logged no errors', () => {
    expect(h.blocked).toEqual([]);
    expect(h.leaked).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
