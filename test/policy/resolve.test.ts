import { describe, expect, it } from 'vitest';
import { builtinSourced } from '../../lib/policy/builtin';
import { PolicyResolutionError, resolvePolicy } from '../../lib/policy/resolve';
import type { PolicyPack, SourcedPack } from '../../lib/policy/types';

const pack = (over: Partial<PolicyPack> & { id: string }): PolicyPack => ({
  schemaVersion: 1,
  name: over.id,
  version: '1.0.0',
  ...over,
});

describe('resolvePolicy', () => {
  it('loads the built-in markets', () => {
    const policy = resolvePolicy(builtinSourced());
    expect([...policy.markets.keys()].sort()).toEqual(['jp', 'us']);
    expect(policy.markets.get('jp')!.rules.get('ja/missing-apology')).toMatchObject({ level: 'warn', source: 'builtin' });
  });

  it('lets a stronger source win whatever the order packs arrive in', () => {
    const managed: SourcedPack = { pack: pack({ id: 'acme/policy', rules: { 'ja/missing-apology': 'block' }, sendGuard: 'block' }), source: 'managed' };
    const file: SourcedPack = { pack: pack({ id: 'me/file', rules: { 'ja/missing-apology': 'info' }, sendGuard: 'warn' }), source: 'file' };
    for (const order of [[managed, file], [file, managed]]) {
      const policy = resolvePolicy([...builtinSourced(), ...order]);
      expect(policy.markets.get('jp')!.rules.get('ja/missing-apology')).toMatchObject({ level: 'block', packId: 'acme/policy', source: 'managed' });
      expect(policy.sendGuard).toEqual({ value: 'block', packId: 'acme/policy', source: 'managed' });
    }
  });

  it('applies a pack’s bases before it, and a market inherits the market it extends', () => {
    const base = pack({ id: 'acme/base', rules: { 'en/cold-phrase': 'info' } });
    const team = pack({
      id: 'acme/team',
      extends: ['acme/base'],
      markets: [{ id: 'jp-vip', name: { en: 'Japan VIP', ja: '日本 VIP' }, extends: 'jp', rules: { 'ja/missing-apology': 'block' } }],
    });
    const policy = resolvePolicy([...builtinSourced(), { pack: team, source: 'file' }, { pack: base, source: 'file' }]);
    const vip = policy.markets.get('jp-vip')!;
    expect(vip.lineage).toEqual(['jp-vip', 'jp']);
    expect(vip.languages).toEqual(['ja', 'en']);
    expect(vip.rules.get('ja/missing-apology')!.level).toBe('block');
    expect(policy.markets.get('jp')!.rules.get('ja/missing-apology')!.level).toBe('warn');
    expect(policy.markets.get('us')!.rules.get('en/cold-phrase')!.level).toBe('info');
    expect(policy.packs.map((p) => p.id)).toEqual(['tonebridge/jp', 'tonebridge/us', 'acme/base', 'acme/team']);
  });

  it('within one pack, a market’s own rule beats the pack’s rule for every market; a later pack beats both', () => {
    const team = pack({
      id: 'acme/team',
      rules: { 'ja/missing-apology': 'info' },
      markets: [{ id: 'jp', name: { en: 'Japan', ja: '日本' }, languages: ['ja', 'en'], rules: { 'ja/missing-apology': 'block' } }],
    });
    const policy = resolvePolicy([...builtinSourced(), { pack: team, source: 'file' }]);
    expect(policy.markets.get('jp')!.rules.get('ja/missing-apology')).toMatchObject({ level: 'block', packId: 'acme/team' });
    expect(policy.markets.get('us')!.rules.get('ja/missing-apology')).toMatchObject({ level: 'info', packId: 'acme/team' });
    const later = pack({ id: 'acme/later', rules: { 'ja/missing-apology': 'warn' } });
    const both = resolvePolicy([...builtinSourced(), { pack: team, source: 'file' }, { pack: later, source: 'url' }]);
    expect(both.markets.get('jp')!.rules.get('ja/missing-apology')).toMatchObject({ level: 'warn', packId: 'acme/later' });
  });

  it('records locks with the pack and source that set them', () => {
    const policy = resolvePolicy([...builtinSourced(), { pack: pack({ id: 'acme/lock', locked: ['market', 'rules.ja/missing-apology'] }), source: 'managed' }]);
    expect(policy.locks.get('market')).toEqual({ packId: 'acme/lock', source: 'managed' });
    expect(policy.locks.get('rules.ja/missing-apology')).toEqual({ packId: 'acme/lock', source: 'managed' });
  });

  describe('a base keeps its own source’s strength and locks, whoever extends it (issue 14)', () => {
    const enterprise = pack({
      id: 'acme/enterprise',
      rules: { 'ja/missing-apology': 'block' },
      sendGuard: 'block',
      locked: ['sendGuard', 'rules.ja/missing-apology'],
    });
    // The reproduced attack: a file pack extends the enterprise pack, then overrides what it locked.
    const bypass = pack({
      id: 'me/bypass',
      extends: ['acme/enterprise'],
      rules: { 'ja/missing-apology': 'off' },
      markets: [{ id: 'jp', name: { en: 'Japan', ja: '日本' }, rules: { 'ja/missing-apology': 'off' } }],
      sendGuard: 'off',
      locked: ['market'],
    });

    it.each(['file', 'url'] as const)('a %s pack extending the enterprise pack cannot lower what it locked', (source) => {
      for (const order of [[bypass, enterprise], [enterprise, bypass]]) {
        const sourced = order.map((p): SourcedPack => ({ pack: p, source: p === enterprise ? 'managed' : source }));
        const policy = resolvePolicy([...builtinSourced(), ...sourced]);
        expect(policy.sendGuard).toEqual({ value: 'block', packId: 'acme/enterprise', source: 'managed' });
        expect(policy.markets.get('jp')!.rules.get('ja/missing-apology')).toMatchObject({ level: 'block', packId: 'acme/enterprise', source: 'managed' });
        expect(policy.locks.get('sendGuard')).toEqual({ packId: 'acme/enterprise', source: 'managed' });
        expect(policy.locks.get('rules.ja/missing-apology')).toEqual({ packId: 'acme/enterprise', source: 'managed' });
        // The extending pack's own lock is its own, at its own strength.
        expect(policy.locks.get('market')).toEqual({ packId: 'me/bypass', source });
        expect(policy.packs.map((p) => [p.id, p.source])).toEqual([
          ['tonebridge/jp', 'builtin'],
          ['tonebridge/us', 'builtin'],
          ['me/bypass', source],
          ['acme/enterprise', 'managed'],
        ]);
        expect(policy.ignored.map((i) => [i.packId, i.path, i.lockedBy.packId])).toEqual([
          ['me/bypass', 'rules.ja/missing-apology', 'acme/enterprise'],
          ['me/bypass', 'rules.ja/missing-apology', 'acme/enterprise'],
          ['me/bypass', 'sendGuard', 'acme/enterprise'],
        ]);
      }
    });

    it('a lock without a value keeps the built-in default against weaker packs', () => {
      const lockOnly = pack({ id: 'acme/lock-only', locked: ['sendGuard', 'rules.*', 'market'] });
      const file = pack({ id: 'me/file', sendGuard: 'off', rules: { 'ja/plain-ending': 'off' }, defaultMarket: 'us' });
      const policy = resolvePolicy([...builtinSourced(), { pack: file, source: 'file' }, { pack: lockOnly, source: 'managed' }]);
      expect(policy.sendGuard).toMatchObject({ value: 'warn', source: 'builtin' });
      expect(policy.markets.get('jp')!.rules.get('ja/plain-ending')).toMatchObject({ source: 'builtin' });
      expect(policy.markets.get('jp')!.rules.get('ja/plain-ending')!.level).not.toBe('off');
      expect(policy.defaultMarket).toBeUndefined();
      expect(policy.ignored.map((i) => i.path).sort()).toEqual(['market', 'rules.ja/plain-ending', 'sendGuard']);
    });

    it('the locking pack’s own bases and stronger packs may still set a locked value', () => {
      const base = pack({ id: 'acme/base', sendGuard: 'block' });
      const top = pack({ id: 'acme/top', extends: ['acme/base'], locked: ['sendGuard'] });
      const policy = resolvePolicy([...builtinSourced(), { pack: base, source: 'url' }, { pack: top, source: 'managed' }]);
      expect(policy.sendGuard).toEqual({ value: 'block', packId: 'acme/base', source: 'url' });
      expect(policy.ignored).toEqual([]);
      const fileLock = pack({ id: 'me/lock', locked: ['sendGuard'], sendGuard: 'off' });
      const stronger = pack({ id: 'acme/url', sendGuard: 'warn' });
      const both = resolvePolicy([...builtinSourced(), { pack: fileLock, source: 'file' }, { pack: stronger, source: 'url' }]);
      expect(both.sendGuard).toEqual({ value: 'warn', packId: 'acme/url', source: 'url' });
    });

    it('still reports a cycle that crosses sources', () => {
      const a = pack({ id: 'a/x', extends: ['a/y'] });
      const b = pack({ id: 'a/y', extends: ['a/x'] });
      expect(() => resolvePolicy([{ pack: a, source: 'file' }, { pack: b, source: 'managed' }])).toThrow(/extends cycle/);
    });
  });

  it('scopes phrase rules to their markets, including markets that extend them', () => {
    const rule = { id: 'acme/no-asap', type: 'forbid' as const, phrases: ['ASAP'], markets: ['jp'], message: { en: 'x', ja: 'x' }, examples: { match: ['ASAP'], noMatch: ['soon'] } };
    const policy = resolvePolicy([
      ...builtinSourced(),
      { pack: pack({ id: 'acme/p', phrases: [rule], markets: [{ id: 'jp2', name: { en: 'J', ja: 'J' }, extends: 'jp' }] }), source: 'file' },
    ]);
    expect(policy.markets.get('jp')!.phrases.map((p) => p.id)).toEqual(['acme/no-asap']);
    expect(policy.markets.get('jp2')!.phrases.map((p) => p.id)).toEqual(['acme/no-asap']);
    expect(policy.markets.get('us')!.phrases).toEqual([]);
  });

  it.each([
    [[pack({ id: 'a/x', extends: ['a/y'] }), pack({ id: 'a/y', extends: ['a/x'] })], /extends cycle/],
    [[pack({ id: 'a/x', extends: ['a/missing'] })], /extends "a\/missing", which is not loaded/],
    [[pack({ id: 'a/x', markets: [{ id: 'm', name: { en: 'm', ja: 'm' }, extends: 'nowhere' }] })], /extends unknown market "nowhere"/],
  ])('rejects a broken set with the reason (%#)', (packs, reason) => {
    expect(() => resolvePolicy(packs.map((p) => ({ pack: p, source: 'file' as const })))).toThrow(PolicyResolutionError);
    expect(() => resolvePolicy(packs.map((p) => ({ pack: p, source: 'file' as const })))).toThrow(reason);
  });
});
