import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightedTexts, launch, waitForBadge, type ExtensionGlobal, type Harness } from './harness';

const REPLY = '[role="main"] [g_editable="true"]';

let h: Harness;

beforeAll(async () => {
  h = await launch();
});

afterAll(async () => {
  await h?.close();
});

describe('service worker and extension lifecycle', () => {
  it('a stopped service worker wakes for the next request: the findings come back, no errors', async () => {
    const page = await h.openGmail();
    await page.locator(REPLY).click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('ご注文の商品は明日お届けの予定です。');
    await waitForBadge(page, REPLY, (b) => b.market === 'jp' && b.findings > 0);

    // Stop every service worker, as Chrome does after 30 s idle.
    const cdp = await h.context.newCDPSession(page);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions) if (v.scriptURL.includes(h.extensionId)) statuses.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => statuses.at(-1)).toBe('stopped');

    // Count fresh analyses drawn from now on.
    await page.evaluate(() => {
      const w = window as unknown as { __analyzed: number };
      w.__analyzed = 0;
      for (const host of document.querySelectorAll('tonebridge-badge'))
        host.addEventListener('tonebridge:analyzed', () => w.__analyzed++);
    });
    await page.keyboard.type('よろしくお願いいたします。');
    // A new worker starts, loads Japanese again (the badge may say "loading" meanwhile) and answers.
    await expect.poll(() => page.evaluate(() => (window as unknown as { __analyzed: number }).__analyzed)).toBeGreaterThan(0);
    await expect.poll(() => statuses).toContain('running');
    await waitForBadge(page, REPLY, (b) => b.state === 'ready' && b.findings > 0 && b.market === 'jp');
    expect(h.errors).toEqual([]);
    await page.close();
  });

  it('after the extension is reloaded, the orphaned content script removes its UI quietly and typing goes on', async () => {
    const page = await h.openGmail();
    await page.locator(REPLY).click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('配送が遅れてすみません。');
    await waitForBadge(page, REPLY, (b) => b.findings > 0);
    expect(await page.locator('tonebridge-badge').count()).toBe(2);

    await page.evaluate(() => {
      (window as unknown as { __old: Element[] }).__old = [...document.querySelectorAll('tonebridge-badge')];
    });
    const worker = await h.worker();
    await worker.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.runtime.reload()).catch(() => undefined);
    // The orphaned script notices (its next request, or the reloaded extension's script announcing
    // itself) and removes its badges and underlines.
    await page.locator(REPLY).click();
    await page.keyboard.type('明日お届けします。');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __old: Element[] }).__old.filter((e) => e.isConnected).length))
      .toBe(0);
    // Whatever is on the page now belongs to a live script (if Chrome injected the reloaded one).
    const live = await page.locator('tonebridge-badge').count();
    if (live === 0) expect(await highlightedTexts(page)).toEqual({});
    // The agent keeps typing as if nothing happened.
    await page.keyboard.type('以上です。');
    expect(await page.locator(REPLY).innerText()).toContain('明日お届けします。以上です。');
    expect(h.errors).toEqual([]);
    await page.close();
  });

  it('sent nothing anywhere but the fixture hosts', () => {
    expect(h.blocked).toEqual([]);
  });
});
