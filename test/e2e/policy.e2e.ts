/**
 * Admin policy in real Chromium: an enterprise policy file (the real /etc/chromium/policies/managed
 * mechanism, see managed-policy.ts) pushes a pack with a phrase rule and a market lock; the compose box
 * is coached by it whatever the agent chose, and the agent cannot undo the lock. Imported packs: a bad
 * file is rejected with its reason and the good pack imported before keeps working.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PanelState } from '../../lib/contract/panel';
import { highlightedTexts, launch, waitForBadge, type Harness } from './harness';
import { ADMIN_PACK } from './shared-fixtures';
import { canWriteManagedPolicy, EXTENSION_ID, writeManagedPolicy, type PolicyFile } from './managed-policy';

const NEW_MESSAGE = '[data-compose-id="new-1"] [g_editable="true"]';


const IMPORTED_PACK = {
  schemaVersion: 1,
  id: 'team/wording',
  name: 'Team wording',
  version: '1.0.0',
  phrases: [
    {
      id: 'team/no-unfortunately',
      type: 'forbid',
      phrases: ['unfortunately'],
      message: { en: 'Lead with what we can do.', ja: 'できることから伝えます。' },
      examples: { match: ['Unfortunately we cannot.'], noMatch: ['We can do this.'] },
    },
  ],
};

let h: Harness;
let policy: PolicyFile | undefined;
const enabled = canWriteManagedPolicy();

/** An extension page to talk to the background from, as the popup and options page do. */
async function extensionPage(): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/manifest.json`);
  return page;
}

function send(page: Page, message: unknown): Promise<Record<string, unknown>> {
  return page.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Record<string, unknown>> } } }).chrome.runtime.sendMessage(m),
    message,
  );
}

describe.skipIf(!enabled)('enterprise policy and packs in Chromium', () => {
  beforeAll(async () => {
    policy = await writeManagedPolicy('policy', { packs: [JSON.stringify(ADMIN_PACK)], sendGuard: 'warn' });
    h = await launch();
  });

  afterAll(async () => {
    await h?.close();
    policy?.remove();
  });

  it('the extension has the pinned id and Chromium hands it the policy file as storage.managed', async () => {
    expect(h.extensionId).toBe(EXTENSION_ID);
    const sw = await h.worker();
    const managed = await sw.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { managed: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.managed.get(null),
    );
    // managed_schema.json: each inline pack is its JSON text (Chrome drops values off the schema).
    expect(managed).toEqual({ packs: [JSON.stringify(ADMIN_PACK)], sendGuard: 'warn' });
  });

  it('the admin pack coaches the compose box and its market lock beats the agent’s choice', async () => {
    await h.setSettings({ market: 'jp' });
    const page = await h.openGmail();
    await waitForBadge(page, NEW_MESSAGE, (b) => b.state === 'ready');
    await page.locator(NEW_MESSAGE).click();
    await page.keyboard.type('Hi Dana, thanks for your patience. We will fix the login problem ASAP.');
    const badge = await waitForBadge(page, NEW_MESSAGE, (b) => b.state === 'ready' && b.findings > 0);
    expect(badge.market).toBe('us');
    await expect.poll(async () => (await highlightedTexts(page))['tonebridge-commitment'] ?? []).toContain('ASAP');

    const ext = await extensionPage();
    const refused = await send(ext, { type: 'tonebridge/panel/settings', patch: { market: 'auto' } });
    expect(refused).toMatchObject({ ok: false, code: 'locked', lock: { packName: 'Acme Support Policy', source: 'managed' } });
    const state = (await send(ext, { type: 'tonebridge/panel/state' })) as unknown as { ok: boolean; state: PanelState };
    expect(state.ok).toBe(true);
    expect(state.state.effective.market).toBe('us');
    expect(state.state.effective.locks.market).toMatchObject({ packName: 'Acme Support Policy', source: 'managed' });
    expect(state.state.sendGuard).toMatchObject({ value: 'warn', source: 'managed' });
    const admin = state.state.packs.find((p) => p.id === 'acme/support-policy');
    expect(admin).toMatchObject({ source: 'managed', version: '3.1.0', active: true, owner: 'Support Operations' });
    await ext.close();
    await page.close();
  });

  it('the agent switches coaching off for the site: underlines and badge go at once, and come back', async () => {
    const page = await h.openGmail();
    await waitForBadge(page, NEW_MESSAGE, (b) => b.state === 'ready');
    await page.locator(NEW_MESSAGE).click();
    await page.keyboard.type('Hi Dana, we will fix the login problem ASAP.');
    await expect.poll(async () => (await highlightedTexts(page))['tonebridge-commitment'] ?? []).toContain('ASAP');

    const ext = await extensionPage();
    expect(await send(ext, { type: 'tonebridge/panel/settings', patch: { sites: { 'mail.google.com': false } } })).toMatchObject({ ok: true });
    const states = () => page.evaluate(() => [...document.querySelectorAll('tonebridge-badge')].map((b) => b.getAttribute('data-tonebridge-state')));
    await expect.poll(states).toEqual(['off', 'off']);
    await expect.poll(async () => (await highlightedTexts(page))['tonebridge-commitment'] ?? []).toEqual([]);
    expect(await page.evaluate(() => [...document.querySelectorAll('tonebridge-badge')].filter((b) => b.shadowRoot?.querySelector('.badge')).length)).toBe(0);

    expect(await send(ext, { type: 'tonebridge/panel/settings', patch: { sites: { 'mail.google.com': null } } })).toMatchObject({ ok: true });
    await waitForBadge(page, NEW_MESSAGE, (b) => b.state === 'ready' && b.findings > 0 && b.market === 'us');
    await expect.poll(async () => (await highlightedTexts(page))['tonebridge-commitment'] ?? []).toContain('ASAP');
    await ext.close();
    await page.close();
  });

  it('an imported pack that extends the enterprise pack cannot lift its locks (issue 14)', async () => {
    const ext = await extensionPage();
    const bypass = {
      schemaVersion: 1,
      id: 'me/bypass',
      name: 'Bypass attempt',
      version: '1.0.0',
      extends: ['acme/support-policy'],
      defaultMarket: 'jp',
      sendGuard: 'off',
    };
    const imported = await send(ext, { type: 'tonebridge/panel/import', fileName: 'bypass.json', text: JSON.stringify(bypass) });
    expect(imported).toMatchObject({ ok: true, result: { accepted: true, packId: 'me/bypass' } });
    const { state } = (await send(ext, { type: 'tonebridge/panel/state' })) as unknown as { state: PanelState };
    expect(state.sendGuard).toMatchObject({ value: 'warn', source: 'managed' });
    expect(state.effective.market).toBe('us');
    expect(state.effective.locks.market).toMatchObject({ packName: 'Acme Support Policy', source: 'managed' });
    expect(state.packs.find((p) => p.id === 'acme/support-policy')).toMatchObject({ source: 'managed', active: true });
    const row = state.packs.find((p) => p.id === 'me/bypass') as { active: boolean; warnings?: { path: string; message: string }[] };
    expect(row.active).toBe(true);
    expect(row.warnings?.map((w) => w.path).sort()).toEqual(['market', 'sendGuard']);
    // Coaching still follows the locked market.
    const page = await h.openGmail();
    await waitForBadge(page, NEW_MESSAGE, (b) => b.state === 'ready');
    await page.locator(NEW_MESSAGE).click();
    await page.keyboard.type('Hi Dana, we will fix the login problem ASAP.');
    expect((await waitForBadge(page, NEW_MESSAGE, (b) => b.state === 'ready' && b.findings > 0)).market).toBe('us');
    expect(await send(ext, { type: 'tonebridge/panel/remove-import', packId: 'me/bypass' })).toMatchObject({ ok: true });
    await ext.close();
    await page.close();
  });

  it('a bad pack file is rejected with the field and reason; the pack imported before keeps working', async () => {
    const ext = await extensionPage();
    const good = await send(ext, { type: 'tonebridge/panel/import', fileName: 'team.json', text: JSON.stringify(IMPORTED_PACK) });
    expect(good).toMatchObject({ ok: true, result: { accepted: true, packId: 'team/wording', version: '1.0.0' } });

    const broken = { ...IMPORTED_PACK, version: '1.1.0', rules: { 'en/cold-phrase': 'loud' } };
    const bad = (await send(ext, { type: 'tonebridge/panel/import', fileName: 'team-v2.json', text: JSON.stringify(broken) })) as {
      ok: boolean;
      result: { accepted: boolean; failure: { issues: { path: string; message: string }[] }; kept?: { version: string } };
      state: { packs: { id?: string; version?: string; active: boolean; error?: unknown }[] };
    };
    expect(bad.ok).toBe(true);
    expect(bad.result.accepted).toBe(false);
    expect(bad.result.failure.issues[0]!.path).toBe('rules.en/cold-phrase');
    expect(bad.result.kept?.version).toBe('1.0.0');
    const row = bad.state.packs.find((p) => p.id === 'team/wording')!;
    expect(row).toMatchObject({ version: '1.0.0', active: true });
    expect(row.error).toBeTruthy();

    const page = await h.openGmail();
    await waitForBadge(page, NEW_MESSAGE, (b) => b.state === 'ready');
    await page.locator(NEW_MESSAGE).click();
    await page.keyboard.type('Hi Dana, unfortunately the order has shipped already.');
    await expect.poll(async () => (await highlightedTexts(page))['tonebridge-policy'] ?? []).toContain('unfortunately');
    expect(h.blocked).toEqual([]);
    await ext.close();
    await page.close();
  });
});
