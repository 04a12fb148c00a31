import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import apology from '../../dictionaries/ja/apology.json';
import { badgeFor, card, highlightedTexts, launch, waitForBadge, type Harness } from './harness';

const REPLY = '[role="main"] [g_editable="true"]';
const NEW_MESSAGE = '[data-compose-id="new-1"] [g_editable="true"]';

let h: Harness;

beforeAll(async () => {
  h = await launch();
});

afterAll(async () => {
  await h?.close();
});

/** The draft part of the reply as the agent sees it (the quote and signature follow it). */
async function draftLines(page: import('playwright-core').Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const body = document.querySelector(selector)!;
    const first = body.firstElementChild as HTMLElement;
    const lines: string[] = [];
    for (let n: Element | null = first; n && n.tagName === 'DIV' && !n.querySelector('.gmail_signature'); n = n.nextElementSibling)
      lines.push((n as HTMLElement).innerText.replace(/\n$/, ''));
    return lines;
  }, REPLY);
}

describe('Gmail (fixture) in Chromium', () => {
  it('underlines a Japanese reply that lacks an apology, applies the fix, and Ctrl+Z restores the draft', async () => {
    const page = await h.openGmail();
    // Both compose windows get a badge; the empty reply is ready with nothing to say.
    await waitForBadge(page, REPLY, (b) => b.state === 'ready');
    await page.locator(REPLY).click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('田中様');
    await page.keyboard.press('Enter');
    await page.keyboard.type('お世話になっております。');
    await page.keyboard.press('Enter');
    await page.keyboard.type('ご注文の商品の配送状況を確認いたしました。明日お届けの予定です。');

    // The recipient's .co.jp address and the customer's complaint make it Japan, with a missing apology.
    const badge = await waitForBadge(page, REPLY, (b) => b.state === 'ready' && b.findings > 0);
    expect(badge.market).toBe('jp');
    const highlights = await highlightedTexts(page);
    expect(highlights['tonebridge-apology']).toEqual(['ご注文の商品の配送状況を確認いたしました。明日お届けの予定です。']);
    const before = await draftLines(page);
    expect(before).toEqual(['田中様', 'お世話になっております。', 'ご注文の商品の配送状況を確認いたしました。明日お届けの予定です。']);

    // Clicking the underline opens the card; its fix goes through the editor.
    await page.getByText('ご注文の商品の配送状況を確認').click();
    await expect.poll(() => card(page).count()).toBe(1);
    await expect.poll(() => card(page).locator('.message').textContent()).toMatch(/apology/i);
    await card(page).locator('button.fix').first().click();
    await expect.poll(() => draftLines(page)).toEqual([
      '田中様',
      'お世話になっております。',
      apology.insert,
      'ご注文の商品の配送状況を確認いたしました。明日お届けの予定です。',
    ]);
    // The apology finding is gone (other rules, e.g. a missing cause, may now speak up).
    await expect.poll(async () => (await highlightedTexts(page))['tonebridge-apology']).toBeUndefined();
    expect((await badgeFor(page, REPLY))?.state).toBe('ready');

    // The fix is one step on the editor's undo stack.
    await page.keyboard.press('Control+z');
    await expect.poll(() => draftLines(page)).toEqual(before);
    await expect.poll(async () => (await highlightedTexts(page))['tonebridge-apology']).toEqual([
      'ご注文の商品の配送状況を確認いたしました。明日お届けの予定です。',
    ]);
    // The quoted history and the signature are never underlined.
    const all = Object.values(await highlightedTexts(page)).flat().join('\n');
    expect(all).not.toMatch(/佐藤 美咲|早急にご対応ください/);
    await page.close();
  });

  it('switching the market changes the findings', async () => {
    const page = await h.openGmail();
    await page.locator(REPLY).click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('ご注文の商品は明日お届けの予定です。');
    await waitForBadge(page, REPLY, (b) => b.market === 'jp' && b.findings > 0);
    await h.setSettings({ market: 'us' });
    await waitForBadge(page, REPLY, (b) => b.market === 'us');
    // The apology rule is the Japanese market's: for a US reader it is silent.
    await expect.poll(async () => (await highlightedTexts(page))['tonebridge-apology']).toBeUndefined();
    await h.setSettings({ market: 'auto' });
    await waitForBadge(page, REPLY, (b) => b.market === 'jp' && b.findings > 0);
    await page.close();
  });

  it('coaches several compose windows at once, including one opened later and a plain-text one', async () => {
    const page = await h.openGmail();
    await waitForBadge(page, NEW_MESSAGE, (b) => b.state === 'ready');
    await page.locator(NEW_MESSAGE).click();
    await page.keyboard.type('Your request has been received. Per our policy, refunds take 10 days.');
    const us = await waitForBadge(page, NEW_MESSAGE, (b) => b.state === 'ready' && b.market === 'us');
    expect(us.market).toBe('us');

    // Compose opens a new dialog after load: the observer picks it up (plain text with Shift).
    await page.locator('[gh="cm"]').click({ modifiers: ['Shift'] });
    const plain = '[role="dialog"]:last-child textarea[name="body"]';
    await page.locator(plain).click();
    await page.keyboard.type('鈴木様\nログインできない件について確認しました。');
    const jp = await waitForBadge(page, plain, (b) => b.state === 'ready' && b.findings > 0);
    expect(jp.market).toBe('jp');
    // Textareas have no DOM ranges: the underline is drawn as rectangles in Tonebridge's shadow root.
    const marks = await page.evaluate(
      () => [...document.querySelectorAll('tonebridge-badge')].map((h) => h.shadowRoot!.querySelectorAll('.underline').length),
    );
    expect(Math.max(...marks)).toBeGreaterThan(0);
    // Closing the window removes its badge.
    const before = await page.locator('tonebridge-badge').count();
    await page.evaluate(() => document.querySelector('[role="dialog"]:last-child')!.remove());
    await expect.poll(() => page.locator('tonebridge-badge').count()).toBe(before - 1);
    await page.close();
  });

  it('keyboard: Alt+Shift+T opens the card at the caret, Escape closes it and returns to the draft', async () => {
    const page = await h.openGmail();
    await page.locator(REPLY).click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('配送が遅れてすみません。');
    await waitForBadge(page, REPLY, (b) => b.findings > 0);
    await page.keyboard.press('Alt+Shift+T');
    await expect.poll(() => card(page).count()).toBe(1);
    // The first fix button has the focus.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TONEBRIDGE-BADGE');
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('g_editable'))).toBe('true');
    await page.keyboard.type('x');
    expect((await badgeFor(page, REPLY))?.state).toBe('ready');
    await page.close();
  });

  it('sent nothing anywhere but the fixture hosts, and logged no errors', () => {
    expect(h.blocked).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
