import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import apology from '../../dictionaries/ja/apology.json';
import { card, highlightedTexts, launch, waitForBadge, type Harness } from './harness';

const COMPOSER_1001 = '[data-ticket-id="1001"] .ck-editor__editable';
const COMPOSER_1002 = '[data-ticket-id="1002"] .ck-editor__editable';

let h: Harness;

beforeAll(async () => {
  h = await launch();
});

afterAll(async () => {
  await h?.close();
});

const getData = (page: Page, ticket: string) =>
  page.evaluate((id) => (window as unknown as { __editors: Record<string, { getData(): string }> }).__editors[id]!.getData(), ticket);

async function typeReply(page: Page, selector: string, lines: string[]) {
  await page.locator(selector).click();
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
}

const visibleBadges = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('tonebridge-badge')]
      .filter((h) => getComputedStyle(h).display !== 'none')
      .map((h) => ({ market: h.getAttribute('data-tonebridge-market'), findings: h.getAttribute('data-tonebridge-findings') })),
  );

describe('Zendesk Agent Workspace (fixture, real CKEditor 5) in Chromium', () => {
  it('underlines a reply lacking an apology; the fix lands in CKEditor’s model and Ctrl+Z undoes it', async () => {
    const page = await h.openZendesk();
    await typeReply(page, COMPOSER_1001, ['田中様', 'お世話になっております。', '配送状況を確認いたしました。明日お届けの予定です。']);
    const badge = await waitForBadge(page, COMPOSER_1001, (b) => b.state === 'ready' && b.findings > 0);
    expect(badge.market).toBe('jp');
    await expect.poll(async () => (await highlightedTexts(page))['tonebridge-apology']).toEqual([
      '配送状況を確認いたしました。明日お届けの予定です。',
    ]);
    const before = await getData(page, '1001');
    expect(before).toBe('<p>田中様</p><p>お世話になっております。</p><p>配送状況を確認いたしました。明日お届けの予定です。</p>');

    await page.getByText('配送状況を確認いたしました').click();
    await expect.poll(() => card(page).count()).toBe(1);
    await card(page).locator('button.fix').first().click();
    // The fix went through CKEditor's model: its own data has it.
    await expect.poll(() => getData(page, '1001')).toBe(
      `<p>田中様</p><p>お世話になっております。</p><p>${apology.insert}</p><p>配送状況を確認いたしました。明日お届けの予定です。</p>`,
    );
    await expect.poll(async () => (await highlightedTexts(page))['tonebridge-apology']).toBeUndefined();

    // One Ctrl+Z in the editor restores the draft.
    await page.locator(COMPOSER_1001).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => getData(page, '1001')).toBe(before);
    await expect.poll(async () => (await highlightedTexts(page))['tonebridge-apology']).toBeDefined();
    await page.close();
  });

  it('does not coach an internal note', async () => {
    const page = await h.openZendesk();
    await waitForBadge(page, COMPOSER_1001, (b) => b.state === 'ready');
    await page.locator('[data-ticket-id="1001"] [data-test-id="omnichannel-channel-switcher-button"]').click();
    await page.locator('[data-ticket-id="1001"] [data-test-id="omnichannel-channel-switcher-menuitem-internal"]').click();
    await expect.poll(() => visibleBadges(page)).toEqual([]);
    await typeReply(page, COMPOSER_1001, ['倉庫に確認中。追跡番号は未発行。']);
    await page.waitForTimeout(500);
    expect(await visibleBadges(page)).toEqual([]);
    expect(await highlightedTexts(page)).toEqual({});
    // Back to a public reply: coached again.
    await page.locator('[data-ticket-id="1001"] [data-test-id="omnichannel-channel-switcher-button"]').click();
    await page.locator('[data-ticket-id="1001"] [data-test-id="omnichannel-channel-switcher-menuitem-web"]').click();
    await waitForBadge(page, COMPOSER_1001, (b) => b.state === 'ready');
    await page.close();
  });

  it('with several ticket tabs open, coaches only the active ticket', async () => {
    const page = await h.openZendesk();
    await typeReply(page, COMPOSER_1001, ['配送が遅れてすみません。']);
    await waitForBadge(page, COMPOSER_1001, (b) => b.findings > 0);
    expect(await visibleBadges(page)).toHaveLength(1);

    await page.locator('[data-test-id="header-tab"][data-entity-id="1002"]').click();
    // Ticket 1001's badge and underlines go away with its tab; 1002's composer is coached for its
    // English-writing requester (US market on Auto).
    const b2 = await waitForBadge(page, COMPOSER_1002, (b) => b.state === 'ready');
    expect(b2.market).toBe('us');
    await expect.poll(() => visibleBadges(page)).toHaveLength(1);
    expect(await highlightedTexts(page)).toEqual({});

    await page.locator('[data-test-id="header-tab"][data-entity-id="1001"]').click();
    await waitForBadge(page, COMPOSER_1001, (b) => b.findings > 0);
    await page.close();
  });

  it('sent nothing anywhere but the fixture hosts, and logged no errors', () => {
    expect(h.blocked).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
