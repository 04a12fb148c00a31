import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { startCoach } from '../../lib/coach/background';
import { CoachService, type StoredSettings } from '../../lib/coach/service';
import type { Engine } from '../../lib/engine/engine';
import type { ResolvedPolicy } from '../../lib/policy/types';
import type { AnalyzeReady, AnalyzeResponse } from '../../lib/contract/messages';
import { createNodeEngine } from '../../lib/node/engine';

const EXT_ID = 'test-extension-id';
const EXT_ORIGIN = `chrome-extension://${EXT_ID}`;
const GMAIL = { id: EXT_ID, origin: 'https://mail.google.com', url: 'https://mail.google.com/mail/u/0/#inbox', tab: {} };

// A reply to a problem without an apology: ja/missing-apology must find it once Japanese is loaded.
const DRAFT = '田中様\nお世話になっております。\nご注文の商品が届いていない件について確認しました。';

function service(engine: Engine<ResolvedPolicy>, settings: StoredSettings = {}, browserUiLang = 'en-US'): CoachService {
  return new CoachService({
    engine,
    extensionId: EXT_ID,
    extensionOrigin: EXT_ORIGIN,
    readSettings: async () => settings,
    browserUiLang: () => browserUiLang,
  });
}

const analyze = (text: string, context = {}, market?: string) => ({
  type: 'tonebridge/analyze',
  text,
  context,
  ...(market ? { market } : {}),
});

function ready(answer: unknown): AnalyzeReady {
  const a = answer as AnalyzeResponse;
  if (!a.ok || a.state !== 'ready') throw new Error(`expected a ready answer, got ${JSON.stringify(a)}`);
  return a;
}

describe('CoachService: lazy Japanese', () => {
  const engine = createNodeEngine();
  const coach = service(engine, { market: 'auto', uiLang: 'ja' });

  it('answers "loading" for Japanese before the dictionary is loaded, and starts loading it', async () => {
    expect(engine.isReady('ja')).toBe(false);
    const first = await coach.handle(analyze(DRAFT), GMAIL);
    expect(first).toMatchObject({ ok: true, state: 'loading', langs: ['ja'], market: { id: 'jp', source: 'language' } });
    const status = await coach.handle({ type: 'tonebridge/status' }, GMAIL);
    expect(status).toMatchObject({ ok: true, loading: ['ja'] });
  });

  it('warm waits for the load; the next analysis has the findings, rendered in the UI language', async () => {
    expect(await coach.handle({ type: 'tonebridge/warm' }, GMAIL)).toEqual({ ok: true, ready: ['ja', 'en'] });
    const answer = ready(await coach.handle(analyze(DRAFT), GMAIL));
    expect(answer.uiLang).toBe('ja');
    expect(answer.market).toEqual({ id: 'jp', name: '日本', source: 'language' });
    const i = answer.report.findings.findIndex((f) => f.ruleId === 'ja/missing-apology');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(answer.rendered[i]!.message).toMatch(/^お詫びがありません/);
    expect(answer.rendered[i]!.fixes).toEqual(['お詫びを追加']);
    expect(answer.rendered).toHaveLength(answer.report.findings.length);
  });

  it('a market from the request overrides the setting (the JP-only rule goes quiet for US)', async () => {
    const answer = ready(await coach.handle(analyze(DRAFT, {}, 'us'), GMAIL));
    expect(answer.market).toMatchObject({ id: 'us', source: 'request' });
    expect(answer.report.findings.some((f) => f.ruleId === 'ja/missing-apology')).toBe(false);
  });
}, 60_000);

describe('CoachService: validation and settings', () => {
  let engine: Engine<ResolvedPolicy>;
  beforeAll(async () => {
    engine = createNodeEngine();
    await engine.prepare(['en']);
  });

  it('refuses a sender that is not a content script on a supported host', async () => {
    const coach = service(engine);
    expect(await coach.handle(analyze('Hi'), { ...GMAIL, origin: 'https://example.com', url: 'https://example.com/' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await coach.handle(analyze('Hi'), { ...GMAIL, id: 'another-extension' })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('refuses a message off the allowlist or of the wrong shape', async () => {
    const coach = service(engine);
    expect(await coach.handle({ type: 'tonebridge/setPolicy', pack: {} }, GMAIL)).toMatchObject({ ok: false, code: 'invalid' });
    expect(await coach.handle({ type: 'tonebridge/analyze', text: 1 }, GMAIL)).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('English needs no dictionary: ready at once, UI language from the browser', async () => {
    const coach = service(engine, {}, 'ja-JP');
    const answer = ready(await coach.handle(analyze('Your request has been received. Per our policy we cannot refund.'), GMAIL));
    expect(answer.market).toMatchObject({ id: 'us', source: 'default' });
    expect(answer.uiLang).toBe('ja');
  });

  it('the stored market setting applies; a .jp recipient decides Auto', async () => {
    expect(ready(await service(engine, { market: 'jp' }).handle(analyze('Hello'), GMAIL)).market).toMatchObject({
      id: 'jp',
      source: 'setting',
    });
    expect(
      ready(await service(engine, { market: 'auto' }).handle(analyze('Hello', { recipients: ['k@example.co.jp'] }), GMAIL))
        .market,
    ).toMatchObject({ id: 'jp', source: 'recipient' });
  });

  it('a Japanese customer message needs Japanese too, even under an English draft', async () => {
    const fresh = createNodeEngine();
    const answer = await service(fresh).handle(analyze('Sorry for the delay.', { customerMessage: '届きません。' }), GMAIL);
    expect(answer).toMatchObject({ ok: true, state: 'loading', langs: ['ja'] });
  });

  it('a failing dictionary load is reported by warm, not thrown', async () => {
    const { Engine } = await import('../../lib/engine/engine');
    const broken = new Engine({
      policy: engine.activePolicy,
      ja: async () => {
        throw new Error('HTTP 404 for dict/ipadic-v2.bin');
      },
    });
    expect(await service(broken).handle({ type: 'tonebridge/warm' }, GMAIL)).toMatchObject({
      ok: false,
      code: 'failed',
      error: expect.stringContaining('HTTP 404'),
    });
  });
});

/** The fake browser types onMessage.trigger as (message, sender); the real event also passes sendResponse. */
function deliver(message: unknown, sender: object): Promise<unknown> {
  const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (...args: unknown[]) => Promise<unknown>;
  return new Promise((resolve) => void trigger(message, sender, resolve));
}

describe('startCoach (background wiring with the fake browser)', () => {
  it('answers runtime messages through sendResponse, with settings from storage.sync', async () => {
    fakeBrowser.reset();
    const engine = createNodeEngine();
    await engine.prepare(['en']);
    await fakeBrowser.storage.sync.set({ market: 'jp', uiLang: 'en' });
    startCoach(engine);
    const answer = await deliver(analyze('Hello there'), GMAIL);
    expect(ready(answer).market).toEqual({ id: 'jp', name: 'Japan', source: 'setting' });

    // A settings change is seen at once (the cache is dropped on storage.onChanged).
    await fakeBrowser.storage.sync.set({ market: 'us' });
    const next = await deliver(analyze('Hello there'), GMAIL);
    expect(ready(next).market.id).toBe('us');

    const refused = await deliver(analyze('Hello'), { id: EXT_ID, url: 'https://evil.example/' });
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('CoachService with packs and agent settings', () => {
  /** The real background wiring on the fake browser: agent settings in storage.sync, a pack from enterprise policy. */
  async function wired(sync: Record<string, unknown>, pack?: unknown) {
    const { startCoachWithPolicy } = await import('../../lib/coach/background');
    fakeBrowser.reset();
    await fakeBrowser.storage.sync.set(sync);
    if (pack) await fakeBrowser.storage.managed.set({ packs: [JSON.stringify(pack)] });
    const engine = createNodeEngine();
    await engine.prepare(['en']);
    const started = startCoachWithPolicy(engine);
    await started.policy!.whenReady();
    return { coach: started.service, engine };
  }

  it('a site the agent turned off gets a "disabled" answer and no report', async () => {
    const { coach } = await wired({ sites: { 'mail.google.com': false } });
    expect(await coach.handle(analyze('Your refund is processed.'), GMAIL)).toMatchObject({ ok: true, state: 'disabled' });
    const zendesk = { id: EXT_ID, origin: 'https://acme.zendesk.com', url: 'https://acme.zendesk.com/agent/tickets/1', tab: {} };
    expect(await coach.handle(analyze('Your refund is processed.'), zendesk)).toMatchObject({ ok: true, state: 'ready' });
  });

  it('a locked market wins over the request and the agent, and the pack’s phrase rule fires', async () => {
    const pack = {
      schemaVersion: 1,
      id: 'acme/support',
      name: 'Acme Support',
      version: '1.0.0',
      defaultMarket: 'us',
      locked: ['market'],
      phrases: [
        {
          id: 'acme/no-asap',
          type: 'forbid',
          phrases: ['ASAP'],
          message: { en: 'Say when, not ASAP.', ja: 'ASAPではなく時期を書きます。' },
          examples: { match: ['We will fix it ASAP.'], noMatch: ['We will fix it by Friday.'] },
        },
      ],
    };
    const { coach } = await wired({ market: 'jp', agentName: 'Priya' }, pack);
    const answer = ready(await coach.handle(analyze('Hi Dana,\n\nWe will fix it ASAP.\n\nPriya', {}, 'jp'), GMAIL));
    expect(answer.market).toMatchObject({ id: 'us', source: 'locked' });
    expect(answer.report.findings.map((f) => f.ruleId)).toContain('acme/no-asap');
  });

  it('panel messages are for extension pages only', async () => {
    const { coach } = await wired({});
    expect(await coach.handle({ type: 'tonebridge/panel/state' }, GMAIL)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await coach.handle({ type: 'tonebridge/panel/state', extra: 1 }, { id: EXT_ID, origin: EXT_ORIGIN })).toMatchObject({ ok: false, code: 'invalid' });
  });
});

describe('CoachService after a worker restart', () => {
  /** storage.session as the service sees it. */
  function sessionArea(initial: Record<string, unknown> = {}) {
    const values: Record<string, unknown> = { ...initial };
    return {
      values,
      get: async (key: string) => (key in values ? { [key]: values[key] } : {}),
      set: async (v: Record<string, unknown>) => void Object.assign(values, v),
    };
  }

  it('with loadWaitMs, an analysis that needs Japanese waits for the load and answers ready (no second round trip)', async () => {
    const area = sessionArea();
    const coach = new CoachService({
      engine: createNodeEngine(),
      extensionId: EXT_ID,
      extensionOrigin: EXT_ORIGIN,
      readSettings: async () => ({ market: 'auto' }),
      browserUiLang: () => 'en-US',
      loadWaitMs: 30_000,
      langsArea: area,
    });
    const answer = ready(await coach.handle(analyze(DRAFT), GMAIL));
    expect(answer.report.findings.some((f) => f.ruleId === 'ja/missing-apology')).toBe(true);
    // Remembered for the next worker.
    expect(area.values['tonebridge.loadedLangs']).toEqual(['ja']);
  }, 60_000);

  it('a failed load still answers "loading" after the wait (the page shows it and retries), never findings without Japanese', async () => {
    const { Engine } = await import('../../lib/engine/engine');
    const broken = new Engine({
      policy: createNodeEngine().activePolicy,
      ja: async () => {
        throw new Error('HTTP 404 for dict/ipadic-v2.bin');
      },
    });
    const coach = new CoachService({
      engine: broken,
      extensionId: EXT_ID,
      extensionOrigin: EXT_ORIGIN,
      readSettings: async () => ({ market: 'auto' }),
      browserUiLang: () => 'en-US',
      loadWaitMs: 5_000,
    });
    expect(await coach.handle(analyze(DRAFT), GMAIL)).toMatchObject({ ok: true, state: 'loading', langs: ['ja'] });
  });

  it('resumeLangs loads what the previous worker had loaded, before any request', async () => {
    const engine = createNodeEngine();
    const coach = new CoachService({
      engine,
      extensionId: EXT_ID,
      extensionOrigin: EXT_ORIGIN,
      readSettings: async () => ({}),
      browserUiLang: () => 'en-US',
      langsArea: sessionArea({ 'tonebridge.loadedLangs': ['ja', 'xx'] }),
    });
    expect(engine.isReady('ja')).toBe(false);
    await coach.resumeLangs();
    expect(engine.isReady('ja')).toBe(true);
    // Nothing remembered: nothing loaded.
    const idle = createNodeEngine();
    await new CoachService({
      engine: idle,
      extensionId: EXT_ID,
      extensionOrigin: EXT_ORIGIN,
      readSettings: async () => ({}),
      browserUiLang: () => 'en-US',
      langsArea: sessionArea(),
    }).resumeLangs();
    expect(idle.isReady('ja')).toBe(false);
  }, 60_000);
});
