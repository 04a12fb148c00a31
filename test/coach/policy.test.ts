/**
 * The background's policy wiring end to end with fakes (WXT's fake browser: storage.local/sync/managed
 * with onChanged, alarms, tabs; an in-memory https server for URL packs) and the real Node engine.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startCoachWithPolicy, type Coach } from '../../lib/coach/background';
import { POLICY_REVISION_KEY } from '../../lib/coach/policy';
import type { AnalyzeReady, AnalyzeResponse, StatusResponse } from '../../lib/contract/messages';
import { createNodeEngine } from '../../lib/node/engine';
import type { PanelFailure, PanelImportAnswer, PanelState, PanelStateAnswer, PanelUrlAnswer } from '../../lib/contract/panel';
import type { PolicyPack } from '../../lib/policy/types';
import { FakeServer, generateKeyPair, pack, settle } from '../policy/sources/fakes';

const EXT_ID = 'test-extension-id';
const EXT_ORIGIN = `chrome-extension://${EXT_ID}`;
const GMAIL = { id: EXT_ID, origin: 'https://mail.google.com', url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 7 } };
const ZENDESK = { id: EXT_ID, origin: 'https://acme.zendesk.com', url: 'https://acme.zendesk.com/agent/tickets/1', tab: { id: 8 } };
const POPUP = { id: EXT_ID, origin: EXT_ORIGIN, url: `${EXT_ORIGIN}/popup.html` };

/** A pack with one forbid phrase rule (all markets). */
const falcon = (over: Partial<PolicyPack> = {}): PolicyPack =>
  pack({
    id: 'acme/codenames',
    name: 'Acme code names',
    extends: ['tonebridge/us', 'tonebridge/jp'],
    phrases: [
      {
        id: 'no-falcon',
        type: 'forbid',
        phrases: ['Falcon build'],
        ignoreCase: true,
        level: 'block',
        kind: 'policy',
        message: { en: 'Internal code name.', ja: '社内コードネームです。' },
        examples: { match: ['It ships with the Falcon build.'], noMatch: ['It ships with the next update.'] },
      },
    ],
    ...over,
  });

const DRAFT = 'Hello Ms. Smith,\n\nThe fix ships with the Falcon build next week.\n\nBest regards,\nKen';

let coach: Coach;
let server: FakeServer;
const started: Coach[] = [];

async function start(): Promise<Coach> {
  const engine = createNodeEngine();
  await engine.prepare(['en']);
  const c = startCoachWithPolicy(engine, { fetch: server.fetch });
  started.push(c);
  return c;
}

beforeEach(async () => {
  fakeBrowser.reset();
  server = new FakeServer();
});

afterEach(() => {
  while (started.length) started.pop()!.policy?.stop();
});

function analyze(c: Coach, text = DRAFT, sender: object = GMAIL, market?: string): Promise<AnalyzeResponse> {
  return c.service.handle({ type: 'tonebridge/analyze', text, context: {}, ...(market ? { market } : {}) }, sender) as Promise<AnalyzeResponse>;
}

function ready(answer: unknown): AnalyzeReady {
  const a = answer as AnalyzeResponse;
  if (!a.ok || a.state !== 'ready') throw new Error(`expected a ready answer, got ${JSON.stringify(a)}`);
  return a;
}

const ruleIds = (a: AnalyzeReady) => a.report.findings.map((f) => f.ruleId);
const hasFalcon = (a: AnalyzeReady) => ruleIds(a).some((id) => id.includes('no-falcon'));

async function panel<T = PanelStateAnswer>(c: Coach, message: object, sender: object = POPUP): Promise<T> {
  return (await c.service.handle(message, sender)) as T;
}

async function state(c: Coach, tabId?: number): Promise<PanelState> {
  const a = await panel(c, { type: 'tonebridge/panel/state', ...(tabId !== undefined ? { tabId } : {}) });
  if (!a.ok) throw new Error(JSON.stringify(a));
  return a.state;
}

describe('background policy wiring', () => {
  it('a pack pushed by enterprise policy is live, and its locked market wins over storage.sync and the request', async () => {
    await fakeBrowser.storage.managed.set({ packs: [falcon({ locked: ['market'], defaultMarket: 'jp' })] });
    await fakeBrowser.storage.sync.set({ market: 'us' });
    coach = await start();
    const a = ready(await analyze(coach));
    expect(a.market).toMatchObject({ id: 'jp', source: 'locked' });
    expect(hasFalcon(a)).toBe(true);
    const f = a.report.findings.find((x) => x.ruleId.includes('no-falcon'))!;
    expect(DRAFT.slice(f.start, f.end)).toBe('Falcon build');
    // A market named in the request (the demo's override) cannot undo the lock either.
    expect(ready(await analyze(coach, DRAFT, GMAIL, 'us')).market.id).toBe('jp');
  });

  it('without the lock, the agent setting and the request decide as before, and the pack still applies', async () => {
    await fakeBrowser.storage.managed.set({ packs: [falcon({ defaultMarket: 'jp' })] });
    await fakeBrowser.storage.sync.set({ market: 'us' });
    coach = await start();
    const a = ready(await analyze(coach));
    expect(a.market.id).toBe('us');
    expect(hasFalcon(a)).toBe(true);
  });

  it('enterprise policy changes apply live (storage.onChanged, managed) and content scripts are told to re-analyse', async () => {
    coach = await start();
    expect(hasFalcon(ready(await analyze(coach)))).toBe(false);
    const before = (await fakeBrowser.storage.local.get(POLICY_REVISION_KEY))[POLICY_REVISION_KEY];

    await fakeBrowser.storage.managed.set({ packs: [falcon()] });
    await settle();
    expect(hasFalcon(ready(await analyze(coach)))).toBe(true);
    const after = (await fakeBrowser.storage.local.get(POLICY_REVISION_KEY))[POLICY_REVISION_KEY];
    expect(typeof after).toBe('string');
    expect(after).not.toEqual(before);

    await fakeBrowser.storage.managed.set({ packs: [] });
    await settle();
    expect(hasFalcon(ready(await analyze(coach)))).toBe(false);
    expect((await fakeBrowser.storage.local.get(POLICY_REVISION_KEY))[POLICY_REVISION_KEY]).not.toEqual(after);
  });

  it('a worker restart that restores the same packs does not tell the tabs to re-analyse', async () => {
    await fakeBrowser.storage.managed.set({ packs: [falcon()] });
    coach = await start();
    await coach.policy!.whenReady();
    await settle();
    const revision = (await fakeBrowser.storage.local.get(POLICY_REVISION_KEY))[POLICY_REVISION_KEY];
    expect(typeof revision).toBe('string');
    coach.policy!.stop();
    const changes: string[] = [];
    fakeBrowser.storage.onChanged.addListener((c, area) => {
      if (area === 'local' && POLICY_REVISION_KEY in c) changes.push(String(c[POLICY_REVISION_KEY]!.newValue));
    });
    const next = await start();
    expect(hasFalcon(ready(await analyze(next)))).toBe(true);
    await settle();
    expect(changes).toEqual([]);
  });

  it('agent settings changed in storage.sync (another device) apply live: personal phrases', async () => {
    coach = await start();
    expect(ruleIds(ready(await analyze(coach)))).not.toContain('personal:0');
    await fakeBrowser.storage.sync.set({ phrases: [{ phrase: 'next week', replacement: 'by Friday' }] });
    await settle();
    const a = ready(await analyze(coach));
    const i = a.report.findings.findIndex((f) => f.ruleId.endsWith('personal:0'));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(DRAFT.slice(a.report.findings[i]!.start, a.report.findings[i]!.end)).toBe('next week');
  });

  it('a market change in storage.sync is used by the very next analysis (the content script asks at once)', async () => {
    coach = await start();
    ready(await analyze(coach));
    for (const market of ['jp', 'us', 'auto', 'jp']) {
      await fakeBrowser.storage.sync.set({ market });
      const a = ready(await analyze(coach));
      expect(a.market.id).toBe(market === 'auto' ? 'us' : market);
      expect(a.market.source).toBe(market === 'auto' ? 'default' : 'setting');
    }
  });

  it('invalid stored settings are not used: a malformed blob falls back field by field', async () => {
    await fakeBrowser.storage.sync.set({ market: 'no market!', enabled: 'yes', phrases: [{ phrase: 'next week' }] });
    coach = await start();
    const a = ready(await analyze(coach));
    expect(ruleIds(a).some((id) => id.endsWith('personal:0'))).toBe(true);
    expect(a.market.id).toBe('us'); // market fell back to the default
  });

  it('after a service-worker restart, the first analysis already uses the stored packs and settings', async () => {
    coach = await start();
    const imported = await panel<PanelImportAnswer>(coach, { type: 'tonebridge/panel/import', text: JSON.stringify(falcon()), fileName: 'falcon.json' });
    expect(imported.result).toMatchObject({ accepted: true, packId: 'acme/codenames' });
    await panel(coach, { type: 'tonebridge/panel/settings', patch: { market: 'jp' } });
    coach.policy!.stop();

    // A new worker: fresh engine and service, same storage; ask at once, before anything settled.
    const engine = createNodeEngine();
    await engine.prepare(['en']);
    const next = startCoachWithPolicy(engine, { fetch: server.fetch });
    started.push(next);
    const a = ready(await analyze(next));
    expect(hasFalcon(a)).toBe(true);
    expect(a.market.id).toBe('jp');
  });

  it('switched off for a site or everywhere: the content script gets "disabled"', async () => {
    coach = await start();
    await panel(coach, { type: 'tonebridge/panel/settings', patch: { sites: { 'mail.google.com': false } } });
    expect(await analyze(coach, DRAFT, GMAIL)).toMatchObject({ ok: true, state: 'disabled', market: { id: 'us' } });
    expect(ready(await analyze(coach, DRAFT, ZENDESK)).report.findings.length).toBeGreaterThanOrEqual(0);
    await panel(coach, { type: 'tonebridge/panel/settings', patch: { enabled: false } });
    expect(await analyze(coach, DRAFT, ZENDESK)).toMatchObject({ ok: true, state: 'disabled' });
    await panel(coach, { type: 'tonebridge/panel/settings', patch: { enabled: true, sites: { 'mail.google.com': null } } });
    expect(ready(await analyze(coach, DRAFT, GMAIL)).state).toBe('ready');
  });

  it('an enterprise pack locking `enabled` and `sites` keeps coaching on: the switches are refused naming the pack, stored offs are ignored (issue 14.4)', async () => {
    // The agent had switched coaching off everywhere and on Gmail before the admin's pack arrived.
    await fakeBrowser.storage.sync.set({ enabled: false, sites: { 'mail.google.com': false } });
    await fakeBrowser.storage.managed.set({ packs: [falcon({ locked: ['enabled', 'sites'] })] });
    coach = await start();
    expect(hasFalcon(ready(await analyze(coach, DRAFT, GMAIL)))).toBe(true);
    expect(ready(await analyze(coach, DRAFT, ZENDESK)).state).toBe('ready');
    const off = await panel<PanelFailure>(coach, { type: 'tonebridge/panel/settings', patch: { enabled: false } });
    expect(off).toMatchObject({ ok: false, code: 'locked', path: 'patch.enabled', lock: { key: 'enabled', packId: 'acme/codenames', packName: 'Acme code names', source: 'managed' } });
    expect(off.error).toContain('Acme code names');
    const site = await panel<PanelFailure>(coach, { type: 'tonebridge/panel/settings', patch: { sites: { 'acme.zendesk.com': false } } });
    expect(site).toMatchObject({ ok: false, code: 'locked', path: 'patch.sites', lock: { key: 'sites', packName: 'Acme code names' } });
    expect(ready(await analyze(coach, DRAFT, ZENDESK)).state).toBe('ready');
    const s = await state(coach, 7);
    expect(s.effective).toMatchObject({ enabled: true, sites: {}, locks: { enabled: { packId: 'acme/codenames' }, sites: { packId: 'acme/codenames' } } });
    expect(s.effective.ignored.map((i) => i.path)).toEqual(expect.arrayContaining(['enabled', 'sites.mail.google.com']));
    // The agent's own choice stays stored (it returns if the lock is lifted).
    expect(s.agent).toMatchObject({ enabled: false, sites: { 'mail.google.com': false } });
  });

  it("the agent's display name reaches the ownership rule (en/missing-owner in the Japan market)", async () => {
    coach = await start();
    await panel(coach, { type: 'tonebridge/panel/settings', patch: { market: 'jp', agentName: 'Ken Sato' } });
    // An open case (nothing resolved or dated yet): the Japan market expects a named owner.
    const text = 'Hello Ms. Tanaka,\n\nI am sorry your order arrived late. We are checking with the courier.\n\nBest regards';
    const a = ready(await analyze(coach, text));
    const owner = a.report.findings.find((f) => f.ruleId === 'en/missing-owner');
    expect(owner).toBeDefined();
    expect(owner!.fixes[0]!.edits[0]!.text).toContain('Ken Sato');
  });

  it('tonebridge/status lists the effective markets, pack markets included', async () => {
    await fakeBrowser.storage.managed.set({
      packs: [falcon({ markets: [{ id: 'jp-enterprise', name: { en: 'Japan — enterprise', ja: '日本（法人）' }, extends: 'jp' }] })],
    });
    coach = await start();
    const s = (await coach.service.handle({ type: 'tonebridge/status' }, GMAIL)) as StatusResponse;
    expect(s.markets.map((m) => m.id).sort()).toEqual(['jp', 'jp-enterprise', 'us']);
  });
});

describe('panel protocol in the background', () => {
  it('only extension pages may send panel messages; content scripts are refused', async () => {
    coach = await start();
    expect(await panel(coach, { type: 'tonebridge/panel/settings', patch: { enabled: false } }, GMAIL)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await panel(coach, { type: 'tonebridge/panel/state' }, { id: 'other-extension', origin: EXT_ORIGIN })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await panel(coach, { type: 'tonebridge/panel/state', tabId: 'x' })).toMatchObject({ ok: false, code: 'invalid', path: 'tabId' });
  });

  it('state: effective settings, packs strongest first, langs, and the tab: its site and last box status', async () => {
    await fakeBrowser.storage.managed.set({ packs: [falcon()], sendGuard: 'block' });
    coach = await start();
    const tab = await fakeBrowser.tabs.create({ url: 'https://mail.google.com/mail/u/0/#inbox' });
    ready(await analyze(coach, DRAFT, { ...GMAIL, tab: { id: tab.id } }));
    const s = await state(coach, tab.id);
    expect(s.packs.map((p) => p.slot)).toEqual(['managed:inline/0', 'managed:policy', 'builtin:tonebridge/jp', 'builtin:tonebridge/us']);
    const acme = s.packs[0]!;
    expect(acme).toMatchObject({ id: 'acme/codenames', name: 'Acme code names', version: '1.0.0', source: 'managed', active: true, locked: [] });
    expect(acme.phrases[0]).toMatchObject({ id: 'no-falcon', type: 'forbid', level: 'block', examples: { match: ['It ships with the Falcon build.'] } });
    expect(s.sendGuard).toMatchObject({ value: 'block', setBy: 'policy', source: 'managed' });
    expect(s.markets.map((m) => m.id).sort()).toEqual(['jp', 'us']);
    expect(s.langs.ready).toContain('en');
    expect(s.uiLang).toBe('en');
    expect(s.site).toEqual({ host: 'mail.google.com', supported: true, enabled: true });
    expect(s.box).toMatchObject({ host: 'mail.google.com', market: { id: 'us' }, findings: { byKind: { policy: 1 }, byLevel: { block: 1 } } });
    expect(s.box!.findings.total).toBeGreaterThanOrEqual(1);
    const other = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    expect((await state(coach, other.id)).site).toEqual({ host: 'example.com', supported: false, enabled: true });
  });

  it('the box status outlives a service-worker restart (storage.session) and goes when the tab closes or the site is switched off', async () => {
    coach = await start();
    const tab = await fakeBrowser.tabs.create({ url: 'https://mail.google.com/mail/u/0/#inbox' });
    const sender = { ...GMAIL, tab: { id: tab.id } };
    ready(await analyze(coach, DRAFT, sender));
    const before = (await state(coach, tab.id)).box;
    expect(before).toBeDefined();
    coach.policy!.stop();

    const next = await start();
    expect(next.service.boxFor(tab.id!)).toBeUndefined(); // memory is gone…
    expect((await state(next, tab.id)).box).toEqual(before); // …the session area has it
    // A malformed entry is not shown.
    await fakeBrowser.storage.session.set({ [`tonebridge.box.${tab.id! + 1}`]: { host: 'x' } });
    expect((await state(next, tab.id! + 1)).box).toBeUndefined();

    await panel(next, { type: 'tonebridge/panel/settings', patch: { sites: { 'mail.google.com': false } } });
    expect(await analyze(next, DRAFT, sender)).toMatchObject({ state: 'disabled' });
    expect((await state(next, tab.id)).box).toBeUndefined();
    await panel(next, { type: 'tonebridge/panel/settings', patch: { sites: { 'mail.google.com': null } } });
    ready(await analyze(next, DRAFT, sender));
    next.service.forgetTab(tab.id!);
    await settle();
    expect(await fakeBrowser.storage.session.get(`tonebridge.box.${tab.id}`)).toEqual({});
  });

  it('settings: applied and stored in one place; locked keys are refused with the lock; invalid fields name their path', async () => {
    await fakeBrowser.storage.managed.set({ lockedMarket: 'jp', disabledRules: ['en/cold-phrase'] });
    coach = await start();
    const ok = await panel(coach, { type: 'tonebridge/panel/settings', patch: { agentName: 'Ken', uiLang: 'ja', phrases: [{ phrase: 'ASAP' }] } });
    expect(ok.ok).toBe(true);
    expect(ok.state.agent).toMatchObject({ agentName: 'Ken', uiLang: 'ja', phrases: [{ phrase: 'ASAP' }] });
    expect(ok.state.uiLang).toBe('ja');
    // One storage.sync key per field, only the fields the patch named.
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({ uiLang: 'ja', agentName: 'Ken', phrases: [{ phrase: 'ASAP' }] });

    const locked = await panel<PanelFailure>(coach, { type: 'tonebridge/panel/settings', patch: { market: 'us' } });
    expect(locked).toMatchObject({ ok: false, code: 'locked', path: 'patch.market', lock: { key: 'market', packId: 'enterprise/policy', source: 'managed' } });
    expect(locked.error).toMatch(/market is locked by/);
    const lockedRule = await panel<PanelFailure>(coach, { type: 'tonebridge/panel/settings', patch: { rules: { 'en/cold-phrase': { enabled: true } } } });
    expect(lockedRule).toMatchObject({ ok: false, code: 'locked', path: 'patch.rules.en/cold-phrase' });

    expect(await panel(coach, { type: 'tonebridge/panel/settings', patch: { sites: { 'not a host': false } } })).toMatchObject({
      ok: false,
      code: 'invalid',
      path: 'patch.sites.not a host',
    });
    expect(await panel(coach, { type: 'tonebridge/panel/settings', patch: { rules: { 'No Such Rule': {} } } })).toMatchObject({ ok: false, code: 'invalid', path: 'patch.rules.No Such Rule' });
    // Nothing of a refused patch was stored.
    expect((await state(coach)).agent.sites).toEqual({});
  });

  it('settings: rules and sites merge per key, null removes; a patch with one locked field changes nothing at all', async () => {
    await fakeBrowser.storage.sync.set({ rules: { 'en/hedging': { enabled: false } }, sites: { 'mail.google.com': false } });
    coach = await start();
    const ok = await panel(coach, {
      type: 'tonebridge/panel/settings',
      patch: { rules: { 'en/cold-phrase': { level: 'block' } }, sites: { 'mail.google.com': null, 'acme.zendesk.com': false } },
    });
    expect(ok.ok).toBe(true);
    expect(await fakeBrowser.storage.sync.get(['rules', 'sites'])).toEqual({
      rules: { 'en/hedging': { enabled: false }, 'en/cold-phrase': { level: 'block' } },
      sites: { 'acme.zendesk.com': false },
    });
    expect(ok.state.effective.rules.find((r) => r.ruleId === 'en/cold-phrase')).toMatchObject({ setBy: 'agent', levels: { us: 'block' } });

    await fakeBrowser.storage.managed.set({ lockedMarket: 'jp' });
    await settle();
    const refused = await panel<PanelFailure>(coach, { type: 'tonebridge/panel/settings', patch: { agentName: 'Priya', market: 'us' } });
    expect(refused).toMatchObject({ ok: false, code: 'locked', path: 'patch.market' });
    expect(await fakeBrowser.storage.sync.get('agentName')).toEqual({});
    expect((await state(coach)).agent.agentName).toBe('');
  });

  it('settings: patches sent at once (quick clicks) apply one after another, none lost', async () => {
    coach = await start();
    const answers = await Promise.all([
      panel(coach, { type: 'tonebridge/panel/settings', patch: { market: 'jp' } }),
      panel(coach, { type: 'tonebridge/panel/settings', patch: { sites: { 'mail.google.com': false } } }),
      panel(coach, { type: 'tonebridge/panel/settings', patch: { agentName: 'Ken' } }),
      panel(coach, { type: 'tonebridge/panel/settings', patch: { rules: { 'en/hedging': { enabled: false } } } }),
    ]);
    expect(answers.every((a) => a.ok)).toBe(true);
    expect((await state(coach)).agent).toMatchObject({ market: 'jp', sites: { 'mail.google.com': false }, agentName: 'Ken', rules: { 'en/hedging': { enabled: false } } });
    expect(await fakeBrowser.storage.sync.get(['market', 'sites', 'agentName', 'rules'])).toEqual({
      market: 'jp',
      sites: { 'mail.google.com': false },
      agentName: 'Ken',
      rules: { 'en/hedging': { enabled: false } },
    });
  });

  it('settings: a market must exist; null clears the choice back to the policy default', async () => {
    coach = await start();
    expect(await panel(coach, { type: 'tonebridge/panel/settings', patch: { market: 'de' } })).toMatchObject({ ok: false, code: 'invalid', path: 'patch.market' });
    await panel(coach, { type: 'tonebridge/panel/settings', patch: { market: 'jp' } });
    expect((await fakeBrowser.storage.sync.get('market')).market).toBe('jp');
    expect(ready(await analyze(coach)).market.id).toBe('jp');
    const cleared = await panel(coach, { type: 'tonebridge/panel/settings', patch: { market: null } });
    expect(cleared.state.agent.market).toBeUndefined();
    expect(await fakeBrowser.storage.sync.get('market')).toEqual({});
  });

  it('import: a good pack goes live; a bad new version is rejected with field and reason while the previous one keeps working; remove', async () => {
    coach = await start();
    const good = await panel<PanelImportAnswer>(coach, { type: 'tonebridge/panel/import', text: JSON.stringify(falcon()), fileName: 'falcon.json' });
    expect(good.result).toMatchObject({ accepted: true, slot: 'file:acme/codenames', version: '1.0.0' });
    expect(good.state.packs.find((p) => p.slot === 'file:acme/codenames')).toMatchObject({ active: true, fileName: 'falcon.json' });
    expect(hasFalcon(ready(await analyze(coach)))).toBe(true);

    const bad = falcon({ version: '2.0.0' }) as unknown as { phrases: { level: string }[] };
    bad.phrases[0]!.level = 'severe';
    const rejected = await panel<PanelImportAnswer>(coach, { type: 'tonebridge/panel/import', text: JSON.stringify(bad), fileName: 'falcon-2.json' });
    expect(rejected.result).toMatchObject({ accepted: false, failure: { kind: 'validation' }, kept: { id: 'acme/codenames', version: '1.0.0' } });
    if (rejected.result.accepted) throw new Error('unreachable');
    expect(rejected.result.failure.issues.map((i) => i.path)).toContain('phrases[0].level');
    const slot = rejected.state.packs.find((p) => p.slot === 'file:acme/codenames')!;
    expect(slot).toMatchObject({ version: '1.0.0', active: true, error: { kind: 'validation' } });
    expect(hasFalcon(ready(await analyze(coach)))).toBe(true);

    const notJson = await panel<PanelImportAnswer>(coach, { type: 'tonebridge/panel/import', text: '{ nope' });
    expect(notJson.result.accepted).toBe(false);

    expect(await panel(coach, { type: 'tonebridge/panel/remove-import', packId: 'acme/other' })).toMatchObject({ ok: false, code: 'invalid', path: 'packId' });
    const removed = await panel(coach, { type: 'tonebridge/panel/remove-import', packId: 'acme/codenames' });
    expect(removed.state.packs.some((p) => p.slot === 'file:acme/codenames')).toBe(false);
    expect(hasFalcon(ready(await analyze(coach)))).toBe(false);
  });

  it('subscribe: https and a valid key only; a signed pack goes live; refresh; unsubscribe', async () => {
    const keys = await generateKeyPair();
    const url = 'https://packs.example.com/falcon.json';
    await server.publish(url, falcon(), keys);
    coach = await start();
    expect(await panel(coach, { type: 'tonebridge/panel/subscribe', url: 'http://packs.example.com/falcon.json', publicKey: keys.publicKey })).toMatchObject({
      ok: false,
      code: 'invalid',
      path: 'url',
    });
    expect(await panel(coach, { type: 'tonebridge/panel/subscribe', url, publicKey: 'bm90IGEga2V5' })).toMatchObject({ ok: false, code: 'invalid', path: 'publicKey' });

    const sub = await panel<PanelUrlAnswer>(coach, { type: 'tonebridge/panel/subscribe', url, publicKey: keys.publicKey });
    expect(sub.results).toEqual([{ status: 'updated', slot: `url:${url}` }]);
    expect(sub.state.subscriptions).toEqual([{ url, publicKey: keys.publicKey, slot: `url:${url}` }]);
    expect(hasFalcon(ready(await analyze(coach)))).toBe(true);

    const refreshed = await panel<PanelUrlAnswer>(coach, { type: 'tonebridge/panel/refresh', url });
    expect(refreshed.results[0]).toMatchObject({ slot: `url:${url}` });
    expect(refreshed.results[0]!.status).not.toBe('failed');
    expect(await panel(coach, { type: 'tonebridge/panel/refresh', url: 'https://elsewhere.example/p.json' })).toMatchObject({ ok: false, path: 'url' });

    // A tampered pack (signature no longer matches) is refused; the verified one stays.
    await server.publish(url, falcon({ version: '9.9.9' }), keys, { signWith: new TextEncoder().encode('something else') });
    const tampered = await panel<PanelUrlAnswer>(coach, { type: 'tonebridge/panel/refresh', url });
    expect(tampered.results[0]).toMatchObject({ status: 'failed', kind: 'signature' });
    expect(tampered.state.packs.find((p) => p.slot === `url:${url}`)).toMatchObject({ version: '1.0.0', active: true });

    expect(await panel(coach, { type: 'tonebridge/panel/unsubscribe', url: 'https://elsewhere.example/p.json' })).toMatchObject({ ok: false, path: 'url' });
    const gone = await panel(coach, { type: 'tonebridge/panel/unsubscribe', url });
    expect(gone.state.subscriptions).toEqual([]);
    expect(hasFalcon(ready(await analyze(coach)))).toBe(false);
  });
});

describe('CoachPolicy', () => {
  it('settled() waits for a settings change already announced, even when storage answers slowly', async () => {
    const { CoachPolicy } = await import('../../lib/coach/policy');
    const { startPolicyService } = await import('../../lib/policy/sources');
    const engine = createNodeEngine();
    const slowSync = {
      get: async (keys: string[]) => {
        await new Promise((r) => setTimeout(r, 30));
        return fakeBrowser.storage.sync.get(keys);
      },
      set: (items: Record<string, unknown>) => fakeBrowser.storage.sync.set(items),
      remove: (keys: string | string[]) => fakeBrowser.storage.sync.remove(keys),
    };
    const policy = new CoachPolicy({
      engine,
      service: startPolicyService({ storage: { local: fakeBrowser.storage.local } }),
      sync: slowSync,
      onChanged: fakeBrowser.storage.onChanged as never,
    });
    await policy.whenReady();
    expect((await policy.settled()).market).toBe('auto');
    await fakeBrowser.storage.sync.set({ market: 'jp', agentName: 'Ken' });
    expect(policy.effective().market).toBe('auto'); // the read is still under way…
    const e = await policy.settled(); // …and settled() waits for it
    expect(e).toMatchObject({ market: 'jp', agentName: 'Ken' });
    policy.stop();
  });

  it('waits for a slow enterprise policy once, within one deadline from the start, not on every call', async () => {
    const { CoachPolicy } = await import('../../lib/coach/policy');
    const { startPolicyService } = await import('../../lib/policy/sources');
    const engine = createNodeEngine();
    // Chromium's first storage.managed read can take seconds right after the browser starts.
    let answer!: (v: Record<string, unknown>) => void;
    const managed = { get: () => new Promise<Record<string, unknown>>((r) => (answer = r)) };
    const policy = new CoachPolicy({
      engine,
      service: startPolicyService({ storage: { local: fakeBrowser.storage.local, managed } }),
      sync: fakeBrowser.storage.sync as never,
    });
    const t0 = Date.now();
    await policy.whenReady(300);
    const first = Date.now() - t0;
    expect(first).toBeGreaterThanOrEqual(250);
    const t1 = Date.now();
    await policy.whenReady(300);
    await policy.whenReady(300);
    expect(Date.now() - t1).toBeLessThan(100);
    answer({});
    policy.stop();
  });
});
