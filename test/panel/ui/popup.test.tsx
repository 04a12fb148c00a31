// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_KEYS } from '../../../lib/contract/settings';
import { Popup } from '../../../lib/panel/ui/popup';
import { byText, pack, rig, type Rig } from './setup';

let r: Rig;
beforeEach(() => {
  r = rig();
});
afterEach(() => r.stop());

function find<T extends HTMLElement>(selector: string): T {
  const el = r.root.querySelector<T>(selector);
  if (!el) throw new Error(`no ${selector} yet`);
  return el;
}
const marketButton = (id: string) => r.root.querySelector<HTMLButtonElement>(`.segmented button[data-market="${id}"]`);

describe('Popup', () => {
  it('lists Auto and every market, and one click switches the market and remembers it in storage.sync', async () => {
    r.mount(<Popup client={r.client} fallbackLang="en" openOptions={() => undefined} refreshMs={0} />);
    await vi.waitFor(() => expect(marketButton('auto')?.getAttribute('aria-pressed')).toBe('true'));
    expect([...r.root.querySelectorAll('.segmented button')].map((b) => b.textContent)).toEqual(['Auto', 'Japan', 'United States']);

    marketButton('us')!.click();
    await vi.waitFor(() => expect(marketButton('us')?.getAttribute('aria-pressed')).toBe('true'));
    expect(marketButton('auto')?.getAttribute('aria-pressed')).toBe('false');
    expect(r.sent).toContainEqual({ type: 'tonebridge/panel/settings', patch: { market: 'us' } });
    // The key content scripts watch (lib/contract/settings.ts SETTINGS_KEYS.market).
    expect(await fakeBrowser.storage.sync.get(SETTINGS_KEYS.market)).toEqual({ [SETTINGS_KEYS.market]: 'us' });

    marketButton('jp')!.click();
    await vi.waitFor(() => expect(marketButton('jp')?.getAttribute('aria-pressed')).toBe('true'));
    expect(await fakeBrowser.storage.sync.get(SETTINGS_KEYS.market)).toEqual({ [SETTINGS_KEYS.market]: 'jp' });
  });

  it('switches coaching off everywhere and back on', async () => {
    r.mount(<Popup client={r.client} fallbackLang="en" openOptions={() => undefined} refreshMs={0} />);
    const toggle = await vi.waitFor(() => find<HTMLInputElement>('#tb-enabled'));
    expect(toggle.checked).toBe(true);
    toggle.click();
    await vi.waitFor(() => expect(r.root.querySelector('.top .switch-label')?.textContent).toMatch(/Off everywhere/));
    expect(r.coach.policy!.agentSettings().enabled).toBe(false);
    r.root.querySelector<HTMLInputElement>('#tb-enabled')!.click();
    await vi.waitFor(() => expect(r.coach.policy!.agentSettings().enabled).toBe(true));
  });

  it('switches coaching off for the active tab’s site only', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://mail.google.com/mail/u/0/#inbox' });
    r.mount(<Popup client={r.client} tabId={tab.id} fallbackLang="en" openOptions={() => undefined} refreshMs={0} />);
    const site = await vi.waitFor(() => find<HTMLInputElement>('#tb-site'));
    expect(r.root.querySelector('.site .switch-label')?.textContent).toBe('On mail.google.com');
    expect(site.checked).toBe(true);
    site.click();
    await vi.waitFor(() => expect(r.coach.policy!.agentSettings().sites).toEqual({ 'mail.google.com': false }));
    expect(r.root.querySelector<HTMLInputElement>('#tb-site')!.checked).toBe(false);
    expect(r.coach.policy!.agentSettings().enabled).toBe(true);
    // Back on: the host's entry is removed (absent hosts follow the global switch).
    r.root.querySelector<HTMLInputElement>('#tb-site')!.click();
    await vi.waitFor(() => expect(r.coach.policy!.agentSettings().sites).toEqual({}));
  });

  it('says when the active tab is not a site Tonebridge coaches', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.com/page' });
    r.mount(<Popup client={r.client} tabId={tab.id} fallbackLang="en" openOptions={() => undefined} refreshMs={0} />);
    await vi.waitFor(() => expect(r.root.querySelector('p.site')?.textContent).toBe('example.com is not a site Tonebridge coaches.'));
    expect(r.root.querySelector('#tb-site')).toBeNull();
  });

  it('shows the active packs with source and version, and a pack market as a choice', async () => {
    const imported = await r.client.importPack(
      JSON.stringify(
        pack('acme/support', {
          extends: ['tonebridge/jp'],
          markets: [{ id: 'jp-vip', name: { en: 'Japan VIP', ja: '日本（VIP）' }, extends: 'jp' }],
        }),
      ),
      'acme.json',
    );
    expect(imported.ok && imported.result.accepted).toBe(true);
    r.mount(<Popup client={r.client} fallbackLang="en" openOptions={() => undefined} refreshMs={0} />);
    await vi.waitFor(() => expect(r.root.querySelector('[data-pack="acme/support"]')).not.toBeNull());
    const row = r.root.querySelector('[data-pack="acme/support"]')!;
    expect(row.querySelector('.pack-name')?.textContent).toBe('Pack acme/support');
    expect(row.querySelector('.tag')?.textContent).toBe('Imported file');
    expect(row.querySelector('.ver')?.textContent).toBe('v1.0.0');
    expect(r.root.querySelector('[data-pack="tonebridge/jp"] .tag')?.textContent).toBe('Built-in');
    expect(marketButton('jp-vip')?.textContent).toBe('Japan VIP');
    marketButton('jp-vip')!.click();
    await vi.waitFor(() => expect(marketButton('jp-vip')?.getAttribute('aria-pressed')).toBe('true'));
  });

  it('a locked market: the buttons are disabled and say which pack locked it', async () => {
    await r.client.importPack(JSON.stringify(pack('acme/locks', { extends: ['tonebridge/jp'], defaultMarket: 'jp', locked: ['market'] })), 'locks.json');
    r.mount(<Popup client={r.client} fallbackLang="en" openOptions={() => undefined} refreshMs={0} />);
    await vi.waitFor(() => expect(r.root.querySelector('#tb-market-lock')).not.toBeNull());
    expect(r.root.querySelector('#tb-market-lock')?.textContent).toBe('Locked by Pack acme/locks (Imported file)');
    expect([...r.root.querySelectorAll<HTMLButtonElement>('.segmented button')].every((b) => b.disabled)).toBe(true);
    expect(marketButton('jp')?.getAttribute('aria-pressed')).toBe('true');
    expect(r.root.querySelector('.segmented')?.getAttribute('aria-describedby')).toBe('tb-market-lock');
    expect(byText(r.root, '.locks li', /Reader’s culture — Locked by Pack acme\/locks/)).toBeDefined();
  });

  it('coaching kept on by a pack (locked `enabled` and `sites`): both switches are on, disabled, and name the pack (issue 14.4)', async () => {
    await r.coach.policy!.setAgent({ ...r.coach.policy!.agentSettings(), enabled: false, sites: { 'mail.google.com': false } });
    await r.client.importPack(JSON.stringify(pack('acme/always-on', { locked: ['enabled', 'sites'] })), 'on.json');
    const tab = await fakeBrowser.tabs.create({ url: 'https://mail.google.com/mail/u/0/#inbox' });
    r.mount(<Popup client={r.client} tabId={tab.id} fallbackLang="en" openOptions={() => undefined} refreshMs={0} />);
    const global = await vi.waitFor(() => find<HTMLInputElement>('#tb-enabled'));
    await vi.waitFor(() => expect(r.root.querySelector('#tb-site-lock')).not.toBeNull());
    expect(global.checked).toBe(true);
    expect(global.disabled).toBe(true);
    expect(global.getAttribute('aria-describedby')).toBe('tb-enabled-lock');
    expect(r.root.querySelector('#tb-enabled-lock')?.textContent).toBe('Locked by Pack acme/always-on (Imported file)');
    const site = find<HTMLInputElement>('#tb-site');
    expect(site.checked).toBe(true);
    expect(site.disabled).toBe(true);
    expect(r.root.querySelector('#tb-site-lock')?.textContent).toBe('Locked by Pack acme/always-on (Imported file)');
    expect(byText(r.root, '.locks li', /Coaching — Locked by Pack acme\/always-on/)).toBeDefined();
    expect(byText(r.root, '.locks li', /Per-site switches — Locked by Pack acme\/always-on/)).toBeDefined();
  });

  it('renders pack texts as text, never as markup', async () => {
    await r.client.importPack(JSON.stringify({ ...pack('evil/pack'), name: '<img src=x onerror="alert(1)">Evil' }), 'evil.json');
    r.mount(<Popup client={r.client} fallbackLang="en" openOptions={() => undefined} refreshMs={0} />);
    await vi.waitFor(() => expect(r.root.querySelector('[data-pack="evil/pack"] .pack-name')?.textContent).toBe('<img src=x onerror="alert(1)">Evil'));
    expect(r.root.querySelector('img')).toBeNull();
  });

  it('follows the agent’s UI language over the browser’s', async () => {
    await r.client.settings({ uiLang: 'ja' });
    r.mount(<Popup client={r.client} fallbackLang="en" openOptions={() => undefined} refreshMs={0} />);
    await vi.waitFor(() => expect(r.root.querySelector('.market h2')?.textContent).toBe('読み手の文化'));
    expect(marketButton('auto')?.textContent).toBe('自動');
    expect(marketButton('jp')?.textContent).toBe('日本');
    expect(r.root.querySelector('main')?.getAttribute('lang')).toBe('ja');
  });

  it('shows the compose box status the coach reported for the tab', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://mail.google.com/mail/u/0/#inbox' });
    const analyzed = await r.coach.service.handle(
      { type: 'tonebridge/analyze', text: 'Your request has been received. Per our policy, refunds take 10 days.', context: {} },
      { id: 'test-extension-id', url: 'https://mail.google.com/mail/u/0/#inbox', origin: 'https://mail.google.com', tab: { id: tab.id! } },
    );
    expect(analyzed).toMatchObject({ ok: true, state: 'ready' });
    r.mount(<Popup client={r.client} tabId={tab.id} fallbackLang="en" openOptions={() => undefined} refreshMs={0} />);
    await vi.waitFor(() => expect(r.root.querySelector('.box-body')).not.toBeNull(), { timeout: 20_000 });
    const box = r.coach.service.boxFor(tab.id!)!;
    expect(box.findings.total).toBeGreaterThan(0);
    expect(r.root.querySelector('.box-body')?.getAttribute('data-box-market')).toBe(box.market.id);
    expect(r.root.querySelector('.box-count')?.textContent).toBe(box.findings.total === 1 ? '1 suggestion' : `${box.findings.total} suggestions`);
    for (const [kind, n] of Object.entries(box.findings.byKind)) expect(r.root.querySelector(`.chip[data-kind="${kind}"] .n`)?.textContent).toBe(String(n));
  });
});
