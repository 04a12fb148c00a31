/**
 * The popup and options pages in real Chromium, talking to the real background: the popup switches
 * the reader's market and the Gmail fixture's findings follow at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { highlightedTexts, launch, waitForBadge, type Harness } from './harness';

const REPLY = '[role="main"] [g_editable="true"]';

let h: Harness;

beforeAll(async () => {
  h = await launch();
  // The harness refuses everything but the fixture hosts; the extension's own pages load its files.
  // (Routes added later are consulted first.)
  await h.context.route(
    (url) => url.protocol === 'chrome-extension:' && url.host === h.extensionId,
    (route) => route.continue(),
  );
});

afterAll(async () => {
  await h?.close();
});

/** The id of the first tab whose URL matches (chrome.tabs, from the service worker). */
async function tabIdOf(urlPattern: string): Promise<number> {
  const sw = await h.worker();
  const id = await sw.evaluate(async (pattern) => {
    const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } } }).chrome;
    return (await chrome.tabs.query({ url: pattern }))[0]?.id;
  }, urlPattern);
  if (id === undefined) throw new Error(`no tab matches ${urlPattern}`);
  return id;
}

async function openPopup(tabId?: number): Promise<Page> {
  const page = await h.context.newPage();
  page.on('pageerror', (error) => h.errors.push(`popup pageerror: ${error.message}`));
  await page.setViewportSize({ width: 340, height: 600 });
  await page.goto(`chrome-extension://${h.extensionId}/popup.html${tabId !== undefined ? `?tab=${tabId}` : ''}`);
  await page.locator('.segmented button[data-market="auto"]').waitFor();
  return page;
}

const pressed = (popup: Page, market: string) => popup.locator(`.segmented button[data-market="${market}"]`).getAttribute('aria-pressed');

describe('popup in Chromium', () => {
  it('one click on United States / Japan changes the market of the open Gmail compose box, and the popup shows that box', async () => {
    const gmail = await h.openGmail();
    await gmail.locator(REPLY).click();
    await gmail.keyboard.press('Control+Home');
    await gmail.keyboard.type('ご注文の商品は明日お届けの予定です。');
    // Auto: the .co.jp recipient makes it Japan, and the apology is missing.
    await waitForBadge(gmail, REPLY, (b) => b.state === 'ready' && b.market === 'jp' && b.findings > 0);
    expect((await highlightedTexts(gmail))['tonebridge-apology']).toEqual(['ご注文の商品は明日お届けの予定です。']);

    const popup = await openPopup(await tabIdOf('https://mail.google.com/*'));
    expect(await popup.locator('.segmented button').allTextContents()).toEqual(['Auto', 'Japan', 'United States']);
    expect(await pressed(popup, 'auto')).toBe('true');
    await expect.poll(() => popup.locator('.box-body').getAttribute('data-box-market')).toBe('jp');
    await expect.poll(() => popup.locator('.chip[data-kind="apology"]').count()).toBe(1);
    expect(await popup.locator('.site .switch-label').textContent()).toBe('On mail.google.com');

    await popup.locator('.segmented button[data-market="us"]').click();
    await expect.poll(() => pressed(popup, 'us')).toBe('true');
    await waitForBadge(gmail, REPLY, (b) => b.state === 'ready' && b.market === 'us');
    // The apology rule is Japan's: for a US reader it is silent.
    await expect.poll(async () => (await highlightedTexts(gmail))['tonebridge-apology']).toBeUndefined();
    await expect.poll(() => popup.locator('.box-body').getAttribute('data-box-market')).toBe('us');
    await expect.poll(() => popup.locator('.box-line').textContent()).toMatch(/^Checked for United States · your choice$/);

    await popup.locator('.segmented button[data-market="jp"]').click();
    await expect.poll(() => pressed(popup, 'jp')).toBe('true');
    await waitForBadge(gmail, REPLY, (b) => b.state === 'ready' && b.market === 'jp' && b.findings > 0);
    await expect.poll(async () => (await highlightedTexts(gmail))['tonebridge-apology']).toEqual(['ご注文の商品は明日お届けの予定です。']);

    // Remembered: a popup opened later shows the choice.
    await popup.close();
    const again = await openPopup();
    await expect.poll(() => pressed(again, 'jp')).toBe('true');

    // Off for this site: the badge and underlines go; back on: they return.
    await again.close();
    const popup2 = await openPopup(await tabIdOf('https://mail.google.com/*'));
    await popup2.locator('label[for="tb-site"]').click();
    await expect.poll(() => popup2.locator('#tb-site').isChecked()).toBe(false);
    // Every box of the page goes quiet (no badge drawn).
    await expect
      .poll(() => gmail.locator('tonebridge-badge').evaluateAll((hosts) => hosts.map((e) => e.getAttribute('data-tonebridge-state'))))
      .toEqual(expect.arrayContaining(['disabled']));
    expect(await gmail.locator('tonebridge-badge').evaluateAll((hosts) => hosts.every((e) => e.getAttribute('data-tonebridge-state') === 'disabled'))).toBe(true);
    await expect.poll(async () => Object.keys(await highlightedTexts(gmail)).length).toBe(0);
    await popup2.locator('label[for="tb-site"]').click();
    await waitForBadge(gmail, REPLY, (b) => b.state === 'ready' && b.market === 'jp' && b.findings > 0);

    await popup2.locator('.segmented button[data-market="auto"]').click();
    await expect.poll(() => pressed(popup2, 'auto')).toBe('true');
    await popup2.close();
    await gmail.close();
  });

  it('sent nothing anywhere but the fixture hosts, and logged no errors', () => {
    expect(h.blocked).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
