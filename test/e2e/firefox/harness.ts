/**
 * Real Firefox (Debian's firefox-esr) with the built Firefox extension (.output/firefox-mv3), driven by
 * puppeteer-core over WebDriver BiDi. The Chromium harness (../harness.ts) does the same with
 * playwright-core; this one mirrors it:
 *
 * - the extension is installed as a temporary add-on (`browser.installExtension`), with a fixed internal
 *   UUID (`extensions.webextensions.uuids`) so the tests can open its pages at a known moz-extension:// URL;
 * - every page's requests are intercepted: the fixture hosts are answered from test/fixtures (Gmail with
 *   its Trusted Types CSP, Zendesk with the real CKEditor 5 build), moz-extension:, data: and blob: pass,
 *   anything else is aborted and recorded in `blocked`;
 * - requests no page makes (the background, Firefox itself) go to a local proxy that refuses them and
 *   records them in `leaked`: the tests assert both lists are empty, so nothing leaves for any host.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const FIREFOX_EXTENSION = path.join(ROOT, '.output', 'firefox-mv3');
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_ID = 'tonebridge@tonebridge.dev';
/** The extension's internal UUID in the test profile (Firefox picks a random one otherwise). */
export const FIREFOX_UUID = '5f0c7a52-3b1e-4d6a-9c8e-0b7d2e4a6f13';
export const EXTENSION_ORIGIN = `moz-extension://${FIREFOX_UUID}`;

const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const CKEDITOR = path.join(path.dirname(createRequire(import.meta.url).resolve('ckeditor5/package.json')), 'dist', 'browser');

export const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWvKpLhTmDcRqBzNsXgHtLkP';
export const ZENDESK_URL = 'https://acme.zendesk.com/agent/tickets/1001';
const GMAIL_CSP = "require-trusted-types-for 'script'; object-src 'none'; base-uri 'self'";

export interface FirefoxHarness {
  browser: Browser;
  version: string;
  /** Page requests refused (not a fixture host). */
  blocked: string[];
  /** Requests that reached the refusing proxy (made outside any page: background, browser). */
  leaked: string[];
  /** Page errors and console errors on fixture pages. */
  errors: string[];
  openGmail(): Promise<Page>;
  openZendesk(): Promise<Page>;
  /** An extension page (the options page), to call extension APIs from as the popup and options do. */
  extensionPage(): Promise<Page>;
  /** `browser.runtime.sendMessage` from an extension page. */
  sendMessage(message: unknown): Promise<Record<string, unknown>>;
  setSettings(values: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

interface Fixture {
  status: number;
  contentType: string;
  body: Buffer | string;
  headers?: Record<string, string>;
}

/** What the fixture hosts answer; undefined for any other host. */
function fixtureFor(url: URL): Fixture | undefined {
  if (url.protocol !== 'https:') return undefined;
  if (url.hostname === 'mail.google.com' && url.pathname.startsWith('/mail/')) {
    return { status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': GMAIL_CSP }, body: readFileSync(path.join(FIXTURES, 'gmail.html')) };
  }
  if (url.hostname === 'acme.zendesk.com') {
    if (url.pathname.startsWith('/agent/')) return { status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(path.join(FIXTURES, 'zendesk.html')) };
    if (url.pathname === '/fixture/ckeditor5.js') return { status: 200, contentType: 'text/javascript; charset=utf-8', body: readFileSync(path.join(CKEDITOR, 'ckeditor5.js')) };
    if (url.pathname === '/fixture/ckeditor5.css') return { status: 200, contentType: 'text/css; charset=utf-8', body: readFileSync(path.join(CKEDITOR, 'ckeditor5.css')) };
  }
  if (url.hostname === 'mail.google.com' || url.hostname === 'acme.zendesk.com') return { status: 404, contentType: 'text/plain', body: '' };
  return undefined;
}

/** A proxy that answers nothing: every request that reaches it is recorded and refused. */
async function refusingProxy(leaked: string[]): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    leaked.push(req.url ?? '?');
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    leaked.push(`CONNECT ${req.url ?? '?'}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** Firefox preferences for a quiet, offline-by-construction test browser. */
function prefs(proxyPort: number): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ID]: FIREFOX_UUID }),
    // Everything not answered by interception goes to the refusing proxy (localhost excluded is fine:
    // nothing here listens but that proxy).
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.allow_hijacking_localhost': false,
    'network.proxy.no_proxies_on': '',
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    // Firefox's own services: off, so the proxy's record is the extension's alone.
    'app.update.enabled': false,
    'app.normandy.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    // Remote Settings (blocklists, CRLite, …): pointed at nothing, as Mozilla's own test harness does.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'dom.push.enabled': false,
    'dom.push.connection.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.blocklist.enabled': false,
    'browser.ping-centre.telemetry': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'browser.newtabpage.activity-stream.feeds.system.topsites': false,
    'browser.newtabpage.activity-stream.feeds.section.topstories': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'geo.provider.network.url': '',
    'media.gmp-manager.url': '',
    'security.OCSP.enabled': 0,
    'security.remote_settings.crlite_filters.enabled': false,
    'privacy.query_stripping.enabled': false,
    'intl.accept_languages': 'en-US',
  };
}

export async function launchFirefox(): Promise<FirefoxHarness> {
  const blocked: string[] = [];
  const leaked: string[] = [];
  const errors: string[] = [];
  const proxy = await refusingProxy(leaked);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: { width: 1440, height: 1000 },
    extraPrefsFirefox: prefs((proxy.address() as AddressInfo).port),
    // WebDriver BiDi navigates only to http(s), file and blob URLs unless system access is allowed;
    // the tests open the extension's own pages (moz-extension://) to call its APIs.
    // MOZ_REMOTE_SETTINGS_DEVTOOLS lets the profile point Remote Settings at nothing (release builds
    // ignore that preference otherwise and poll firefox.settings.services.mozilla.com).
    env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1', MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
  });
  const version = await browser.version();
  const id = await browser.installExtension(FIREFOX_EXTENSION);
  if (id !== FIREFOX_ID) throw new Error(`installed add-on has id ${id}, expected ${FIREFOX_ID}`);

  const intercept = async (page: Page) => {
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const url = new URL(request.url());
      if (url.protocol === 'moz-extension:' || url.protocol === 'data:' || url.protocol === 'blob:' || url.href === 'about:blank') {
        void request.continue();
        return;
      }
      const fixture = fixtureFor(url);
      if (fixture) {
        void request.respond({ status: fixture.status, contentType: fixture.contentType, headers: fixture.headers ?? {}, body: fixture.body });
        return;
      }
      blocked.push(url.href);
      void request.abort();
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    return page;
  };

  const extensionPage = async () => {
    const page = await browser.newPage();
    // The page loads in the extension's process; puppeteer does not see that navigation finish over
    // BiDi, so the goto is not awaited: the page is ready when its realm has the extension API.
    void page.goto(`${EXTENSION_ORIGIN}/options.html`, { timeout: 60_000 }).catch(() => undefined);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const ready = await page
        .evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete' && typeof (globalThis as unknown as { browser?: unknown }).browser === 'object')
        .catch(() => false);
      if (ready) return page;
      if (Date.now() > deadline) throw new Error('the extension page did not open');
      await sleep(100);
    }
  };

  const sendMessage = async (message: unknown) => {
    const page = await extensionPage();
    try {
      return await page.evaluate(
        (m) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<Record<string, unknown>> } } }).browser.runtime.sendMessage(m),
        message,
      );
    } finally {
      await page.close();
    }
  };

  return {
    browser,
    version,
    blocked,
    leaked,
    errors,
    async openGmail() {
      const page = await intercept(await browser.newPage());
      await page.goto(GMAIL_URL);
      return page;
    },
    async openZendesk() {
      const page = await intercept(await browser.newPage());
      await page.goto(ZENDESK_URL);
      await page.waitForSelector('body[data-editors-ready="true"]');
      return page;
    },
    extensionPage,
    sendMessage,
    async setSettings(values) {
      const page = await extensionPage();
      try {
        await page.evaluate(
          (v) => (globalThis as unknown as { browser: { storage: { sync: { set(v: Record<string, unknown>): Promise<void> } } } }).browser.storage.sync.set(v),
          values,
        );
      } finally {
        await page.close();
      }
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}

export interface BadgeState {
  state: string | null;
  market: string | null;
  findings: number;
}

/** The badge of the compose box matching `editableSelector` (its button sits inside the box). */
export function badgeFor(page: Page, editableSelector: string): Promise<BadgeState | null> {
  return page.evaluate((selector) => {
    const editable = document.querySelector(selector);
    if (!editable) return null;
    const box = editable.getBoundingClientRect();
    for (const host of document.querySelectorAll('tonebridge-badge')) {
      if (getComputedStyle(host).display === 'none') continue;
      const r = host.shadowRoot?.querySelector('.badge')?.getBoundingClientRect();
      if (r && r.right <= box.right + 1 && r.bottom <= box.bottom + 1 && r.left >= box.left - 1 && r.top >= box.top - 1)
        return {
          state: host.getAttribute('data-tonebridge-state'),
          market: host.getAttribute('data-tonebridge-market'),
          findings: Number(host.getAttribute('data-tonebridge-findings')),
        };
    }
    return null;
  }, editableSelector);
}

export async function waitForBadge(page: Page, editableSelector: string, test: (badge: BadgeState) => boolean, timeout = 30_000): Promise<BadgeState> {
  const deadline = Date.now() + timeout;
  let last: BadgeState | null = null;
  while (Date.now() < deadline) {
    last = await badgeFor(page, editableSelector);
    if (last && test(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`badge for ${editableSelector} never matched; last: ${JSON.stringify(last)}`);
}

/**
 * How the page shows underlines: `highlights` (CSS Custom Highlight API, Firefox 140+) with the text
 * under each named highlight, or `rects` (the fallback painter's boxes in Tonebridge's shadow roots)
 * where the API is missing. Either way the agent sees them; the tests assert whichever this Firefox has.
 */
export function underlines(page: Page): Promise<{ api: 'highlights' | 'rects'; byName: Record<string, string[]>; rects: number }> {
  return page.evaluate(() => {
    const rects = [...document.querySelectorAll('tonebridge-badge')].reduce((n, h) => n + (h.shadowRoot?.querySelectorAll('.underline').length ?? 0), 0);
    const css = (globalThis as unknown as { CSS?: { highlights?: Map<string, Iterable<Range>> } }).CSS;
    if (!css?.highlights || typeof (globalThis as { Highlight?: unknown }).Highlight !== 'function') return { api: 'rects' as const, byName: {}, rects };
    const byName: Record<string, string[]> = {};
    for (const [name, highlight] of css.highlights) {
      if (name.startsWith('tonebridge-')) byName[name] = [...highlight].map((r) => r.toString());
    }
    return { api: 'highlights' as const, byName, rects };
  });
}

/** Presses a key chord (`chord(page, 'Control', 'z')`). */
export async function chord(page: Page, ...keys: Parameters<Page['keyboard']['press']>[0][]): Promise<void> {
  const last = keys.pop()!;
  for (const k of keys) await page.keyboard.down(k);
  await page.keyboard.press(last);
  for (const k of keys.reverse()) await page.keyboard.up(k);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
