/**
 * `npm run demo`: builds the extension, opens Chromium with Tonebridge on the fixture Gmail and Zendesk
 * pages (answered locally, nothing leaves the machine), types the sample replies from examples/replies,
 * and shows what Tonebridge finds.
 *
 * With a display, the browser stays open for you to try (close it to exit). Without one (CI, SSH) it
 * runs headless: screenshots go to demo-output/ and the findings are printed.
 *
 *   npm run demo                  build, then run
 *   npm run demo -- --no-build    reuse .output/chrome-mv3
 *   npm run demo -- --headless    headless even with a display
 *   npm run demo -- --ui ja       Japanese UI
 *   npm run demo -- --update-docs also copy the screenshots to docs/ (screenshot.png: Gmail;
 *                                 popup.png, options.png: the extension's popup and options page)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { badgeFor, launch, ROOT, type BadgeState } from '../test/e2e/harness';
import { allowExtensionPages, importPackFile, openOptions, openPopup, tabIdOf } from '../test/e2e/panel-pages';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const headless = flag('--headless') || !process.env.DISPLAY;
const uiLang = option('--ui') === 'ja' ? 'ja' : 'en';
const OUT = path.join(ROOT, 'demo-output');

const GMAIL_REPLY = '[role="main"] [g_editable="true"]';
const GMAIL_NEW = '[data-compose-id="new-1"] [g_editable="true"]';
const GMAIL_NEW_SEND = '[data-compose-id="new-1"] [role="button"][data-tooltip*="Enter"]';
/** The pre-send check's dialog (lib/guard/dialog.tsx, in Tonebridge's shadow root). */
const GUARD_DIALOG = 'tonebridge-guard [role="alertdialog"]';
const ZENDESK_REPLY = '[data-ticket-id="1001"] .ck-editor__editable';

const sample = (name: string) => readFileSync(path.join(ROOT, 'examples', 'replies', name), 'utf8').trimEnd();

async function typeDraft(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).click();
  await page.keyboard.press('Control+Home');
  for (const [i, line] of text.split('\n').entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    if (line) await page.keyboard.type(line);
  }
}

async function settled(page: Page, selector: string): Promise<BadgeState> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const badge = await badgeFor(page, selector);
    if (badge && badge.state !== 'loading') {
      // Let the last keystrokes' analysis land.
      await page.waitForTimeout(400);
      return (await badgeFor(page, selector)) ?? badge;
    }
    if (Date.now() > deadline) throw new Error(`Tonebridge did not answer for ${selector}`);
    await page.waitForTimeout(100);
  }
}

/** Clicks the middle of the first occurrence of `words` inside the element (where an underline is). */
async function clickWords(page: Page, selector: string, words: string): Promise<void> {
  const point = await page.evaluate(
    ({ sel, w }) => {
      const root = document.querySelector(sel)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(w);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + w.length);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    },
    { sel: selector, w: words },
  );
  if (!point) return;
  await page.mouse.click(point.x, point.y);
  await page.waitForTimeout(200);
}

interface ShownFinding {
  kind: string;
  level: string;
  message: string;
  fixes: string[];
}

/** Reads the findings the way an agent sees them: open the badge's card and step through it. */
async function readFindings(page: Page, selector: string, count: number): Promise<ShownFinding[]> {
  if (count === 0) return [];
  const hostIndex = await page.evaluate((sel) => {
    const box = document.querySelector(sel)!.getBoundingClientRect();
    return [...document.querySelectorAll('tonebridge-badge')].findIndex((host) => {
      const r = host.shadowRoot?.querySelector('.badge')?.getBoundingClientRect();
      return !!r && r.right <= box.right + 1 && r.bottom <= box.bottom + 1 && r.left >= box.left - 1 && r.top >= box.top - 1;
    });
  }, selector);
  const host = page.locator('tonebridge-badge').nth(hostIndex);
  await host.locator('.badge').click();
  const found: ShownFinding[] = [];
  for (let i = 0; i < count; i++) {
    const card = host.locator('[role="dialog"]');
    found.push({
      kind: (await card.locator('.kind').textContent()) ?? '',
      level: (await card.locator('.level').textContent()) ?? '',
      message: (await card.locator('.message').textContent()) ?? '',
      fixes: await card.locator('button.fix').allTextContents(),
    });
    if (i < count - 1) await card.locator('.nav button').last().click();
  }
  await page.keyboard.press('Escape');
  return found;
}

function print(title: string, badge: BadgeState, findings: ShownFinding[]): void {
  console.log(`\n${title}: market ${badge.market}, ${badge.findings} finding(s), state ${badge.state}`);
  for (const f of findings) {
    console.log(`  • [${f.kind} · ${f.level}] ${f.message}`);
    for (const fix of f.fixes) console.log(`      fix: ${fix}`);
  }
}

async function main(): Promise<void> {
  const browserPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(browserPath)) {
    console.error(
      `No Chromium at ${browserPath}. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH ` +
        'to a Chromium or Chrome binary. Meanwhile `npm run check-sample` coaches the same sample replies from the CLI.',
    );
    process.exit(2);
  }
  if (!flag('--no-build') || !existsSync(path.join(ROOT, '.output', 'chrome-mv3', 'manifest.json'))) {
    console.log('Building the extension (wxt build)…');
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  mkdirSync(OUT, { recursive: true });
  console.log(`Opening Chromium${headless ? ' (headless: no display)' : ''} with Tonebridge on the fixture pages…`);
  const h = await launch({ headless });
  await allowExtensionPages(h);
  await h.setSettings({ market: 'auto', uiLang });

  // Gmail: a Japanese reply to a complaint (no apology, plain endings), and a cold reply to a US customer.
  const gmail = await h.openGmail();
  await typeDraft(gmail, GMAIL_REPLY, sample('jp-complaint-no-apology.txt'));
  await typeDraft(gmail, GMAIL_NEW, sample('us-cold-reply.txt'));
  const jp = await settled(gmail, GMAIL_REPLY);
  const us = await settled(gmail, GMAIL_NEW);
  print('Gmail, reply to 田中 宏 <tanaka@example.co.jp>', jp, await readFindings(gmail, GMAIL_REPLY, jp.findings));
  print('Gmail, new message to Jane Doe <jane.doe@example.com>', us, await readFindings(gmail, GMAIL_NEW, us.findings));
  // For the picture: the card of the last underlined words of the Japanese reply, as a click opens it.
  if (jp.findings > 0) await clickWords(gmail, GMAIL_REPLY, '連絡して');
  const gmailShot = path.join(OUT, 'gmail.png');
  await gmail.screenshot({ path: gmailShot });
  // The pre-send check: Send on the cold US reply is held and the dialog says what is missing.
  await gmail.keyboard.press('Escape');
  await gmail.locator(GMAIL_NEW_SEND).click();
  await gmail.locator(GUARD_DIALOG).waitFor({ timeout: 15_000 });
  const sendShot = path.join(OUT, 'send-check.png');
  await gmail.screenshot({ path: sendShot });
  console.log(`\nSend on the US reply: held — ${(await gmail.locator(GUARD_DIALOG).innerText()).split('\n').map((line) => line.trim()).join(' · ')}`);
  await gmail.keyboard.press('Escape'); // Review: nothing was sent

  // Zendesk: the same Japanese draft in the CKEditor composer of ticket #1001.
  const zendesk = await h.openZendesk();
  await typeDraft(zendesk, ZENDESK_REPLY, sample('jp-complaint-no-apology.txt'));
  const zd = await settled(zendesk, ZENDESK_REPLY);
  print('Zendesk ticket #1001 (CKEditor 5), public reply', zd, await readFindings(zendesk, ZENDESK_REPLY, zd.findings));
  const zendeskShot = path.join(OUT, 'zendesk.png');
  await zendesk.screenshot({ path: zendeskShot });

  // The extension's own pages: the options page with the example team pack imported, then the
  // popup for the Gmail tab (its reply's check, the packs); the pack is removed again afterwards.
  const options = await openOptions(h);
  await importPackFile(options, 'acme-support.json', readFileSync(path.join(ROOT, 'examples', 'packs', 'acme-support.json'), 'utf8'));
  await options.locator('.banner.ok').waitFor();
  await options.locator('.banner.ok').evaluate((banner) => banner.remove());
  // Show the Japanese rules, where the pack locked one.
  await options.locator('.rule-group[data-group="ja"] > summary').click();
  const optionsShot = path.join(OUT, 'options.png');
  await options.screenshot({ path: optionsShot, fullPage: true });
  const popup = await openPopup(h, await tabIdOf(h, 'https://mail.google.com/*'));
  // The popup refreshes while open: wait for the check of the Gmail reply the agent worked in.
  await popup.locator('.box-count:not([data-findings="0"])').waitFor({ timeout: 60_000 });
  await popup.locator('[data-pack="acme/support-jp"]').waitFor();
  const popupShot = path.join(OUT, 'popup.png');
  await popup.screenshot({ path: popupShot, fullPage: true });
  await popup.close();
  await options.locator('.pack-card[data-pack="acme/support-jp"] button.danger').click();
  await options.locator('.pack-card[data-pack="acme/support-jp"]').waitFor({ state: 'detached' });
  await options.close();

  console.log(`\nScreenshots: ${[gmailShot, sendShot, zendeskShot, popupShot, optionsShot].map((f) => path.relative(ROOT, f)).join(', ')}`);
  if (flag('--update-docs')) {
    copyFileSync(gmailShot, path.join(ROOT, 'docs', 'screenshot.png'));
    copyFileSync(popupShot, path.join(ROOT, 'docs', 'popup.png'));
    copyFileSync(optionsShot, path.join(ROOT, 'docs', 'options.png'));
    copyFileSync(sendShot, path.join(ROOT, 'docs', 'send-check.png'));
    console.log('Copied the Gmail, pre-send check, popup and options screenshots to docs/ (screenshot.png, send-check.png, popup.png, options.png)');
  }
  const perf = path.join(ROOT, '.output', 'e2e', 'perf.json');
  if (existsSync(perf)) console.log(`\nLast measurements (npm run test:e2e, ${path.relative(ROOT, perf)}):\n${readFileSync(perf, 'utf8')}`);
  if (h.blocked.length > 0) console.log(`\nRequests refused (not a fixture host): ${h.blocked.join(', ')}`);
  else console.log('\nNo request left for any host but the local fixtures.');

  if (headless) {
    await h.close();
    return;
  }
  console.log('\nThe browser stays open: try the drafts, click an underline. Close the browser to exit.');
  await new Promise<void>((resolve) => h.context.on('close', () => resolve()));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
