import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_SETTINGS, applyAgentSettings } from '../../../lib/policy/agent-settings';
import { startPolicyService, type PolicyService } from '../../../lib/policy/sources';
import { FakeServer, generateKeyPair, pack, settle } from './fakes';

const TEAM_URL = 'https://policy.acme.example/team.json';
const MY_URL = 'https://packs.example.org/my-style.json';

let server: FakeServer;
const services: PolicyService[] = [];

beforeEach(() => {
  fakeBrowser.reset();
  server = new FakeServer();
  while (services.length) services.pop()!.stop();
});

async function start(): Promise<PolicyService> {
  const service = await startPolicyService({ storage: fakeBrowser.storage, alarms: fakeBrowser.alarms, fetch: server.fetch });
  services.push(service);
  await service.ready;
  return service;
}

describe('startPolicyService', () => {
  it('loads every source in order and enforces enterprise locks over the agent', async () => {
    const admin = await generateKeyPair();
    await server.publish(TEAM_URL, pack({ id: 'acme/team', extends: ['tonebridge/jp'], rules: { 'ja/missing-apology': 'block' }, locked: ['rules.ja/missing-apology'] }), admin);
    await fakeBrowser.storage.managed.set({ packUrls: [{ url: TEAM_URL, publicKey: admin.publicKey }], lockedMarket: 'jp', sendGuard: 'block' });
    const service = await start();

    expect(service.store.status().map((s) => [s.slot, s.active])).toEqual([
      ['builtin:tonebridge/jp', true],
      ['builtin:tonebridge/us', true],
      [`managed:url/${TEAM_URL}`, true],
      ['managed:policy', true],
    ]);
    const effective = applyAgentSettings(service.store.policy(), {
      ...DEFAULT_AGENT_SETTINGS,
      market: 'us',
      sendGuardOff: true,
      rules: { 'ja/missing-apology': { enabled: false } },
    });
    expect(effective.market).toBe('jp');
    expect(effective.sendGuard).toBe('block');
    expect(effective.policy.markets.get('jp')!.rules.get('ja/missing-apology')!.level).toBe('block');
    expect(effective.locks.get('rules.ja/missing-apology')).toMatchObject({ packId: 'acme/team', source: 'managed' });
    expect(effective.locks.get('market')).toMatchObject({ packId: 'enterprise/policy', source: 'managed' });
  });

  it('comes back after a restart from the verified cache, offline', async () => {
    const admin = await generateKeyPair();
    const mine = await generateKeyPair();
    await server.publish(TEAM_URL, pack({ id: 'acme/team', sendGuard: 'warn' }), admin);
    await server.publish(MY_URL, pack({ id: 'me/style', rules: { 'en/cold-phrase': 'info' } }), mine);
    await fakeBrowser.storage.managed.set({ packUrls: [{ url: TEAM_URL, publicKey: admin.publicKey }] });
    const first = await start();
    expect(await first.urls.subscribe({ url: MY_URL, publicKey: mine.publicKey })).toMatchObject({ status: 'updated' });
    expect((await first.files.import(JSON.stringify(pack({ id: 'me/file', defaultMarket: 'us' })))).ok).toBe(true);
    first.stop();

    server.offline = true;
    const second = await start();
    const policy = second.store.policy();
    expect(policy.sendGuard).toMatchObject({ value: 'warn', packId: 'acme/team' });
    expect(policy.markets.get('us')!.rules.get('en/cold-phrase')).toMatchObject({ level: 'info', packId: 'me/style' });
    expect(policy.defaultMarket).toBe('us');
    expect(second.urls.list()).toEqual([{ url: MY_URL, publicKey: mine.publicKey }]);
    expect(second.store.get(`url:${MY_URL}`)).toMatchObject({ active: true, error: { kind: 'fetch' } });
  });

  it('refreshes pack URLs when the alarm fires', async () => {
    const mine = await generateKeyPair();
    await server.publish(MY_URL, pack({ id: 'me/style', sendGuard: 'warn' }), mine);
    const service = await start();
    await service.urls.subscribe({ url: MY_URL, publicKey: mine.publicKey });
    expect((await fakeBrowser.alarms.getAll()).map((a) => [a.name, a.periodInMinutes])).toEqual([
      ['tonebridge.policy.managed-urls', 60],
      ['tonebridge.policy.urls', 60],
    ]);
    await server.publish(MY_URL, pack({ id: 'me/style', version: '1.1.0', sendGuard: 'block' }), mine);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'tonebridge.policy.urls', scheduledTime: Date.now() });
    await settle();
    expect(service.store.policy().sendGuard.value).toBe('block');
  });

  it('rejects a bad file import with its reason while the previous pack keeps working', async () => {
    const service = await start();
    const changes: boolean[] = [];
    service.store.subscribe((c) => changes.push(c.policyChanged));
    await service.files.import(JSON.stringify(pack({ id: 'me/file', sendGuard: 'warn' })));
    const bad = await service.files.import(JSON.stringify({ ...pack({ id: 'me/file', version: '2.0.0' }), locked: ['everything'] }));
    expect(bad).toMatchObject({ ok: false, failure: { kind: 'validation', issues: [{ path: 'locked[0]', message: expect.stringContaining('is not a lockable setting') }] } });
    expect(service.store.policy().sendGuard).toMatchObject({ value: 'warn', packId: 'me/file' });
    expect(changes).toEqual([true, false]);
  });
});
