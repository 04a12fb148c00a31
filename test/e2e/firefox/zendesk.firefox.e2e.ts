/**
 * Zendesk Agent Workspace (fixture, real CKEditor 5) in Firefox: the reply underlined, the fix applied
 * through CKEditor's model (by the MAIN-world bridge, entrypoints/zendesk-bridge.content.ts) and undone
 * with Ctrl+Z — the same flow as ../zendesk.e2e.ts in Chromium.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import apology from '../../../dictionaries/ja/apology.json';
import { chord, launchFirefox, underlines, waitForBadge, type FirefoxHarness } from './harness';

const COMPOSER_1001 = '[data-ticket-id="1001"] .ck-editor__editable';
const CARD = 'tonebridge-badge >>> [role="dialog"]';

let h: FirefoxHarness;

beforeAll(async () => {
  h = await launchFirefox();
});

afterAll(async () => {
  await h?.close();
});

const getData = (page: Page, ticket: string) =>
  page.evaluate((id) => (window as unknown as { __editors: Record<string, { getData(): string }> }).__editors[id]!.getData(), ticket);

describe('Zendesk Agent Workspace (fixture, real CKEditor 5) in Firefox', () => {
  it('underlines a reply lacking an apology; the fix lands in CKEditor’s model and Ctrl+Z undoes it', async () => {
    const page = await h.openZendesk();
    await page.click(COMPOSER_1001);
    for (const [i, line] of ['田中様', 'お世話になっております。', '配送状況を確認いたしました。明日お届けの予定です。'].entries()) {
      if (i > 0) await page.keyboard.press('Enter');
      await page.keyboard.type(line);
    }
    const badge = await waitForBadge(page, COMPOSER_1001, (b) => b.state === 'ready' && b.findings > 0);
    expect(badge.market).toBe('jp');
    await expect.poll(async () => (await underlines(page)).byName['tonebridge-apology']).toEqual(['配送状況を確認いたしました。明日お届けの予定です。']);
    const before = await getData(page, '1001');
    expect(before).toBe('<p>田中様</p><p>お世話になっております。</p><p>配送状況を確認いたしました。明日お届けの予定です。</p>');

    await page.locator('::-p-text(配送状況を確認いたしました)').click();
    await expect.poll(async () => (await page.$$(CARD)).length).toBe(1);
    await page.click(`${CARD} button.fix`);
    // The fix went through CKEditor's model: its own data has it, as a paragraph of its own.
    await expect.poll(() => getData(page, '1001')).toBe(
      `<p>田中様</p><p>お世話になっております。</p><p>${apology.insert}</p><p>配送状況を確認いたしました。明日お届けの予定です。</p>`,
    );
    await expect.poll(async () => (await underlines(page)).byName['tonebridge-apology']).toBeUndefined();

    // One Ctrl+Z in the editor restores the draft.
    await page.focus(COMPOSER_1001);
    await chord(page, 'Control', 'z');
    await expect.poll(() => getData(page, '1001')).toBe(before);
    await expect.poll(async () => (await underlines(page)).byName['tonebridge-apology']).toBeDefined();
    await page.close();
  });

  it('sent nothing anywhere but the fixture hosts, and logged no errors', () => {
    expect(h.blocked).toEqual([]);
    expect(h.leaked).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
