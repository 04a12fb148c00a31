/**
 * Enterprise policy in real Chromium: a policy file in /etc/chromium/policies/managed/ (written before
 * launch, removed after — also on failure) pushes an inline pack with a forbid phrase rule, a default
 * market and a lock on the market. The compose box in the Gmail fixture shows the pack's rule and is
 * coached for the locked market even though storage.sync says `us`. The agent's per-site switch
 * (storage.sync `tonebridge.agent`) then turns coaching off for the site, live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, highlightedTexts, waitForBadge, type Harness } from './harness';
import { EXTENSION_ID, writeManagedPolicy, type PolicyFile } from './managed-policy';

const NEW_MESSAGE = '[data-compose-id="new-1"] [g_editable="true"]';

const PACK = {
  schemaVersion: 1,
  id: 'acme/e2e-policy',
  name: 'Acme e2e policy',
  version: '3.1.0',
  owner: 'Acme Support Operations',
  extends: ['tonebridge/jp', 'tonebridge/us'],
  defaultMarket: 'jp',
  locked: ['market'],
  phrases: [
    {
      id: 'no-falcon',
      type: 'forbid',
      phrases: ['Falcon build'],
      ignoreCase: true,
      level: 'block',
      kind: 'policy',
      message: { en: 'Internal code names must not reach customers.', ja: '社内コードネームはお客様に伝えないでください。' },
      examples: { match: ['The fix ships with the Falcon build.'], noMatch: ['The fix ships with the next update.'] },
    },
  ],
};

let policy: PolicyFile | undefined;
let h: Harness | undefined;

beforeAll(async () => {
  // managed_schema.json: each inline pack is the pack's JSON text (Chrome drops values off the schema).
  policy = await writeManagedPolicy('policy', { packs: [JSON.stringify(PACK)] });
  try {
    h = await launch();
  } catch (error) {
    policy.remove();
    throw error;
  }
});

afterAll(async () => {
  try {
    await h?.close();
  } finally {
    policy?.remove();
  }
});

describe('enterprise policy (Chromium policy file → storage.managed → engine)', () => {
  it('the extension has the pinned id and receives the policy', async () => {
    expect(h!.extensionId).toBe(EXTENSION_ID);
    const sw = await h!.worker();
    const managed = await sw.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { managed: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.managed.get(null),
    );
    expect(managed).toEqual({ packs: [JSON.stringify(PACK)] });
  });

  it("the pack's phrase rule fires and its locked market wins over storage.sync", async () => {
    await h!.setSettings({ market: 'us' });
    const page = await h!.openGmail();
    await waitForBadge(page, NEW_MESSAGE, (b) => b.state === 'ready');
    await page.locator(NEW_MESSAGE).click();
    await page.keyboard.type('Hello Jane, the fix ships with the Falcon build next week.');
    const badge = await waitForBadge(page, NEW_MESSAGE, (b) => b.state === 'ready' && b.findings > 0);
    expect(badge.market).toBe('jp');
    await expect.poll(async () => (await highlightedTexts(page))['tonebridge-policy']).toEqual(['Falcon build']);

    // The agent switches coaching off for this site (the popup's switch writes this key): the
    // underlines and badge go away at once; back on, they return.
    await h!.setSettings({ 'tonebridge.agent': { sites: { 'mail.google.com': false } } });
    const stateOf = () =>
      page.evaluate((sel) => {
        const box = document.querySelector(sel)!.getBoundingClientRect();
        for (const host of document.querySelectorAll('tonebridge-badge')) {
          const r = host.shadowRoot?.querySelector('.badge')?.getBoundingClientRect();
          if (r && r.right <= box.right + 1 && r.bottom <= box.bottom + 1) return host.getAttribute('data-tonebridge-state');
        }
        // No badge inside the box: report the compose window's host state (disabled draws no badge).
        return [...document.querySelectorAll('tonebridge-badge')].map((x) => x.getAttribute('data-tonebridge-state')).join(',');
      }, NEW_MESSAGE);
    await expect.poll(stateOf).toMatch(/^(disabled,?)+$/);
    await expect.poll(async () => (await highlightedTexts(page))['tonebridge-policy'] ?? []).toEqual([]);
    await h!.setSettings({ 'tonebridge.agent': { sites: {} } });
    await waitForBadge(page, NEW_MESSAGE, (b) => b.state === 'ready' && b.findings > 0 && b.market === 'jp');
    await expect.poll(async () => (await highlightedTexts(page))['tonebridge-policy']).toEqual(['Falcon build']);
    expect(h!.blocked).toEqual([]);
    await page.close();
  });
});
