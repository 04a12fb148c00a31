import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { BuiltinSource } from '../../../lib/policy/sources/builtin';
import {
  MANAGED_KEYS,
  MANAGED_POLICY_SLOT,
  ManagedSource,
  managedPolicyPack,
  parseManagedConfig,
  type ManagedArea,
} from '../../../lib/policy/sources/managed';
import { UrlSource } from '../../../lib/policy/sources/url';
import { PolicyStore } from '../../../lib/policy/store';
import { FakeServer, generateKeyPair, pack, settle } from './fakes';

const known = new Set(['ja/missing-apology', 'en/cold-phrase']);

let store: PolicyStore;

beforeEach(() => {
  fakeBrowser.reset();
  store = new PolicyStore({ now: () => 42 });
  new BuiltinSource(store).load();
});

function managed(extra: Partial<ConstructorParameters<typeof ManagedSource>[0]> = {}) {
  return new ManagedSource({ sink: store, area: fakeBrowser.storage.managed, onChanged: fakeBrowser.storage.onChanged, knownRuleIds: known, now: () => 42, ...extra });
}

const acme = pack({ id: 'acme/support', extends: ['tonebridge/jp'], rules: { 'ja/missing-apology': 'block' }, locked: ['rules.ja/missing-apology'] });

describe('parseManagedConfig', () => {
  it('reads every key with its type checked', () => {
    expect(
      parseManagedConfig({
        packs: [JSON.stringify(acme), acme],
        packUrls: [{ url: 'https://p.example/a.json', publicKey: 'k' }],
        defaultMarket: 'us',
        lockedMarket: 'jp',
        sendGuard: 'block',
        disabledRules: ['en/cold-phrase', 'en/cold-phrase'],
        refreshMinutes: 30,
      }),
    ).toEqual({
      config: {
        packs: [JSON.stringify(acme), acme],
        packUrls: [{ url: 'https://p.example/a.json', publicKey: 'k' }],
        defaultMarket: 'us',
        lockedMarket: 'jp',
        sendGuard: 'block',
        disabledRules: ['en/cold-phrase'],
        refreshMinutes: 30,
      },
      issues: [],
    });
  });

  it('skips malformed entries with their key path and keeps the rest (Firefox does not enforce the schema)', () => {
    const { config, issues } = parseManagedConfig({
      packs: [42, '{}'],
      packUrls: [{ url: 'https://p.example/a.json' }, 'x'],
      lockedMarket: 'Japan',
      sendGuard: 'sometimes',
      disabledRules: 'en/cold-phrase',
      refreshMinutes: 1,
    });
    expect(config).toEqual({ packs: ['{}'], packUrls: [], disabledRules: [] });
    expect(issues.map((i) => i.path)).toEqual(['packs[0]', 'packUrls[0].publicKey', 'packUrls[1]', 'lockedMarket', 'sendGuard', 'disabledRules', 'refreshMinutes']);
    expect(issues.find((i) => i.path === 'lockedMarket')!.message).toMatch(/"Japan" is not a market id/);
  });
});

describe('managedPolicyPack', () => {
  it('turns the plain settings into one locked pack', () => {
    expect(managedPolicyPack({ packs: [], packUrls: [], lockedMarket: 'jp', sendGuard: 'warn', disabledRules: ['en/cold-phrase', 'en/nope'] }, known)).toEqual({
      pack: {
        schemaVersion: 1,
        id: 'enterprise/policy',
        name: 'Enterprise policy',
        version: '1.0.0',
        description: 'Settings from the browser policy (storage.managed).',
        rules: { 'en/cold-phrase': 'off' },
        defaultMarket: 'jp',
        sendGuard: 'warn',
        locked: ['sendGuard', 'market', 'rules.en/cold-phrase'],
      },
      issues: [{ path: 'disabledRules[1]', message: '"en/nope" is not a rule of this version of Tonebridge; ignored' }],
    });
  });

  it('sets an unlocked default market, and nothing at all when nothing is set', () => {
    expect(managedPolicyPack({ packs: [], packUrls: [], defaultMarket: 'us', disabledRules: [] }, known).pack).toMatchObject({ defaultMarket: 'us' });
    expect(managedPolicyPack({ packs: [], packUrls: [], defaultMarket: 'us', disabledRules: [] }, known).pack!.locked).toBeUndefined();
    expect(managedPolicyPack({ packs: [], packUrls: [], disabledRules: [] }, known)).toEqual({ issues: [] });
  });
});

describe('ManagedSource', () => {
  it('applies inline packs and settings from storage.managed as the strongest source', async () => {
    await fakeBrowser.storage.managed.set({ packs: [JSON.stringify(acme)], lockedMarket: 'jp', sendGuard: 'block', disabledRules: ['en/cold-phrase'] });
    const src = managed();
    await src.start();
    const policy = store.policy();
    expect(policy.markets.get('jp')!.rules.get('ja/missing-apology')).toMatchObject({ level: 'block', packId: 'acme/support', source: 'managed' });
    expect(policy.markets.get('us')!.rules.get('en/cold-phrase')).toMatchObject({ level: 'off', packId: 'enterprise/policy' });
    expect(policy.defaultMarket).toBe('jp');
    expect(policy.sendGuard).toEqual({ value: 'block', packId: 'enterprise/policy', source: 'managed' });
    expect(Object.fromEntries(policy.locks)).toEqual({
      'rules.ja/missing-apology': { packId: 'acme/support', source: 'managed' },
      sendGuard: { packId: 'enterprise/policy', source: 'managed' },
      market: { packId: 'enterprise/policy', source: 'managed' },
      'rules.en/cold-phrase': { packId: 'enterprise/policy', source: 'managed' },
    });
    expect(src.status().map((s) => [s.slot, s.id, s.active])).toEqual([
      ['managed:inline/0', 'acme/support', true],
      [MANAGED_POLICY_SLOT, 'enterprise/policy', true],
    ]);
    expect(src.packs().map((p) => p.pack.id)).toEqual(['acme/support', 'enterprise/policy']);
  });

  it('applies policy changes live (storage.onChanged, area "managed")', async () => {
    await fakeBrowser.storage.managed.set({ sendGuard: 'off' });
    let reads = 0;
    const area: ManagedArea = { get: (keys) => (reads++, fakeBrowser.storage.managed.get(keys)) };
    const src = managed({ area });
    await src.start();
    expect(store.policy().sendGuard).toMatchObject({ value: 'off', source: 'managed' });
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    await settle();
    expect(reads).toBe(1);

    await fakeBrowser.storage.managed.set({ sendGuard: 'block', packs: [acme] });
    await settle();
    expect(store.policy().sendGuard.value).toBe('block');
    expect(store.policy().markets.get('jp')!.rules.get('ja/missing-apology')!.level).toBe('block');

    await fakeBrowser.storage.managed.remove(['sendGuard', 'packs']);
    await settle();
    expect(store.policy().sendGuard).toMatchObject({ value: 'warn', source: 'builtin' }); // back to the built-in packs' default
    expect(store.status('managed')).toEqual([]);

    // After stop() policy changes are no longer applied.
    src.stop();
    await fakeBrowser.storage.managed.set({ sendGuard: 'block' });
    await settle();
    expect(store.policy().sendGuard).toMatchObject({ value: 'warn', source: 'builtin' });
  });

  it('keeps the previous inline pack when the policy delivers a malformed one', async () => {
    await fakeBrowser.storage.managed.set({ packs: [acme] });
    const src = managed();
    await src.start();
    await fakeBrowser.storage.managed.set({ packs: ['{"schemaVersion":1,"id":"acme/support","name":"x","version":"2.0.0","sendGuard":"always"}'] });
    await settle();
    expect(store.get('managed:inline/0')).toMatchObject({
      version: '1.0.0',
      active: true,
      error: { kind: 'validation', issues: [{ path: 'sendGuard' }] },
    });
    expect(store.policy().markets.get('jp')!.rules.get('ja/missing-apology')!.level).toBe('block');
  });

  it('applies the rest of the settings when one is malformed, and says what was ignored', async () => {
    await fakeBrowser.storage.managed.set({ sendGuard: 'block', disabledRules: ['en/cold-phrase', 'ja/typo'], lockedMarket: 'JP' });
    const src = managed();
    await src.start();
    expect(store.policy().sendGuard.value).toBe('block');
    expect(store.policy().locks.has('market')).toBe(false);
    expect(src.policyIssues().map((i) => i.path)).toEqual(['lockedMarket', 'disabledRules[1]']);
    expect(store.get(MANAGED_POLICY_SLOT)).toMatchObject({ active: true, error: { kind: 'policy', issues: src.policyIssues() } });
  });

  it('shows problems with the policy itself even when no setting applies, and clears them when fixed', async () => {
    await fakeBrowser.storage.managed.set({ packUrls: [{ url: 'https://p.example/a.json' }] });
    const src = managed();
    await src.start();
    expect(store.get(MANAGED_POLICY_SLOT)).toMatchObject({ active: false, error: { kind: 'policy', issues: [{ path: 'packUrls[0].publicKey' }] } });
    expect(store.get(MANAGED_POLICY_SLOT)!.id).toBeUndefined();
    await fakeBrowser.storage.managed.remove('packUrls');
    await settle();
    expect(store.get(MANAGED_POLICY_SLOT)).toBeUndefined();
  });

  it('treats a browser without managed storage (Firefox without policies) as no policy', async () => {
    const area: ManagedArea = { get: () => Promise.reject(new Error('Managed storage manifest not found')) };
    const src = managed({ area, onChanged: undefined });
    await src.start();
    expect(store.status('managed')).toEqual([]);
    expect(src.config()).toEqual({ packs: [], packUrls: [], disabledRules: [] });
  });

  it('fetches pack URLs at enterprise strength, beating the agent’s own packs', async () => {
    const keys = await generateKeyPair();
    const server = new FakeServer();
    const url = 'https://policy.acme.example/team.json';
    await server.publish(url, pack({ id: 'acme/team', sendGuard: 'block', locked: ['sendGuard'] }), keys);
    store.apply('file:me/mine', pack({ id: 'me/mine', sendGuard: 'off', locked: ['sendGuard'] }));
    await fakeBrowser.storage.managed.set({ packUrls: [{ url, publicKey: keys.publicKey }], refreshMinutes: 15 });
    const urls = new UrlSource({ sink: store, fetch: server.fetch, source: 'managed' });
    const src = managed({ urls });
    await src.start();
    expect(store.policy().sendGuard).toEqual({ value: 'block', packId: 'acme/team', source: 'managed' });
    expect(store.policy().locks.get('sendGuard')).toEqual({ packId: 'acme/team', source: 'managed' });
    expect(urls.status()).toMatchObject([{ slot: `managed:url/${url}`, source: 'managed', url, active: true }]);

    // The admin removes the URL: its pack leaves.
    await fakeBrowser.storage.managed.set({ packUrls: [] });
    await settle();
    expect(store.policy().sendGuard).toMatchObject({ value: 'off', source: 'file' });
  });

  it('refuses an http pack URL from policy with a clear error', async () => {
    const server = new FakeServer();
    const keys = await generateKeyPair();
    await fakeBrowser.storage.managed.set({ packUrls: [{ url: 'http://policy.acme.example/team.json', publicKey: keys.publicKey }] });
    const urls = new UrlSource({ sink: store, fetch: server.fetch, source: 'managed' });
    await managed({ urls }).start();
    expect(urls.status()).toMatchObject([{ active: false, error: { kind: 'insecure-url', issues: [{ message: expect.stringMatching(/^only https:\/\/ pack URLs are allowed \(got http:\/\/\)/) }] } }]);
    expect(server.requests).toEqual([]);
  });
});

describe('dictionaries/managed_schema.json', () => {
  type Schema = { type?: string; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[]; minimum?: number; maximum?: number; [k: string]: unknown };
  const schema = JSON.parse(readFileSync(new URL('../../../dictionaries/managed_schema.json', import.meta.url), 'utf8')) as Schema;
  // The subset Chrome's managed-storage schema accepts and that we use.
  const KEYWORDS = new Set(['type', 'properties', 'items', 'title', 'description', 'enum', 'minimum', 'maximum']);
  const TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);

  function walk(node: Schema, path: string, visit: (n: Schema, p: string) => void): void {
    visit(node, path);
    for (const [k, child] of Object.entries(node.properties ?? {})) walk(child, `${path}.${k}`, visit);
    if (node.items) walk(node.items, `${path}[]`, visit);
  }

  /** Chrome's check of a policy value against the schema (the part our schema uses). */
  function conforms(value: unknown, s: Schema): boolean {
    switch (s.type) {
      case 'string':
        return typeof value === 'string' && (!s.enum || s.enum.includes(value));
      case 'integer':
        return Number.isInteger(value) && (s.minimum === undefined || (value as number) >= s.minimum) && (s.maximum === undefined || (value as number) <= s.maximum);
      case 'array':
        return Array.isArray(value) && value.every((v) => conforms(v, s.items!));
      case 'object':
        return (
          value !== null &&
          typeof value === 'object' &&
          !Array.isArray(value) &&
          Object.entries(value).every(([k, v]) => s.properties?.[k] !== undefined && conforms(v, s.properties[k]!))
        );
      default:
        return false;
    }
  }

  it('is a schema Chrome accepts: an object at the top, exactly one type everywhere, known keywords only', () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBeUndefined();
    walk(schema, '$', (n, p) => {
      expect(TYPES.has(n.type ?? ''), `${p} has one known type`).toBe(true);
      for (const k of Object.keys(n)) expect(KEYWORDS.has(k), `${p}.${k} is a supported keyword`).toBe(true);
      if (n.type === 'array') expect(n.items, `${p} declares items`).toBeDefined();
    });
  });

  it('declares exactly the keys the managed source reads', () => {
    expect(Object.keys(schema.properties!).sort()).toEqual([...MANAGED_KEYS].sort());
  });

  it('accepts a full policy, which the managed source then reads without issues', () => {
    const policy = {
      packs: [readFileSync(new URL('../../../examples/packs/acme-support.json', import.meta.url), 'utf8')],
      packUrls: [{ url: 'https://policy.acme.example/packs/support.json', publicKey: 'MCowBQYDK2VwAyEAexample=' }],
      defaultMarket: 'jp',
      lockedMarket: 'jp',
      sendGuard: 'warn',
      disabledRules: ['en/cold-phrase'],
      refreshMinutes: 60,
    };
    expect(conforms(policy, schema)).toBe(true);
    expect(parseManagedConfig(policy).issues).toEqual([]);
    for (const bad of [{ sendGuard: 'loud' }, { refreshMinutes: 1 }, { packs: [{}] }, { packUrls: [{ url: 'x', key: 'y' }] }, { unknown: true }]) {
      expect(conforms(bad, schema), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('docs/policy-packs.md', () => {
  const docs = readFileSync(new URL('../../../docs/policy-packs.md', import.meta.url), 'utf8');

  it('documents every managed key and every pack field', async () => {
    const { PolicyPackSchema, MarketSchema, PhraseRuleSchema } = await import('../../../lib/contract/pack');
    for (const key of MANAGED_KEYS) expect(docs, key).toContain(`\`${key}\``);
    // The fields of the pack's own schemas (pipes keep the object's entries on the outer schema).
    for (const [shape, schema] of Object.entries({ pack: PolicyPackSchema, market: MarketSchema, phraseRule: PhraseRuleSchema })) {
      for (const field of Object.keys(schema.entries)) expect(docs, `${shape}.${field}`).toContain(`\`${field}\``);
    }
  });

  it('gives a Linux policy file that parses and that the managed source reads without issues', () => {
    const section = docs.slice(docs.indexOf('### Chrome and Chromium on Linux'));
    const json = /```json\n([\s\S]*?)```/.exec(section)![1]!;
    const policy = (JSON.parse(json) as { '3rdparty': { extensions: Record<string, Record<string, unknown>> } })['3rdparty'].extensions.EXTENSION_ID!;
    const parsed = parseManagedConfig(policy);
    expect(parsed.issues).toEqual([]);
    const s = new PolicyStore();
    expect(s.apply('managed:inline/0', parsed.config.packs[0]).ok).toBe(true);
  });
});
