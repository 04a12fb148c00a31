/**
 * Imported packs in real Chromium, through the same messages the options page sends: a bad file is
 * rejected with the field and the reason, and the pack imported before keeps coaching the compose box.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightedTexts, launch, waitForBadge, type Harness } from './harness';

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

describe('imported packs in Chromium', () => {
  beforeAll(async () => {
    h = await launch();
  });

  afterAll(async () => {
    await h?.close();
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
