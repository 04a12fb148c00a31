import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinPacks } from '../../lib/policy/builtin';
import { PolicyStore, type StoreChange } from '../../lib/policy/store';
import type { PolicyPack } from '../../lib/policy/types';

const pack = (over: Partial<PolicyPack> & { id: string }): PolicyPack => ({
  schemaVersion: 1,
  name: over.id,
  version: '1.0.0',
  ...over,
});

function storeWithBuiltins(now = () => 1000) {
  const store = new PolicyStore({ now });
  const results = store.applyBatch(builtinPacks.map((p) => ({ slot: `builtin:${p.id}`, candidate: p })));
  expect(results.every((r) => r.ok)).toBe(true);
  const changes: StoreChange[] = [];
  store.subscribe((c) => changes.push(c));
  return { store, changes };
}

const jpLevel = (store: PolicyStore, rule = 'ja/missing-apology') => store.policy().markets.get('jp')!.rules.get(rule)?.level;

describe('PolicyStore', () => {
  it('resolves the built-in packs and lists their status', () => {
    const { store } = storeWithBuiltins();
    expect([...store.policy().markets.keys()].sort()).toEqual(['jp', 'us']);
    expect(store.status()).toEqual([
      { slot: 'builtin:tonebridge/jp', source: 'builtin', id: 'tonebridge/jp', name: 'Japan (built-in)', version: '1.0.0', active: true, lastUpdate: 1000, since: 1000 },
      { slot: 'builtin:tonebridge/us', source: 'builtin', id: 'tonebridge/us', name: 'United States (built-in)', version: '1.0.0', active: true, lastUpdate: 1000, since: 1000 },
    ]);
  });

  it('checks rule options against each rule’s schema; a bad update keeps the previous version in effect', () => {
    const { store } = storeWithBuiltins();
    const good = pack({ id: 'acme/support', extends: ['tonebridge/us'], rules: { 'en/long-sentence': { level: 'warn', options: { maxWords: 20 } } } });
    expect(store.apply('file:acme/support', JSON.stringify(good))).toMatchObject({ ok: true });
    const bad = { ...good, version: '1.1.0', rules: { 'en/long-sentence': { level: 'block', options: { maxWords: 'ten', typo: true } } } };
    expect(store.apply('file:acme/support', JSON.stringify(bad))).toMatchObject({
      ok: false,
      failure: {
        kind: 'validation',
        issues: [
          { path: 'rules.en/long-sentence.options.typo', message: expect.stringMatching(/^unknown option/) },
          { path: 'rules.en/long-sentence.options.maxWords', message: expect.stringMatching(/^expected a whole number/) },
        ],
      },
    });
    const twice = JSON.stringify({ ...good, version: '1.2.0' }).replace('"version":"1.2.0"', '"version":"1.2.0","sendGuard":"block","sendGuard":"off"');
    expect(store.apply('file:acme/support', twice)).toMatchObject({ ok: false, failure: { issues: [{ path: 'sendGuard' }] } });
    expect(store.get('file:acme/support')).toMatchObject({ version: '1.0.0', active: true });
    expect(store.policy().markets.get('us')!.rules.get('en/long-sentence')).toMatchObject({ level: 'warn', options: { maxWords: 20 } });
  });

  it('accepts pack text, applies it and tells listeners the policy changed', () => {
    const { store, changes } = storeWithBuiltins();
    const text = JSON.stringify(pack({ id: 'acme/support', extends: ['tonebridge/jp'], rules: { 'ja/missing-apology': 'block' } }));
    const result = store.apply('file:acme/support', text);
    expect(result).toMatchObject({ ok: true, changed: true, pack: { id: 'acme/support' } });
    expect(jpLevel(store)).toBe('block');
    expect(changes).toEqual([{ policyChanged: true, slots: ['file:acme/support'] }]);
  });

  it('treats a re-delivery of the same pack as no change, but refreshes its timestamp', () => {
    let t = 1000;
    const { store, changes } = storeWithBuiltins(() => t);
    const p = pack({ id: 'acme/support', sendGuard: 'warn' });
    store.apply('url:https://x.example/p.json', p);
    const before = store.policy();
    t = 5000;
    expect(store.apply('url:https://x.example/p.json', JSON.stringify(p))).toMatchObject({ ok: true, changed: false });
    expect(store.policy()).toBe(before);
    expect(store.get('url:https://x.example/p.json')).toMatchObject({ lastUpdate: 5000, since: 1000 });
    expect(changes.at(-1)).toEqual({ policyChanged: false, slots: ['url:https://x.example/p.json'] });
  });

  describe('a rejected candidate changes nothing and says which field and why', () => {
    it('malformed JSON keeps the previous pack', () => {
      const { store, changes } = storeWithBuiltins();
      store.apply('file:acme/support', pack({ id: 'acme/support', version: '1.0.0', sendGuard: 'warn' }));
      const before = store.policy();
      const result = store.apply('file:acme/support', '{"schemaVersion": 1, "id": "acme/support",');
      expect(result.ok).toBe(false);
      expect(!result.ok && result.failure).toMatchObject({ kind: 'validation', issues: [{ path: '', message: expect.stringMatching(/^not JSON/) }] });
      expect(!result.ok && result.kept).toEqual({ id: 'acme/support', version: '1.0.0' });
      expect(store.policy()).toBe(before);
      expect(store.policy().sendGuard).toEqual({ value: 'warn', packId: 'acme/support', source: 'file' });
      expect(store.get('file:acme/support')).toMatchObject({ active: true, version: '1.0.0', error: { kind: 'validation' } });
      expect(changes.at(-1)).toEqual({ policyChanged: false, slots: ['file:acme/support'] });
    });

    it('an invalid field keeps the previous pack, with the field path', () => {
      const { store } = storeWithBuiltins();
      store.apply('url:https://x.example/p.json', pack({ id: 'acme/support', sendGuard: 'warn' }));
      const result = store.apply('url:https://x.example/p.json', { ...pack({ id: 'acme/support', version: '2.0.0' }), sendGuard: 'always' });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.failure.issues).toEqual([{ path: 'sendGuard', message: expect.stringContaining('"always"') }]);
      expect(store.get('url:https://x.example/p.json')).toMatchObject({ version: '1.0.0', active: true });
      expect(store.policy().sendGuard.value).toBe('warn');
    });

    it('an unknown rule id is rejected', () => {
      const { store } = storeWithBuiltins();
      const result = store.apply('file:acme/x', pack({ id: 'acme/x', rules: { 'ja/no-such-rule': 'warn' } }));
      expect(!result.ok && result.failure.issues[0]!.path).toBe('rules.ja/no-such-rule');
      expect(store.packs().map((p) => p.pack.id)).toEqual(['tonebridge/jp', 'tonebridge/us']);
    });

    it('an extends cycle keeps the previous pack', () => {
      const { store } = storeWithBuiltins();
      store.apply('file:acme/a', pack({ id: 'acme/a', rules: { 'ja/missing-apology': 'info' } }));
      store.apply('file:acme/b', pack({ id: 'acme/b', extends: ['acme/a'] }));
      const before = store.policy();
      const result = store.apply('file:acme/a', pack({ id: 'acme/a', version: '2.0.0', extends: ['acme/b'], rules: { 'ja/missing-apology': 'block' } }));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.failure).toMatchObject({ kind: 'resolution', issues: [{ path: 'extends', message: expect.stringMatching(/extends cycle: .*acme\/a.*acme\/b.*acme\/a|extends cycle: .*acme\/b.*acme\/a.*acme\/b/) }] });
      expect(store.policy()).toBe(before);
      expect(jpLevel(store)).toBe('info');
      expect(store.get('file:acme/a')).toMatchObject({ version: '1.0.0', active: true, error: { kind: 'resolution' } });
    });

    it('a market cycle is a resolution failure on `markets`', () => {
      const { store } = storeWithBuiltins();
      store.apply('file:acme/m', pack({ id: 'acme/m', markets: [{ id: 'vip', name: { en: 'VIP', ja: 'VIP' }, extends: 'jp' }] }));
      const result = store.apply('file:acme/n', pack({ id: 'acme/n', markets: [{ id: 'jp', name: { en: 'J', ja: 'J' }, extends: 'vip' }] }));
      expect(!result.ok && result.failure.issues[0]).toEqual({ path: 'markets', message: expect.stringMatching(/market extends cycle/) });
      expect(store.policy().markets.get('jp')!.lineage).toEqual(['jp']);
    });

    it('a pack id already delivered by an equal or stronger source is refused', () => {
      const { store } = storeWithBuiltins();
      store.apply('url:https://a.example/p.json', pack({ id: 'acme/p', sendGuard: 'warn' }));
      const same = store.apply('url:https://b.example/p.json', pack({ id: 'acme/p', sendGuard: 'off' }));
      expect(!same.ok && same.failure).toMatchObject({ kind: 'duplicate', issues: [{ path: 'id', message: expect.stringContaining('url:https://a.example/p.json') }] });
      const weaker = store.apply('file:acme/p', pack({ id: 'acme/p', sendGuard: 'off' }));
      expect(!weaker.ok && weaker.failure.kind).toBe('duplicate');
      expect(store.policy().sendGuard.value).toBe('warn');
    });
  });

  it('a stronger source with the same pack id shadows the weaker one until it leaves', () => {
    const { store } = storeWithBuiltins();
    store.apply('file:acme/p', pack({ id: 'acme/p', sendGuard: 'warn' }));
    expect(store.apply('managed:inline/0', pack({ id: 'acme/p', sendGuard: 'block' })).ok).toBe(true);
    expect(store.policy().sendGuard).toMatchObject({ value: 'block', source: 'managed' });
    expect(store.get('file:acme/p')).toMatchObject({ active: false, suspended: [{ path: 'id', message: expect.stringContaining('managed:inline/0') }] });
    store.remove('managed:inline/0');
    expect(store.policy().sendGuard).toMatchObject({ value: 'warn', source: 'file' });
    expect(store.get('file:acme/p')).toMatchObject({ active: true });
    expect(store.get('file:acme/p')!.suspended).toBeUndefined();
  });

  it('applies a batch whose packs extend each other in any order', () => {
    const { store } = storeWithBuiltins();
    const results = store.applyBatch([
      { slot: 'managed:inline/0', candidate: pack({ id: 'acme/team', extends: ['acme/base'], sendGuard: 'block' }) },
      { slot: 'managed:inline/1', candidate: pack({ id: 'acme/base', extends: ['tonebridge/jp'], rules: { 'ja/missing-apology': 'info' } }) },
      { slot: 'managed:inline/2', candidate: 'nope' },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(store.policy().packs.map((p) => p.id)).toEqual(['tonebridge/jp', 'tonebridge/us', 'acme/base', 'acme/team']);
    expect(jpLevel(store)).toBe('info');
  });

  it('holds a pack whose base is missing and lets it in when the base arrives', () => {
    const { store } = storeWithBuiltins();
    const early = store.apply('url:https://x.example/team.json', pack({ id: 'acme/team', extends: ['acme/base'], sendGuard: 'block' }));
    expect(!early.ok && early.failure.issues[0]).toEqual({ path: 'extends', message: 'extends "acme/base", which is not loaded' });
    expect(store.get('url:https://x.example/team.json')).toMatchObject({ id: 'acme/team', active: false });
    expect(store.policy().sendGuard).toMatchObject({ value: 'warn', source: 'builtin' }); // back to the built-in packs' default

    store.apply('url:https://x.example/base.json', pack({ id: 'acme/base' }));
    expect(store.get('url:https://x.example/team.json')).toMatchObject({ active: true });
    expect(store.get('url:https://x.example/team.json')!.error).toBeUndefined();
    expect(store.policy().sendGuard).toEqual({ value: 'block', packId: 'acme/team', source: 'url' });
  });

  it('suspends packs whose base is removed, and restores them when it returns', () => {
    const { store, changes } = storeWithBuiltins();
    store.apply('file:acme/base', pack({ id: 'acme/base' }));
    store.apply('file:acme/team', pack({ id: 'acme/team', extends: ['acme/base'], sendGuard: 'warn' }));
    expect(store.remove('file:acme/base')).toBe(true);
    expect(store.policy().sendGuard).toMatchObject({ value: 'warn', source: 'builtin' }); // back to the built-in packs' default
    expect(store.get('file:acme/team')).toMatchObject({ active: false, suspended: [{ path: 'extends', message: expect.stringContaining('acme/base') }] });
    expect(changes.at(-1)).toEqual({ policyChanged: true, slots: ['file:acme/base', 'file:acme/team'] });
    store.apply('file:acme/base', pack({ id: 'acme/base' }));
    expect(store.policy().sendGuard.value).toBe('warn');
    expect(store.remove('file:nothing')).toBe(false);
  });

  it('keeps locks from a stronger source whatever a weaker source says', () => {
    const { store } = storeWithBuiltins();
    store.apply('managed:policy', pack({ id: 'acme/policy', rules: { 'ja/missing-apology': 'block' }, locked: ['rules.ja/missing-apology', 'sendGuard'], sendGuard: 'block' }));
    store.apply('file:me/relaxed', pack({ id: 'me/relaxed', rules: { 'ja/missing-apology': 'off' }, sendGuard: 'off', locked: ['sendGuard'] }));
    store.apply('url:https://x.example/p.json', pack({ id: 'team/relaxed', markets: [{ id: 'jp', name: { en: 'Japan', ja: '日本' }, rules: { 'ja/missing-apology': 'info' } }] }));
    const policy = store.policy();
    expect(jpLevel(store)).toBe('block');
    expect(policy.sendGuard).toEqual({ value: 'block', packId: 'acme/policy', source: 'managed' });
    expect(policy.locks.get('sendGuard')).toEqual({ packId: 'acme/policy', source: 'managed' });
    expect(policy.locks.get('rules.ja/missing-apology')).toEqual({ packId: 'acme/policy', source: 'managed' });
    // The weaker packs are told what of theirs the lock kept out.
    expect(store.get('file:me/relaxed')!.warnings).toEqual([
      { path: 'rules.ja/missing-apology', message: 'ignored: locked by acme/policy (managed)' },
      { path: 'sendGuard', message: 'ignored: locked by acme/policy (managed)' },
    ]);
    expect(store.get('url:https://x.example/p.json')!.warnings).toEqual([{ path: 'rules.ja/missing-apology', message: 'ignored: locked by acme/policy (managed)' }]);
    expect(store.get('managed:policy')!.warnings).toBeUndefined();
  });

  it('keeps an enterprise lock when a file pack extends the enterprise pack (issue 14)', () => {
    const { store } = storeWithBuiltins();
    store.apply('managed:policy', pack({ id: 'acme/policy', rules: { 'ja/missing-apology': 'block' }, locked: ['rules.ja/missing-apology', 'sendGuard'], sendGuard: 'block' }));
    store.apply('file:me/bypass', pack({ id: 'me/bypass', extends: ['acme/policy'], rules: { 'ja/missing-apology': 'off' }, sendGuard: 'off' }));
    const policy = store.policy();
    expect(store.get('file:me/bypass')!.active).toBe(true);
    expect(jpLevel(store)).toBe('block');
    expect(policy.sendGuard).toEqual({ value: 'block', packId: 'acme/policy', source: 'managed' });
    expect(policy.locks.get('sendGuard')).toEqual({ packId: 'acme/policy', source: 'managed' });
  });

  it('records failures from before validation and clears them on the next success', () => {
    let t = 1;
    const { store, changes } = storeWithBuiltins(() => t);
    store.apply('url:https://x.example/p.json', pack({ id: 'acme/p' }), { url: 'https://x.example/p.json' });
    t = 2;
    store.fail('url:https://x.example/p.json', 'signature', 'the signature does not match this pack and public key');
    expect(store.get('url:https://x.example/p.json')).toMatchObject({
      active: true,
      url: 'https://x.example/p.json',
      error: { kind: 'signature', at: 2, issues: [{ path: '', message: 'the signature does not match this pack and public key' }] },
    });
    t = 3;
    store.confirm('url:https://x.example/p.json');
    expect(store.get('url:https://x.example/p.json')!.error).toBeUndefined();
    expect(store.get('url:https://x.example/p.json')!.lastUpdate).toBe(3);
    expect(changes.map((c) => c.policyChanged)).toEqual([true, false, false]);
  });

  it('does not share a pack object with the caller', () => {
    const { store } = storeWithBuiltins();
    const p = pack({ id: 'acme/p', sendGuard: 'warn' });
    store.apply('file:acme/p', p);
    p.sendGuard = 'off';
    expect(store.packs().find((s) => s.pack.id === 'acme/p')!.pack.sendGuard).toBe('warn');
  });

  it('orders packs of one source by slot order, so a later one wins ties', () => {
    const { store } = storeWithBuiltins();
    store.apply('managed:policy', pack({ id: 'acme/policy', sendGuard: 'block' }), { order: 1000 });
    store.apply('managed:inline/0', pack({ id: 'acme/inline', sendGuard: 'warn' }), { order: 0 });
    expect(store.policy().sendGuard.packId).toBe('acme/policy');
    expect(store.status('managed').map((s) => s.slot)).toEqual(['managed:inline/0', 'managed:policy']);
  });

  it('refuses a slot that names no source', () => {
    const store = new PolicyStore();
    expect(() => store.apply('elsewhere:x', pack({ id: 'a/b' }))).toThrow(/does not start with a pack source/);
  });

  it('keeps going when a listener throws', () => {
    const errors: unknown[] = [];
    const store = new PolicyStore({ onListenerError: (e) => errors.push(e) });
    const seen: boolean[] = [];
    store.subscribe(() => {
      throw new Error('listener bug');
    });
    store.subscribe((c) => seen.push(c.policyChanged));
    store.apply('file:acme/p', pack({ id: 'acme/p', sendGuard: 'warn' }));
    expect(seen).toEqual([true]);
    expect(errors).toEqual([new Error('listener bug')]);
    expect(store.policy().sendGuard.value).toBe('warn');
  });

  it('accepts the documented example pack (examples/packs/acme-support.json) on top of the built-ins', () => {
    const { store } = storeWithBuiltins();
    const text = readFileSync(new URL('../../examples/packs/acme-support.json', import.meta.url), 'utf8');
    const result = store.apply('managed:inline/0', text);
    expect(result.ok).toBe(true);
    // Without the Japanese analyser only the base-form examples stay unchecked (the CLI checks them).
    expect(result.ok && result.warnings.map((w) => w.path)).toEqual(['phrases[5].examples.match[0]', 'phrases[5].examples.match[1]', 'phrases[5].examples.noMatch[0]']);
    const policy = store.policy();
    expect(policy.defaultMarket).toBe('jp');
    expect(policy.sendGuard).toEqual({ value: 'warn', packId: 'acme/support-jp', source: 'managed' });
    expect(policy.markets.get('jp-enterprise')).toMatchObject({ lineage: ['jp-enterprise', 'jp'], languages: ['ja', 'en'] });
    expect(policy.markets.get('jp-enterprise')!.rules.get('ja/missing-apology')!.level).toBe('block');
    expect(policy.markets.get('jp')!.rules.get('ja/missing-apology')!.level).toBe('warn');
    expect(policy.markets.get('jp')!.phrases.map((p) => p.type).sort()).toEqual(['forbid', 'forbid', 'maxCount', 'require', 'substitute', 'substitute']);
    expect(policy.markets.get('us')!.phrases.map((p) => p.id)).toEqual(['acme/no-internal-codenames']);
    expect([...policy.locks.keys()]).toEqual(['rules.ja/missing-apology', 'sendGuard']);
  });
});
