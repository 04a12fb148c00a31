import { beforeEach, describe, expect, it } from 'vitest';
import { BuiltinSource } from '../../../lib/policy/sources/builtin';
import { FILE_STORAGE_KEY, FileSource } from '../../../lib/policy/sources/file';
import { PolicyStore } from '../../../lib/policy/store';
import { MemoryArea, pack } from './fakes';

let store: PolicyStore;
let storage: MemoryArea;
let clock: number;

beforeEach(() => {
  clock = 100;
  store = new PolicyStore({ now: () => clock });
  new BuiltinSource(store).load();
  storage = new MemoryArea();
});

const source = () => new FileSource({ sink: store, storage, now: () => clock });
const text = (over: Parameters<typeof pack>[0]) => JSON.stringify(pack(over), null, 2);

describe('FileSource', () => {
  it('imports a pack, applies it and keeps it for the next start', async () => {
    const src = source();
    const result = await src.import(text({ id: 'me/quiet', sendGuard: 'warn' }), 'quiet.json');
    expect(result).toMatchObject({ ok: true, changed: true, slot: 'file:me/quiet' });
    expect(store.policy().sendGuard).toEqual({ value: 'warn', packId: 'me/quiet', source: 'file' });
    expect(src.fileName('me/quiet')).toBe('quiet.json');
    expect(Object.keys(storage.data.get(FILE_STORAGE_KEY) as object)).toEqual(['me/quiet']);

    store = new PolicyStore({ now: () => clock });
    new BuiltinSource(store).load();
    const restarted = source();
    expect((await restarted.restore()).map((r) => r.ok)).toEqual([true]);
    expect(store.policy().sendGuard.value).toBe('warn');
    expect(restarted.status()).toMatchObject([{ slot: 'file:me/quiet', id: 'me/quiet', active: true, since: 100 }]);
    expect(restarted.fileName('me/quiet')).toBe('quiet.json');
  });

  it('rejects a bad new version with its reason while the previous one keeps working', async () => {
    const src = source();
    await src.import(text({ id: 'me/quiet', sendGuard: 'warn' }));
    clock = 200;
    const bad = await src.import(text({ id: 'me/quiet', version: 'two', sendGuard: 'block' }));
    expect(bad).toMatchObject({
      ok: false,
      slot: 'file:me/quiet',
      kept: { id: 'me/quiet', version: '1.0.0' },
      failure: { kind: 'validation', at: 200, issues: [{ path: 'version', message: expect.stringContaining('is not a version') }] },
    });
    expect(store.policy().sendGuard.value).toBe('warn');
    expect(src.status()).toMatchObject([{ version: '1.0.0', active: true, error: { kind: 'validation' } }]);
    // What is kept for the next start is still the good version.
    expect((storage.data.get(FILE_STORAGE_KEY) as Record<string, { text: string }>)['me/quiet']!.text).toContain('"1.0.0"');
  });

  it('reports a file that is not JSON without creating a slot', async () => {
    const result = await source().import('this is not a pack', 'notes.txt');
    expect(result).toMatchObject({ ok: false, failure: { kind: 'validation', issues: [{ path: '', message: expect.stringMatching(/^not JSON/) }] } });
    expect(result.slot).toBeUndefined();
    expect(store.status('file')).toEqual([]);
  });

  it('refuses an import that would make an extends cycle', async () => {
    const src = source();
    await src.import(text({ id: 'me/a' }));
    await src.import(text({ id: 'me/b', extends: ['me/a'] }));
    const result = await src.import(text({ id: 'me/a', version: '2.0.0', extends: ['me/b'] }));
    expect(result).toMatchObject({ ok: false, failure: { kind: 'resolution', issues: [{ path: 'extends', message: expect.stringMatching(/^extends cycle/) }] } });
    expect(store.get('file:me/a')).toMatchObject({ version: '1.0.0', active: true });
  });

  it('cannot take over a pack id that a stronger source delivers', async () => {
    store.apply('managed:inline/0', pack({ id: 'acme/policy', sendGuard: 'block' }));
    const result = await source().import(text({ id: 'acme/policy', sendGuard: 'off' }));
    expect(result).toMatchObject({ ok: false, failure: { kind: 'duplicate' } });
    expect(store.policy().sendGuard.value).toBe('block');
  });

  it('removes an imported pack and forgets it', async () => {
    const src = source();
    await src.import(text({ id: 'me/quiet', sendGuard: 'warn' }));
    expect(await src.remove('me/quiet')).toBe(true);
    expect(store.policy().sendGuard).toMatchObject({ value: 'warn', source: 'builtin' }); // back to the built-in packs' default
    expect(storage.data.get(FILE_STORAGE_KEY)).toEqual({});
    expect(await src.remove('me/quiet')).toBe(false);
  });

  it('ignores malformed stored entries', async () => {
    storage.data.set(FILE_STORAGE_KEY, { 'me/x': { text: 42 }, 'me/y': null, 'me/z': { text: text({ id: 'me/z' }), importedAt: 5 } });
    expect((await source().restore()).length).toBe(1);
    expect(store.get('file:me/z')).toMatchObject({ active: true, since: 5 });
  });
});
