import { describe, expect, it } from 'vitest';
import { CoachPolicy, type StorageAreaLike } from '../../lib/coach/policy';
import type { Engine } from '../../lib/engine/engine';
import { POLICY_REVISION_KEY } from '../../lib/messaging';
import { builtinPacks } from '../../lib/policy/builtin';
import { PolicyStore } from '../../lib/policy/store';
import type { ResolvedPolicy } from '../../lib/policy/types';

function memoryArea(initial: Record<string, unknown> = {}): StorageAreaLike & { data: Record<string, unknown>; writes: number } {
  const area = {
    data: { ...initial },
    writes: 0,
    async get(keys: string[] | string) {
      const list = Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(list.filter((k) => k in area.data).map((k) => [k, structuredClone(area.data[k])]));
    },
    async set(items: Record<string, unknown>) {
      area.writes++;
      Object.assign(area.data, structuredClone(items));
    },
    async remove(keys: string | string[]) {
      for (const k of Array.isArray(keys) ? keys : [keys]) delete area.data[k];
    },
  };
  return area;
}

function setup(sync: Record<string, unknown> = {}) {
  const store = new PolicyStore();
  store.applyBatch(builtinPacks.map((p) => ({ slot: `builtin:${p.id}`, candidate: p })));
  const policies: ResolvedPolicy[] = [];
  const engine = { setPolicy: (p: ResolvedPolicy) => policies.push(p) } as unknown as Engine;
  const syncArea = memoryArea(sync);
  const local = memoryArea();
  const listeners: ((changes: Record<string, { newValue?: unknown }>, area: string) => void)[] = [];
  const coach = new CoachPolicy({ store, engine, sync: syncArea, local, onChanged: { addListener: (l) => listeners.push(l) } });
  return { store, coach, policies, syncArea, local, fireChange: (changes: Record<string, { newValue?: unknown }>, area = 'sync') => listeners.forEach((l) => l(changes, area)) };
}

const lockingPack = {
  schemaVersion: 1,
  id: 'acme/support',
  name: 'Acme Support',
  version: '1.2.0',
  defaultMarket: 'jp',
  locked: ['market', 'rules.en/cold-phrase'],
  rules: { 'en/cold-phrase': 'block' },
};

describe('CoachPolicy', () => {
  it('reads the stored settings, sanitising them, and gives the engine the effective policy', async () => {
    const { coach, policies, local } = setup({ market: 'jp', agentName: 'Sato', rules: { 'ja/missing-apology': { level: 'block' } }, enabled: 'yes' });
    await coach.reload();
    expect(coach.agent.market).toBe('jp');
    expect(coach.agent.agentName).toBe('Sato');
    expect(coach.agent.enabled).toBe(true); // 'yes' is not a boolean: default kept
    const latest = policies.at(-1)!;
    expect(latest.markets.get('jp')!.rules.get('ja/missing-apology')?.level).toBe('block');
    expect(local.data[POLICY_REVISION_KEY]).toBeTypeOf('string');
  });

  it('applies a pack as soon as the store changes, and moves the revision on', async () => {
    const { coach, store, policies, local } = setup();
    await coach.reload();
    const before = local.data[POLICY_REVISION_KEY];
    const count = policies.length;
    expect(store.apply('file:acme/support', lockingPack).ok).toBe(true);
    expect(policies.length).toBe(count + 1);
    expect(coach.effective().market).toBe('jp');
    expect(coach.effective().locks.get('market')?.packName).toBe('Acme Support');
    await Promise.resolve();
    expect(local.data[POLICY_REVISION_KEY]).not.toBe(before);
  });

  it('stores a valid patch and applies it at once; rules and sites merge, null removes', async () => {
    const { coach, syncArea } = setup({ rules: { 'en/hedging': { enabled: false } }, sites: { 'mail.google.com': false } });
    await coach.reload();
    const result = await coach.update({ agentName: 'Priya', rules: { 'en/cold-phrase': { level: 'block' } }, sites: { 'mail.google.com': null, 'acme.zendesk.com': false } });
    expect(result.ok).toBe(true);
    expect(syncArea.data.agentName).toBe('Priya');
    expect(syncArea.data.rules).toEqual({ 'en/hedging': { enabled: false }, 'en/cold-phrase': { level: 'block' } });
    expect(syncArea.data.sites).toEqual({ 'acme.zendesk.com': false });
    expect(coach.effective().policy.markets.get('us')!.rules.get('en/cold-phrase')?.level).toBe('block');
  });

  it('refuses a locked setting whole, naming the pack, and changes nothing', async () => {
    const { coach, store, syncArea } = setup({ market: 'us' });
    await coach.reload();
    store.apply('managed:acme', lockingPack);
    const writes = syncArea.writes;
    const market = await coach.update({ market: 'auto', agentName: 'Priya' });
    expect(market).toMatchObject({ ok: false, code: 'locked', path: 'patch.market' });
    expect(!market.ok && market.lock?.packName).toBe('Acme Support');
    const rule = await coach.update({ rules: { 'en/cold-phrase': { enabled: false } } });
    expect(rule).toMatchObject({ ok: false, code: 'locked', path: 'patch.rules.en/cold-phrase' });
    expect(syncArea.writes).toBe(writes);
    expect(coach.agent.agentName).toBe('');
    // The stored 'us' is ignored while the lock holds; the pack's market applies.
    expect(coach.effective().market).toBe('jp');
  });

  it('refuses an unknown market and an invalid value with the field', async () => {
    const { coach } = setup();
    await coach.reload();
    expect(await coach.update({ market: 'fr' })).toMatchObject({ ok: false, code: 'invalid', path: 'patch.market' });
    expect(await coach.update({ agentName: 'x'.repeat(500) })).toMatchObject({ ok: false, code: 'invalid', path: 'patch.agentName' });
  });

  it('market: null returns to the policy default', async () => {
    const { coach, syncArea } = setup({ market: 'jp' });
    await coach.reload();
    expect((await coach.update({ market: null })).ok).toBe(true);
    expect('market' in syncArea.data).toBe(false);
    expect(coach.agent.market).toBeUndefined();
  });

  it('reloads when another context changes the stored settings', async () => {
    const { coach, syncArea, fireChange } = setup();
    await coach.reload();
    syncArea.data.market = 'jp';
    fireChange({ market: { newValue: 'jp' } });
    await new Promise((r) => setTimeout(r, 0));
    expect(coach.effective().market).toBe('jp');
    fireChange({ unrelated: { newValue: 1 } });
    fireChange({ market: { newValue: 'us' } }, 'local');
    expect(coach.effective().market).toBe('jp');
  });
});
