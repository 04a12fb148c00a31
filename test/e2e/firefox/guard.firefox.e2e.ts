/**
 * The pre-send check in Firefox (Gmail fixture): with a pack in warn mode imported through the panel
 * protocol (as the options page does), Send with open findings shows the dialog and sends nothing;
 * Send anyway sends exactly once with the unchanged text; Ctrl+Enter is held the same way; a clean
 * draft goes straight through — the core of ../guard.e2e.ts in Chromium.
 */
import { CLEAN_US_REPLY, NEEDS_EMPATHY, WARN_PACK } from '../shared-fixtures';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chord, launchFirefox, sleep, waitForBadge, type FirefoxHarness } from './harness';

const NEW_MESSAGE = '[data-compose-id="new-1"] [g_editable="true"]';
const NEW_SEND = '[data-compose-id="new-1"] [role="button"][data-tooltip*="Enter"]';
const DIALOG = 'tonebridge-guard >>> [role="alertdialog"]';


interface Sent {
  via: string;
  text: string;
}

const sends = (page: Page) => page.evaluate(() => (window as unknown as { __sends: Sent[] }).__sends.map((s) => ({ via: s.via, text: s.text })));
const dialogs = async (page: Page) => (await page.$$(DIALOG)).length;

async function draft(page: Page, text: string, findings: 'some' | 'none'): Promise<string> {
  await waitForBadge(page, NEW_MESSAGE, (b) => b.state === 'ready');
  await page.click(NEW_MESSAGE);
  await page.keyboard.type(text);
  await waitForBadge(page, NEW_MESSAGE, (b) => b.state === 'ready' && (findings === 'some' ? b.findings > 0 : b.findings === 0));
  return page.$eval(NEW_MESSAGE, (e) => (e as HTMLElement).innerText);
}

let h: FirefoxHarness;

beforeAll(async () => {
  h = await launchFirefox();
  const answer = await h.sendMessage({ type: 'tonebridge/panel/import', fileName: 'send-check.json', text: JSON.stringify(WARN_PACK) });
  expect(answer.ok).toBe(true);
});

afterAll(async () => {
  await h?.close();
});

describe('pre-send check (warn, imported pack) in Firefox', () => {
  it('Send button: the dialog names what is missing and nothing is sent; Send anyway sends once, unchanged', async () => {
    const page = await h.openGmail();
    const text = await draft(page, NEEDS_EMPATHY, 'some');
    await page.click(NEW_SEND);
    await expect.poll(() => dialogs(page)).toBe(1);
    await expect.poll(() => page.$$eval(`${DIALOG} ul.missing li`, (items) => items.map((i) => i.textContent))).toEqual(['No empathy']);
    await sleep(200);
    expect(await sends(page)).toEqual([]);
    await page.click(`${DIALOG} button.send`);
    await expect.poll(() => dialogs(page)).toBe(0);
    await expect.poll(async () => (await sends(page)).length).toBe(1);
    await sleep(300);
    expect(await sends(page)).toEqual([{ via: 'button', text }]);
    expect(await page.$eval(NEW_MESSAGE, (e) => (e as HTMLElement).innerText)).toBe(text);
    await page.close();
  });

  it('Ctrl+Enter in the compose box: held, then sent once by the same shortcut', async () => {
    const page = await h.openGmail();
    const text = await draft(page, NEEDS_EMPATHY, 'some');
    await chord(page, 'Control', 'Enter');
    await expect.poll(() => dialogs(page)).toBe(1);
    expect(await sends(page)).toEqual([]);
    await page.click(`${DIALOG} button.send`);
    await expect.poll(async () => (await sends(page)).map((s) => s.via)).toEqual(['shortcut']);
    await sleep(300);
    expect(await sends(page)).toEqual([{ via: 'shortcut', text }]);
    await page.close();
  });

  it('a clean draft sends with no dialog', async () => {
    const page = await h.openGmail();
    const text = await draft(page, CLEAN_US_REPLY, 'none');
    await page.click(NEW_SEND);
    await expect.poll(async () => (await sends(page)).length).toBe(1);
    expect(await dialogs(page)).toBe(0);
    expect(await sends(page)).toEqual([{ via: 'button', text }]);
    await page.close();
  });

  it('sent nothing anywhere but the fixture hosts, and logged no errors', () => {
    expect(h.blocked).toEqual([]);
    expect(h.leaked).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
