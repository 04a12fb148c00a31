/**
 * Gmail (fixture) in Firefox: the Japanese reply underlined, the fix applied through the editor and
 * undone with Ctrl+Z, and the market switch — the same flows as ../gmail.e2e.ts in Chromium.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import apology from '../../../dictionaries/ja/apology.json';
import { badgeFor, chord, launchFirefox, underlines, waitForBadge, type FirefoxHarness } from './harness';

const REPLY = '[role="main"] [g_editable="true"]';
const CARD = 'tonebridge-badge >>> [role="dialog"]';

let h: FirefoxHarness;

beforeAll(async () => {
  h = await launchFirefox();
});

afterAll(async () => {
  await h?.close();
});

/**
 * The draft part of the reply as the agent sees it, line by line (the quote and signature follow it).
 * Lines, not DIVs: Firefox's editor puts an inserted line break in a <br> where Chromium starts a new
 * <div>; the agent sees the same lines either way.
 */
function draftLines(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const body = document.querySelector(selector)!;
    const lines: string[] = [];
    for (let n: Element | null = body.firstElementChild; n && n.tagName === 'DIV' && !n.querySelector('.gmail_signature'); n = n.nextElementSibling)
      lines.push(...(n as HTMLElement).innerText.replace(/\n$/, '').split('\n'));
    return lines;
  }, REPLY);
}

async function typeLines(page: Page, lines: string[]): Promise<void> {
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
}

/** The text under the named underline (whichever way this Firefox paints). */
async function underlined(page: Page, name: string): Promise<string[] | undefined> {
  const u = await underlines(page);
  return u.api === 'highlights' ? u.byName[name] : u.rects > 0 ? ['(drawn as boxes)'] : undefined;
}

describe('Gmail (fixture) in Firefox', () => {
  it('paints underlines with the CSS Custom Highlight API (Firefox 140+), not the fallback boxes', async () => {
    // Firefox before 140 lacks the API: the fallback painter draws boxes in the shadow root instead,
    // which underlines() reports as `rects`. This Firefox must have the API.
    const major = Number(/^firefox\/(\d+)/.exec(h.version)?.[1]);
    const page = await h.openGmail();
    const api = await page.evaluate(() => typeof (globalThis as { Highlight?: unknown }).Highlight === 'function' && 'highlights' in CSS);
    expect(api).toBe(major >= 140);
    await page.close();
  });

  it('what Firefox lacks of what the code uses, and how Tonebridge copes', async () => {
    const ext = await h.extensionPage();
    const apis = await ext.evaluate(() => {
      const b = (globalThis as unknown as { browser: Record<string, Record<string, unknown> | undefined> }).browser;
      return { offscreen: typeof b.offscreen, session: typeof b.storage?.session, background: typeof b.runtime?.getBackgroundPage };
    });
    await ext.close();
    // No offscreen documents in Firefox: none needed, the background is an event page with a DOM and
    // loads the dictionary itself (the Japanese reply below is analysed there).
    expect(apis.offscreen).toBe('undefined');
    // storage.session keeps box statuses across a background restart (Firefox 115+); without it they
    // live in the background's memory only (lib/coach/background.ts), and the badges re-ask.
    expect(apis.session).toBe('object');
  });

  it('underlines a Japanese reply that lacks an apology, applies the fix, and Ctrl+Z restores the draft', async () => {
    const page = await h.openGmail();
    await waitForBadge(page, REPLY, (b) => b.state === 'ready');
    await page.click(REPLY);
    await chord(page, 'Control', 'Home');
    await typeLines(page, ['田中様', 'お世話になっております。', 'ご注文の商品の配送状況を確認いたしました。明日お届けの予定です。']);

    const badge = await waitForBadge(page, REPLY, (b) => b.state === 'ready' && b.findings > 0);
    expect(badge.market).toBe('jp');
    await expect.poll(() => underlined(page, 'tonebridge-apology')).toEqual(['ご注文の商品の配送状況を確認いたしました。明日お届けの予定です。']);
    const before = await draftLines(page);
    expect(before).toEqual(['田中様', 'お世話になっております。', 'ご注文の商品の配送状況を確認いたしました。明日お届けの予定です。']);

    // Clicking the underlined sentence opens the card; its fix goes through the editor.
    await page.locator('::-p-text(ご注文の商品の配送状況を確認)').click();
    await expect.poll(async () => (await page.$$(CARD)).length).toBe(1);
    await expect.poll(() => page.$eval(`${CARD} .message`, (e) => e.textContent)).toMatch(/apology/i);
    await page.click(`${CARD} button.fix`);
    await expect.poll(() => draftLines(page)).toEqual([
      '田中様',
      'お世話になっております。',
      apology.insert,
      'ご注文の商品の配送状況を確認いたしました。明日お届けの予定です。',
    ]);
    await expect.poll(() => underlined(page, 'tonebridge-apology')).toBeUndefined();
    expect((await badgeFor(page, REPLY))?.state).toBe('ready');

    // The fix is one step on the editor's undo stack.
    await chord(page, 'Control', 'z');
    await expect.poll(() => draftLines(page)).toEqual(before);
    await expect.poll(() => underlined(page, 'tonebridge-apology')).toEqual(['ご注文の商品の配送状況を確認いたしました。明日お届けの予定です。']);
    const all = Object.values((await underlines(page)).byName).flat().join('\n');
    expect(all).not.toMatch(/佐藤 美咲|早急にご対応ください/);
    await page.close();
  });

  it('switching the market changes the findings', async () => {
    const page = await h.openGmail();
    await waitForBadge(page, REPLY, (b) => b.state === 'ready');
    await page.click(REPLY);
    await chord(page, 'Control', 'Home');
    await page.keyboard.type('ご注文の商品は明日お届けの予定です。');
    await waitForBadge(page, REPLY, (b) => b.market === 'jp' && b.findings > 0);
    await h.setSettings({ market: 'us' });
    await waitForBadge(page, REPLY, (b) => b.market === 'us');
    await expect.poll(() => underlined(page, 'tonebridge-apology')).toBeUndefined();
    await h.setSettings({ market: 'auto' });
    await waitForBadge(page, REPLY, (b) => b.market === 'jp' && b.findings > 0);
    await page.close();
  });

  it('sent nothing anywhere but the fixture hosts, and logged no errors', () => {
    expect(h.blocked).toEqual([]);
    expect(h.leaked).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
