/**
 * The extension's own pages (popup, options) in the e2e harness's Chromium, for test/e2e/panel.e2e.ts
 * and `npm run demo`'s screenshots.
 */
import type { Page } from 'playwright-core';
import type { Harness } from './harness';

/**
 * The harness refuses every request but the fixture hosts' (and records it as leaked); the
 * extension's pages load the extension's own files. Routes added later are consulted first.
 */
export async function allowExtensionPages(h: Harness): Promise<void> {
  await h.context.route(
    (url) => url.protocol === 'chrome-extension:' && url.host === h.extensionId,
    (route) => route.continue(),
  );
}

/** The id of the first tab whose URL matches a match pattern (chrome.tabs, from the service worker). */
export async function tabIdOf(h: Harness, urlPattern: string): Promise<number> {
  const sw = await h.worker();
  const id = await sw.evaluate(async (pattern) => {
    const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } } }).chrome;
    return (await chrome.tabs.query({ url: pattern }))[0]?.id;
  }, urlPattern);
  if (id === undefined) throw new Error(`no tab matches ${urlPattern}`);
  return id;
}

function watch(h: Harness, page: Page, name: string): Page {
  page.on('pageerror', (error) => h.errors.push(`${name} pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') h.errors.push(`${name} console: ${message.text()}`);
  });
  return page;
}

/** popup.html as a page (340 px wide like the toolbar popup), showing `tabId`'s site and compose box. */
export async function openPopup(h: Harness, tabId?: number): Promise<Page> {
  const page = watch(h, await h.context.newPage(), 'popup');
  await page.setViewportSize({ width: 340, height: 640 });
  await page.goto(`chrome-extension://${h.extensionId}/popup.html${tabId !== undefined ? `?tab=${tabId}` : ''}`);
  await page.locator('.segmented button[data-market="auto"]').waitFor();
  return page;
}

export async function openOptions(h: Harness): Promise<Page> {
  const page = watch(h, await h.context.newPage(), 'options');
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(`chrome-extension://${h.extensionId}/options.html`);
  await page.locator('#tb-import').waitFor({ state: 'attached' });
  return page;
}

/** Imports a pack through the options page's file input. */
export async function importPackFile(options: Page, name: string, content: string | Buffer): Promise<void> {
  const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  await options.locator('#tb-import').setInputFiles({ name, mimeType: 'application/json', buffer });
}
