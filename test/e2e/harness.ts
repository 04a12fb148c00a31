/**
 * Real Chromium with the built extension, the hosts answered from test/fixtures. Used by the e2e tests
 * and by `npm run demo`. Nothing leaves the machine: every request to a host other than the fixture
 * hosts is aborted and recorded, and the tests assert the record is empty.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const EXTENSION = path.join(ROOT, '.output', 'chrome-mv3');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const CKEDITOR = path.join(path.dirname(createRequire(import.meta.url).resolve('ckeditor5/package.json')), 'dist', 'browser');

export const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWvKpLhTmDcRqBzNsXgHtLkP';
export const ZENDESK_URL = 'https://acme.zendesk.com/agent/tickets/1001';

/** Gmail enforces Trusted Types: so does its fixture, so any string-to-HTML sink in Tonebridge would throw. */
const GMAIL_CSP = "require-trusted-types-for 'script'; object-src 'none'; base-uri 'self'";

/** The extension APIs the tests call inside the service worker (types only; the worker has `chrome`). */
export interface ExtensionGlobal {
  chrome: { storage: { sync: { set(values: Record<string, unknown>): Promise<void> } }; runtime: { reload(): void } };
}

export interface Harness {
  context: BrowserContext;
  /** The browser profile's directory (it names the browser process: `--user-data-dir=`). */
  userDataDir: string;
  /** The extension's service worker as last started (a stopped worker is replaced by a new one). */
  worker(): Promise<Worker>;
  extensionId: string;
  /** Requests the router refused (anything not a fixture host). */
  blocked: string[];
  /** Console errors and page errors seen on fixture pages. */
  errors: string[];
  openGmail(): Promise<Page>;
  openZendesk(): Promise<Page>;
  /** Sets Tonebridge settings in storage.sync, from the extension's own context. */
  setSettings(values: Record<string, unknown>): Promise<void>;
  /**
   * Stops the extension's service worker as Chrome does after 30 s idle (CDP
   * `ServiceWorker.stopAllWorkers`) and waits until it is gone; the next message starts a new one.
   */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

function file(name: string): Buffer {
  return readFileSync(name);
}

export async function launch(options: { headless?: boolean } = {}): Promise<Harness> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'tonebridge-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: options.headless ?? true,
    viewport: { width: 1440, height: 1000 },
    locale: 'en-US',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
    ],
  });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'https:' && url.hostname === 'mail.google.com' && url.pathname.startsWith('/mail/')) {
      return route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': GMAIL_CSP },
        body: file(path.join(FIXTURES, 'gmail.html')),
      });
    }
    if (url.protocol === 'https:' && url.hostname === 'acme.zendesk.com') {
      if (url.pathname.startsWith('/agent/'))
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: file(path.join(FIXTURES, 'zendesk.html')) });
      if (url.pathname === '/fixture/ckeditor5.js')
        return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: file(path.join(CKEDITOR, 'ckeditor5.js')) });
      if (url.pathname === '/fixture/ckeditor5.css')
        return route.fulfill({ status: 200, contentType: 'text/css; charset=utf-8', body: file(path.join(CKEDITOR, 'ckeditor5.css')) });
    }
    if (url.protocol === 'https:' && (url.hostname === 'mail.google.com' || url.hostname === 'acme.zendesk.com')) {
      // e.g. /favicon.ico: a fixture host, but nothing to serve.
      return route.fulfill({ status: 404, body: '' });
    }
    blocked.push(url.href);
    return route.abort();
  });

  let latest = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(latest.url()).host;
  /** The worker behind `latest` was stopped (its handle would hang): wait for a new one. */
  let stale = false;
  context.on('serviceworker', (w) => {
    if (w.url().includes(extensionId)) {
      latest = w;
      stale = false;
    }
  });

  const watch = (page: Page) => {
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    return page;
  };

  /** Whether `w` answers within `ms` (a stopped worker's handle hangs rather than throwing). */
  const answers = (w: Worker, ms: number) =>
    Promise.race([
      w.evaluate(() => 1).then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
    ]);

  /** The live worker: wakes a stopped one by opening the extension's own origin if needed. */
  const currentWorker = async (): Promise<Worker> => {
    if (!stale && (await answers(latest, 5000))) return latest;
    // Stopped: a page of the extension starts it again (Playwright keeps the same handle for it, or
    // reports a new one).
    const page = await context.newPage();
    try {
      await page.goto(`chrome-extension://${extensionId}/manifest.json`).catch(() => undefined);
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        if (await answers(latest, 1000)) {
          stale = false;
          return latest;
        }
      }
      throw new Error('the extension service worker did not start again');
    } finally {
      await page.close();
    }
  };

  return {
    context,
    userDataDir,
    worker: currentWorker,
    extensionId,
    blocked,
    errors,
    async openGmail() {
      const page = watch(await context.newPage());
      await page.goto(GMAIL_URL);
      return page;
    },
    async openZendesk() {
      const page = watch(await context.newPage());
      await page.goto(ZENDESK_URL);
      await page.waitForSelector('body[data-editors-ready="true"]');
      return page;
    },
    async setSettings(values) {
      const sw = await currentWorker();
      await sw.evaluate((v) => (globalThis as unknown as ExtensionGlobal).chrome.storage.sync.set(v), values);
    },
    async stopWorker() {
      const page = await context.newPage();
      try {
        await page.goto('about:blank');
        const cdp = await context.newCDPSession(page);
        type Version = { versionId: string; scriptURL: string; runningStatus: string };
        const ours = (versions: Version[]) => versions.filter((v) => v.scriptURL.includes(extensionId));
        let running: Version[] = [];
        let onUpdate = (_: Version[]) => {};
        cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: Version[] }) => onUpdate(ours(e.versions)));
        // Enabling reports every version at once.
        await new Promise<void>((resolve, reject) => {
          onUpdate = (versions) => {
            running = versions.filter((v) => v.runningStatus !== 'stopped');
            resolve();
          };
          cdp.send('ServiceWorker.enable').catch(reject);
          setTimeout(resolve, 2000);
        });
        const stopped = new Set<string>();
        const done = new Promise<void>((resolve) => {
          onUpdate = (versions) => {
            for (const v of versions) if (v.runningStatus === 'stopped') stopped.add(v.versionId);
            if (running.every((v) => stopped.has(v.versionId))) resolve();
          };
        });
        for (const v of running) await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
        if (running.length > 0) await done;
        // Playwright's handle of the stopped worker no longer answers: use a new one from now on.
        stale = true;
        await cdp.detach();
      } finally {
        await page.close();
      }
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface BadgeState {
  state: string | null;
  market: string | null;
  findings: number;
  visible: boolean;
}

/** The badge of the compose box matching `editableSelector` (its button sits inside the box). */
export async function badgeFor(page: Page, editableSelector: string): Promise<BadgeState | null> {
  return page.evaluate((selector) => {
    const editable = document.querySelector(selector);
    if (!editable) return null;
    const box = editable.getBoundingClientRect();
    for (const host of document.querySelectorAll('tonebridge-badge')) {
      const visible = getComputedStyle(host).display !== 'none';
      const button = host.shadowRoot?.querySelector('.badge');
      const r = button?.getBoundingClientRect();
      const inside = r && r.right <= box.right + 1 && r.bottom <= box.bottom + 1 && r.left >= box.left - 1 && r.top >= box.top - 1;
      if (visible && inside)
        return {
          state: host.getAttribute('data-tonebridge-state'),
          market: host.getAttribute('data-tonebridge-market'),
          findings: Number(host.getAttribute('data-tonebridge-findings')),
          visible,
        };
    }
    return null;
  }, editableSelector);
}

/** Waits until the box's badge satisfies `test`; returns it. */
export async function waitForBadge(
  page: Page,
  editableSelector: string,
  test: (badge: BadgeState) => boolean,
  timeout = 30_000,
): Promise<BadgeState> {
  const deadline = Date.now() + timeout;
  let last: BadgeState | null = null;
  while (Date.now() < deadline) {
    last = await badgeFor(page, editableSelector);
    if (last && test(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`badge for ${editableSelector} never matched; last: ${JSON.stringify(last)}`);
}

/** The text under each Tonebridge highlight, by highlight name (read from the page's own world). */
export async function highlightedTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('tonebridge-')) continue;
      out[name] = [...highlight].map((r) => r.toString());
    }
    return out;
  });
}

/** The open card in the page (Playwright pierces the open shadow roots). */
export function card(page: Page) {
  return page.locator('tonebridge-badge [role="dialog"]');
}
