/**
 * The popup and options pages in real Chromium, talking to the real background: the popup switches
 * the reader's market and the Gmail fixture's findings follow at once; the options page imports packs
 * (a bad one is refused by field while the good one keeps working in the compose box); and an
 * enterprise policy's locks show as locked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightedTexts, launch, waitForBadge, type Harness } from './harness';
import { canWriteManagedPolicy, writeManagedPolicy, type PolicyFile } from './managed-policy';
import { allowExtensionPages, importPackFile, openOptions, openPopup, tabIdOf } from './panel-pages';

const REPLY = '[role="main"] [g_editable="true"]';
const NEW_MESSAGE = '[data-compose-id="new-1"] [g_editable="true"]';

const pressed = (popup: import('playwright-core').Page, market: string) => popup.locator(`.segmented button[data-market="${market}"]`).getAttribute('aria-pressed');

/** A pack with one forbid phrase rule (team policy: no internal code names). */
function falconPack(version: string): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: 'acme/e2e',
    name: 'Acme e2e',
    version,
    owner: 'Acme Support Operations',
    phrases: [
      {
        id: 'acme/no-falcon',
        type: 'forbid',
        phrases: ['Project Falcon'],
        ignoreCase: true,
        level: 'warn',
        kind: 'policy',
        message: { en: 'Internal code names must not reach customers.', ja: '社内コードネームはお客様に伝えないでください。' },
        examples: { match: ['The fix ships with Project Falcon.'], noMatch: ['The fix ships with the next update.'] },
      },
    ],
  };
}

describe('popup and options in Chromium', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch();
    await allowExtensionPages(h);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('one click on United States / Japan changes the market of the open Gmail compose box, and the popup shows that box', async () => {
    const gmail = await h.openGmail();
    // One compose box in this tab (the popup shows the box the coach answered last).
    await gmail.evaluate(() => document.querySelector('[data-compose-id="new-1"]')?.closest('[role="dialog"]')?.remove());
    await expect.poll(() => gmail.locator('[data-compose-id="new-1"]').count()).toBe(0);
    await gmail.locator(REPLY).click();
    await gmail.keyboard.press('Control+Home');
    await gmail.keyboard.type('ご注文の商品は明日お届けの予定です。');
    // Auto: the .co.jp recipient makes it Japan, and the apology is missing.
    await waitForBadge(gmail, REPLY, (b) => b.state === 'ready' && b.market === 'jp' && b.findings > 0);
    expect((await highlightedTexts(gmail))['tonebridge-apology']).toEqual(['ご注文の商品は明日お届けの予定です。']);

    const popup = await openPopup(h, await tabIdOf(h, 'https://mail.google.com/*'));
    expect(await popup.locator('.segmented button').allTextContents()).toEqual(['Auto', 'Japan', 'United States']);
    expect(await pressed(popup, 'auto')).toBe('true');
    await expect.poll(() => popup.locator('.box-body').getAttribute('data-box-market')).toBe('jp');
    await expect.poll(() => popup.locator('.chip[data-kind="apology"]').count()).toBe(1);
    expect(await popup.locator('.site .switch-label').textContent()).toBe('On mail.google.com');

    await popup.locator('.segmented button[data-market="us"]').click();
    await expect.poll(() => pressed(popup, 'us')).toBe('true');
    await waitForBadge(gmail, REPLY, (b) => b.state === 'ready' && b.market === 'us');
    // The apology rule is Japan's: for a US reader it is silent.
    await expect.poll(async () => (await highlightedTexts(gmail))['tonebridge-apology']).toBeUndefined();
    await expect.poll(() => popup.locator('.box-body').getAttribute('data-box-market')).toBe('us');
    await expect.poll(() => popup.locator('.box-line').textContent()).toMatch(/^Checked for United States · your choice$/);

    await popup.locator('.segmented button[data-market="jp"]').click();
    await expect.poll(() => pressed(popup, 'jp')).toBe('true');
    await waitForBadge(gmail, REPLY, (b) => b.state === 'ready' && b.market === 'jp' && b.findings > 0);
    await expect.poll(async () => (await highlightedTexts(gmail))['tonebridge-apology']).toEqual(['ご注文の商品は明日お届けの予定です。']);

    // Keyboard: Tab reaches the market buttons (after the two switches), Space presses one.
    await popup.locator('#tb-enabled').focus();
    await popup.keyboard.press('Tab');
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-market'))).toBe('auto');
    await popup.keyboard.press('Tab');
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-market'))).toBe('us');
    await popup.keyboard.press('Space');
    await expect.poll(() => pressed(popup, 'us')).toBe('true');
    await waitForBadge(gmail, REPLY, (b) => b.state === 'ready' && b.market === 'us');
    await popup.locator('.segmented button[data-market="jp"]').click();
    await expect.poll(() => pressed(popup, 'jp')).toBe('true');

    // Remembered: a popup opened later shows the choice.
    await popup.close();
    const again = await openPopup(h);
    await expect.poll(() => pressed(again, 'jp')).toBe('true');
    await again.close();

    // Off for this site: every box goes quiet; back on: the findings return.
    const popup2 = await openPopup(h, await tabIdOf(h, 'https://mail.google.com/*'));
    await popup2.locator('label[for="tb-site"]').click();
    await expect.poll(() => popup2.locator('#tb-site').isChecked()).toBe(false);
    await expect
      .poll(() => gmail.locator('tonebridge-badge').evaluateAll((hosts) => hosts.map((e) => e.getAttribute('data-tonebridge-state'))))
      .toEqual(expect.arrayContaining(['off']));
    expect(await gmail.locator('tonebridge-badge').evaluateAll((hosts) => hosts.every((e) => e.getAttribute('data-tonebridge-state') === 'off'))).toBe(true);
    await expect.poll(async () => Object.keys(await highlightedTexts(gmail)).length).toBe(0);
    await popup2.locator('label[for="tb-site"]').click();
    await waitForBadge(gmail, REPLY, (b) => b.state === 'ready' && b.market === 'jp' && b.findings > 0);

    await popup2.locator('.segmented button[data-market="auto"]').click();
    await expect.poll(() => pressed(popup2, 'auto')).toBe('true');
    await popup2.close();
    await gmail.close();
  });

  it('options: a bad pack file is refused naming the field, and the good pack imported before still fires in the compose box', async () => {
    const options = await openOptions(h);
    await importPackFile(options, 'acme-e2e.json', JSON.stringify(falconPack('1.0.0')));
    await expect.poll(() => options.locator('.banner.ok').textContent()).toMatch(/Imported acme\/e2e v1\.0\.0/);
    const card = options.locator('.pack-card[data-pack="acme/e2e"]');
    await expect.poll(() => card.locator('.ver').textContent()).toBe('v1.0.0');
    expect(await card.locator('.phrase-rule[data-rule="acme/no-falcon"] .ex.match').allTextContents()).toEqual(['The fix ships with Project Falcon.']);

    // Version 2 breaks a field: refused with its path and reason; version 1 stays.
    const bad = falconPack('2.0.0');
    (bad.phrases as Record<string, unknown>[])[0]!.type = 'shout';
    await importPackFile(options, 'acme-e2e-v2.json', JSON.stringify(bad));
    const error = options.locator('.import-error');
    await expect.poll(() => error.textContent()).toMatch(/acme-e2e-v2\.json was not imported/);
    expect(await error.locator('.issues li .path').allTextContents()).toContain('phrases[0].type');
    expect(await error.getAttribute('role')).toBe('alert');
    await expect.poll(() => card.locator('.ver').textContent()).toBe('v1.0.0');

    // A file saved in Latin-1 (not UTF-8) is refused with the reason, never imported with mangled text.
    const latin1 = Buffer.from(JSON.stringify(falconPack('3.0.0')).replace('Project Falcon', 'Project Falcón'), 'latin1');
    await importPackFile(options, 'acme-e2e-latin1.json', latin1);
    await expect.poll(() => error.textContent()).toMatch(/acme-e2e-latin1\.json was not imported/);
    expect(await error.textContent()).toMatch(/not valid UTF-8/);
    await expect.poll(() => card.locator('.ver').textContent()).toBe('v1.0.0');

    // The held pack's phrase rule fires in a Gmail compose box.
    const gmail = await h.openGmail();
    await gmail.locator(NEW_MESSAGE).click();
    await gmail.keyboard.type('Thanks for waiting. The fix ships with Project Falcon next week.');
    await waitForBadge(gmail, NEW_MESSAGE, (b) => b.state === 'ready' && b.findings > 0);
    await expect.poll(async () => (await highlightedTexts(gmail))['tonebridge-policy']).toEqual(['Project Falcon']);

    // Removing the pack removes its rule.
    await card.locator('button.danger').click();
    await expect.poll(() => options.locator('.pack-card[data-pack="acme/e2e"]').count()).toBe(0);
    await gmail.keyboard.type(' ');
    await expect.poll(async () => (await highlightedTexts(gmail))['tonebridge-policy']).toBeUndefined();
    await gmail.close();
    await options.close();
  });

  it('sent nothing anywhere but the fixture hosts, and logged no errors', () => {
    expect(h.blocked).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});

describe.skipIf(!canWriteManagedPolicy())('enterprise locks in the popup and options page', () => {
  let h: Harness;
  let policy: PolicyFile | undefined;

  beforeAll(async () => {
    policy = await writeManagedPolicy('panel', { lockedMarket: 'jp', disabledRules: ['en/cold-phrase'] });
    try {
      h = await launch();
      await allowExtensionPages(h);
    } catch (error) {
      policy.remove();
      throw error;
    }
  });

  afterAll(async () => {
    try {
      await h?.close();
    } finally {
      policy?.remove();
    }
  });

  it('shows the locked market and the locked rule as locked, naming the enterprise policy', async () => {
    const popup = await openPopup(h);
    await expect.poll(() => popup.locator('#tb-market-lock').textContent(), { timeout: 30_000 }).toMatch(/^Locked by .+ \(Enterprise policy\)$/);
    expect(await pressed(popup, 'jp')).toBe('true');
    expect(await popup.locator('.segmented button').evaluateAll((bs) => bs.every((b) => (b as HTMLButtonElement).disabled))).toBe(true);
    expect(await popup.locator('.locks li[data-lock="market"]').count()).toBe(1);

    const options = await openOptions(h);
    const row = options.locator('tr[data-rule="en/cold-phrase"]');
    await expect.poll(() => row.locator('.lock-note').textContent()).toMatch(/^Locked by .+ \(Enterprise policy\)$/);
    expect(await row.locator('input.rule-on').isDisabled()).toBe(true);
    expect(await row.locator('input.rule-on').isChecked()).toBe(false);
    expect(await row.locator('select.rule-level').isDisabled()).toBe(true);
    // Rules the policy leaves alone stay the agent's.
    expect(await options.locator('tr[data-rule="ja/missing-apology"] input.rule-on').isDisabled()).toBe(false);
    expect(await options.locator('.pack-card.source-managed').count()).toBeGreaterThan(0);
    await popup.close();
    await options.close();
  });

  it('logged no errors and sent nothing out', () => {
    expect(h.blocked).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
