/**
 * Admins can keep coaching on (issue 14.4), with a real enterprise policy (managed-policy.ts): a pack
 * pushed by policy locks `enabled` and `sites`. The agent had switched Tonebridge off everywhere and on
 * Gmail before; the compose box is coached all the same, the background refuses the switches naming
 * the pack, and the popup shows both switches on, disabled, with the lock.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightedTexts, launch, waitForBadge, type Harness } from './harness';
import { canWriteManagedPolicy, writeManagedPolicy, type PolicyFile } from './managed-policy';
import { allowExtensionPages, openPopup, tabIdOf } from './panel-pages';

const NEW_MESSAGE = '[data-compose-id="new-1"] [g_editable="true"]';

const ALWAYS_ON = {
  schemaVersion: 1,
  id: 'acme/always-on',
  name: 'Acme Coaching Always On',
  version: '1.0.0',
  defaultMarket: 'us',
  locked: ['enabled', 'sites'],
};

let h: Harness;
let policy: PolicyFile | undefined;

function send(page: Page, message: unknown): Promise<Record<string, unknown>> {
  return page.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Record<string, unknown>> } } }).chrome.runtime.sendMessage(m),
    message,
  );
}

describe.skipIf(!canWriteManagedPolicy())('an enterprise pack keeps coaching on', () => {
  beforeAll(async () => {
    policy = await writeManagedPolicy('coaching-lock', { packs: [JSON.stringify(ALWAYS_ON)] });
    h = await launch();
    await allowExtensionPages(h);
    // What the agent chose before the lock: off everywhere, and off on Gmail.
    await h.setSettings({ enabled: false, sites: { 'mail.google.com': false } });
  });

  afterAll(async () => {
    await h?.close();
    policy?.remove();
  });

  it('the agent’s stored off switches are ignored: the Gmail compose box is coached', async () => {
    const page = await h.openGmail();
    await waitForBadge(page, NEW_MESSAGE, (b) => b.state === 'ready');
    await page.locator(NEW_MESSAGE).click();
    await page.keyboard.type('Per our policy, your request cannot be processed.');
    await waitForBadge(page, NEW_MESSAGE, (b) => b.state === 'ready' && b.findings > 0 && b.market === 'us');
    expect(Object.keys(await highlightedTexts(page)).length).toBeGreaterThan(0);
  });

  it('the agent cannot switch coaching off, everywhere or on the site; the popup shows the lock naming the pack', async () => {
    const popup = await openPopup(h, await tabIdOf(h, 'https://mail.google.com/*'));
    const global = popup.locator('#tb-enabled');
    const site = popup.locator('#tb-site');
    await expect.poll(() => site.count()).toBe(1);
    expect(await global.isChecked()).toBe(true);
    expect(await global.isDisabled()).toBe(true);
    expect(await site.isChecked()).toBe(true);
    expect(await site.isDisabled()).toBe(true);
    expect(await popup.locator('#tb-enabled-lock').textContent()).toBe('Locked by Acme Coaching Always On (Enterprise policy)');
    expect(await popup.locator('#tb-site-lock').textContent()).toBe('Locked by Acme Coaching Always On (Enterprise policy)');

    // Around the UI: the background refuses the messages themselves, naming the pack.
    const off = await send(popup, { type: 'tonebridge/panel/settings', patch: { enabled: false } });
    expect(off).toMatchObject({ ok: false, code: 'locked', path: 'patch.enabled', lock: { key: 'enabled', packName: 'Acme Coaching Always On', source: 'managed' } });
    const siteOff = await send(popup, { type: 'tonebridge/panel/settings', patch: { sites: { 'mail.google.com': false } } });
    expect(siteOff).toMatchObject({ ok: false, code: 'locked', path: 'patch.sites', lock: { key: 'sites', source: 'managed' } });
    await popup.close();

    // And the compose box is still coached.
    const page = await h.openGmail();
    await page.locator(NEW_MESSAGE).click();
    await page.keyboard.type('Per our policy, your request cannot be processed.');
    await waitForBadge(page, NEW_MESSAGE, (b) => b.state === 'ready' && b.findings > 0);
  });
});
