import { beforeEach, describe, expect, it } from 'vitest';
import type { KeyPair } from '../../../lib/policy/signature';
import { BuiltinSource } from '../../../lib/policy/sources/builtin';
import { UrlSource } from '../../../lib/policy/sources/url';
import { PolicyStore } from '../../../lib/policy/store';
import { FakeServer, ManualScheduler, MemoryArea, generateKeyPair, pack } from './fakes';

const URL_A = 'https://policy.acme.example/packs/support.json';
const SLOT_A = `url:${URL_A}`;

let keys: KeyPair;
let server: FakeServer;
let store: PolicyStore;
let clock: number;

function source(over: Partial<ConstructorParameters<typeof UrlSource>[0]> = {}) {
  return new UrlSource({ sink: store, fetch: server.fetch, now: () => clock, ...over });
}

beforeEach(async () => {
  keys ??= await generateKeyPair();
  server = new FakeServer();
  clock = 1_000;
  store = new PolicyStore({ now: () => clock });
  new BuiltinSource(store).load();
});

const v1 = pack({ id: 'acme/support', version: '1.0.0', extends: ['tonebridge/jp'], sendGuard: 'warn' });
const v2 = pack({ id: 'acme/support', version: '2.0.0', extends: ['tonebridge/jp'], sendGuard: 'block' });

describe('UrlSource', () => {
  it('fetches a signed pack, verifies it and applies it', async () => {
    await server.publish(URL_A, v1, keys);
    const src = source();
    expect(await src.subscribe({ url: URL_A, publicKey: keys.publicKey })).toEqual({ status: 'updated', slot: SLOT_A });
    expect(store.policy().sendGuard).toEqual({ value: 'warn', packId: 'acme/support', source: 'url' });
    expect(src.status()).toEqual([
      { slot: SLOT_A, source: 'url', url: URL_A, id: 'acme/support', name: 'acme/support', version: '1.0.0', active: true, lastUpdate: 1000, since: 1000 },
    ]);
    expect(src.packs().map((p) => p.pack.id)).toEqual(['acme/support']);
    expect(server.requests.map((r) => r.url)).toEqual([URL_A, `${URL_A}.sig`]);
  });

  it.each([
    ['http://policy.acme.example/p.json', /only https:\/\/ pack URLs are allowed \(got http:\/\/\)/],
    ['ftp://policy.acme.example/p.json', /only https:\/\/ pack URLs are allowed \(got ftp:\/\/\)/],
    ['not a url', /is not a URL/],
    ['https://user:pw@policy.acme.example/p.json', /must not contain a user name or password/],
  ])('refuses %s without fetching it', async (url, reason) => {
    const outcome = await source().subscribe({ url, publicKey: keys.publicKey });
    expect(outcome).toMatchObject({ status: 'failed', kind: 'insecure-url', issues: [{ path: 'url', message: expect.stringMatching(reason) }] });
    expect(server.requests).toEqual([]);
  });

  it('records an http URL given by policy as a refused slot', async () => {
    const src = source({ source: 'managed' });
    const [outcome] = await src.setSubscriptions([{ url: 'http://policy.acme.example/p.json', publicKey: keys.publicKey }]);
    expect(outcome).toMatchObject({ status: 'failed', kind: 'insecure-url' });
    expect(store.get('managed:url/http://policy.acme.example/p.json')).toMatchObject({
      active: false,
      error: { kind: 'insecure-url', issues: [{ path: 'url', message: expect.stringContaining('only https://') }] },
    });
    expect(server.requests).toEqual([]);
  });

  it('refuses a malformed public key', async () => {
    expect(await source().subscribe({ url: URL_A, publicKey: 'abc' })).toMatchObject({
      status: 'failed',
      kind: 'signature',
      issues: [{ path: 'publicKey', message: 'public key is not base64' }],
    });
  });

  it('keeps the previous pack when a new version has a bad signature, and records why', async () => {
    await server.publish(URL_A, v1, keys);
    const src = source();
    await src.subscribe({ url: URL_A, publicKey: keys.publicKey });
    clock = 2_000;
    // Tampered: the pack changed but the signature is still v1's.
    await server.publish(URL_A, v2, keys, { signWith: new TextEncoder().encode(`${JSON.stringify(v1, null, 2)}\n`) });
    expect(await src.refresh(URL_A)).toMatchObject({ status: 'failed', kind: 'signature', issues: [{ message: 'the signature does not match this pack and public key' }] });
    expect(store.policy().sendGuard.value).toBe('warn');
    expect(store.get(SLOT_A)).toMatchObject({ version: '1.0.0', active: true, error: { kind: 'signature', at: 2_000 } });
  });

  it('refuses a pack signed by another key', async () => {
    const other = await generateKeyPair();
    await server.publish(URL_A, v1, other);
    expect(await source().subscribe({ url: URL_A, publicKey: keys.publicKey })).toMatchObject({ status: 'failed', kind: 'signature' });
    expect(store.get(SLOT_A)).toMatchObject({ active: false, error: { kind: 'signature' } });
    expect(store.get(SLOT_A)!.id).toBeUndefined();
  });

  it('refuses a pack without a signature file', async () => {
    await server.publish(URL_A, v1, keys, { signature: null });
    expect(await source().subscribe({ url: URL_A, publicKey: keys.publicKey })).toMatchObject({
      status: 'failed',
      kind: 'signature',
      issues: [{ message: `no signature: the server answered HTTP 404 for ${URL_A}.sig` }],
    });
  });

  it('keeps the previous pack when a correctly signed new version is malformed', async () => {
    await server.publish(URL_A, v1, keys);
    const src = source();
    await src.subscribe({ url: URL_A, publicKey: keys.publicKey });
    await server.publish(URL_A, { ...v2, phrases: [{ id: 'acme/x', type: 'forbid', phrases: [] }] } as never, keys);
    const outcome = await src.refresh(URL_A);
    expect(outcome).toMatchObject({ status: 'failed', kind: 'validation' });
    expect(outcome.status === 'failed' && outcome.issues.map((i) => i.path)).toContain('phrases[0].phrases');
    expect(store.get(SLOT_A)).toMatchObject({ version: '1.0.0', active: true });
  });

  it('keeps the previous pack when a new version would make an extends cycle', async () => {
    const URL_B = 'https://policy.acme.example/packs/base.json';
    await server.publish(URL_B, pack({ id: 'acme/base' }), keys);
    await server.publish(URL_A, { ...v1, extends: ['acme/base'] }, keys);
    const src = source();
    await src.setSubscriptions([
      { url: URL_B, publicKey: keys.publicKey },
      { url: URL_A, publicKey: keys.publicKey },
    ]);
    expect(store.get(SLOT_A)).toMatchObject({ active: true });
    await server.publish(URL_B, pack({ id: 'acme/base', version: '2.0.0', extends: ['acme/support'] }), keys);
    expect(await src.refresh(URL_B)).toMatchObject({ status: 'failed', kind: 'resolution', issues: [{ path: 'extends', message: expect.stringMatching(/^extends cycle/) }] });
    expect(store.get(`url:${URL_B}`)).toMatchObject({ version: '1.0.0', active: true });
    expect(store.policy().sendGuard.value).toBe('warn');
  });

  it('asks with If-None-Match and keeps the pack on 304, without fetching the signature again', async () => {
    await server.publish(URL_A, v1, keys);
    const src = source();
    await src.subscribe({ url: URL_A, publicKey: keys.publicKey });
    const before = store.policy();
    clock = 5_000;
    expect(await src.refresh(URL_A)).toEqual({ status: 'not-modified', slot: SLOT_A });
    expect(server.requestsTo(URL_A).map((r) => r.headers['If-None-Match'])).toEqual([undefined, '"v1"']);
    expect(server.requestsTo(`${URL_A}.sig`)).toHaveLength(1);
    expect(store.policy()).toBe(before);
    expect(store.get(SLOT_A)).toMatchObject({ version: '1.0.0', lastUpdate: 5_000, since: 1_000 });
  });

  it('takes the new version when the ETag changes', async () => {
    await server.publish(URL_A, v1, keys);
    const src = source();
    await src.subscribe({ url: URL_A, publicKey: keys.publicKey });
    await server.publish(URL_A, v2, keys);
    expect(await src.refresh(URL_A)).toEqual({ status: 'updated', slot: SLOT_A });
    expect(store.policy().sendGuard.value).toBe('block');
    expect(await src.refresh(URL_A)).toEqual({ status: 'not-modified', slot: SLOT_A });
  });

  it('does not keep an ETag for a rejected version, so the error is reported again next time', async () => {
    await server.publish(URL_A, v1, keys);
    const src = source();
    await src.subscribe({ url: URL_A, publicKey: keys.publicKey });
    await server.publish(URL_A, '{ broken', keys);
    expect((await src.refresh(URL_A)).status).toBe('failed');
    expect((await src.refresh(URL_A)).status).toBe('failed');
    expect(server.requestsTo(URL_A).map((r) => r.headers['If-None-Match'])).toEqual([undefined, '"v1"', '"v1"']);
  });

  it('records network failures and HTTP errors, keeping the pack', async () => {
    await server.publish(URL_A, v1, keys);
    const src = source();
    await src.subscribe({ url: URL_A, publicKey: keys.publicKey });
    server.offline = true;
    expect(await src.refresh(URL_A)).toMatchObject({ status: 'failed', kind: 'fetch', issues: [{ message: `cannot fetch ${URL_A}: Failed to fetch` }] });
    server.offline = false;
    server.routes.set(URL_A, { status: 503 });
    expect(await src.refresh(URL_A)).toMatchObject({ status: 'failed', kind: 'fetch', issues: [{ message: `the server answered HTTP 503 for ${URL_A}` }] });
    expect(store.get(SLOT_A)).toMatchObject({ active: true, version: '1.0.0', error: { kind: 'fetch' } });
  });

  it('refuses a redirect away from https', async () => {
    await server.publish(URL_A, v1, keys);
    server.routes.get(URL_A)!.redirectedTo = 'http://mirror.example/support.json';
    expect(await source().subscribe({ url: URL_A, publicKey: keys.publicKey })).toMatchObject({
      status: 'failed',
      kind: 'insecure-url',
      issues: [{ message: expect.stringContaining('redirected to http://mirror.example/support.json') }],
    });
  });

  it('refuses a download whose Content-Length is over the size limit without reading it', async () => {
    const bytes = await server.publish(URL_A, { ...v1, description: 'x'.repeat(3000) }, keys);
    server.routes.get(URL_A)!.headers!['Content-Length'] = String(bytes.length);
    expect(await source({ maxBytes: 2048 }).subscribe({ url: URL_A, publicKey: keys.publicKey })).toMatchObject({
      status: 'failed',
      kind: 'validation',
      issues: [{ message: expect.stringMatching(/^the pack is \d+ bytes; the limit is 2048$/) }],
    });
    expect(server.requestsTo(`${URL_A}.sig`)).toEqual([]);
  });

  it('stops reading a body without Content-Length once it passes the limit', async () => {
    // An endless body: each pull yields 64 KiB. Buffering it would never end; the source must cancel it.
    let pulls = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
      cancel() {
        cancelled = true;
      },
    });
    const fetch: typeof server.fetch = async (url, init) => (url === URL_A ? new Response(endless, { status: 200 }) : server.fetch(url, init));
    expect(await source({ fetch }).subscribe({ url: URL_A, publicKey: keys.publicKey })).toMatchObject({
      status: 'failed',
      kind: 'validation',
      issues: [{ message: expect.stringMatching(/^the pack is more than 262144 bytes \(stopped reading at \d+\); the limit is 262144$/) }],
    });
    expect(pulls).toBeLessThanOrEqual(262144 / 65536 + 3);
    expect(cancelled).toBe(true);
    expect(server.requestsTo(`${URL_A}.sig`)).toEqual([]);
  });

  it('refuses bytes that are not UTF-8 even when signed', async () => {
    const bytes = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    const { signPack } = await import('../../../lib/policy/signature');
    server.routes.set(URL_A, { status: 200, body: bytes });
    server.routes.set(`${URL_A}.sig`, { status: 200, body: new TextEncoder().encode(await signPack(bytes, 'acme/support', keys.secretKey)) });
    expect(await source().subscribe({ url: URL_A, publicKey: keys.publicKey })).toMatchObject({
      status: 'failed',
      kind: 'validation',
      issues: [{ message: expect.stringMatching(/^the pack is not valid UTF-8 text/) }],
    });
  });

  describe('signatures bound to the pack id', () => {
    it('refuses a signature made for another pack id', async () => {
      await server.publish(URL_A, v1, keys, { signAs: 'acme/other' });
      expect(await source().subscribe({ url: URL_A, publicKey: keys.publicKey })).toMatchObject({
        status: 'failed',
        kind: 'signature',
        issues: [{ message: 'the signature is for pack "acme/other", but this pack\'s id is "acme/support"' }],
      });
    });

    it('refuses a .sig naming the right id over a payload signed for another id', async () => {
      const { signBytes, signedPayload, SIGNATURE_FORMAT } = await import('../../../lib/policy/signature');
      const bytes = await server.publish(URL_A, v1, keys);
      const forged = await signBytes(signedPayload('acme/other', bytes), keys.secretKey);
      server.routes.set(`${URL_A}.sig`, { status: 200, body: new TextEncoder().encode(`${SIGNATURE_FORMAT} acme/support ${forged}\n`) });
      expect(await source().subscribe({ url: URL_A, publicKey: keys.publicKey })).toMatchObject({
        status: 'failed',
        kind: 'signature',
        issues: [{ message: 'the signature does not match this pack and public key' }],
      });
    });

    it('refuses a signature in the old format (the bytes alone), asking to sign again', async () => {
      const { signBytes } = await import('../../../lib/policy/signature');
      const bytes = await server.publish(URL_A, v1, keys);
      server.routes.set(`${URL_A}.sig`, { status: 200, body: new TextEncoder().encode(`${await signBytes(bytes, keys.secretKey)}\n`) });
      expect(await source().subscribe({ url: URL_A, publicKey: keys.publicKey })).toMatchObject({
        status: 'failed',
        kind: 'signature',
        issues: [{ message: expect.stringMatching(/old format .* sign the pack again with `tonebridge pack sign`/) }],
      });
    });

    it('refuses another signed pack id at a URL that delivered one, until it is subscribed again', async () => {
      await server.publish(URL_A, v1, keys);
      const src = source();
      await src.subscribe({ url: URL_A, publicKey: keys.publicKey });
      await server.publish(URL_A, pack({ id: 'acme/relaxed', version: '9.0.0', sendGuard: 'off' }), keys);
      expect(await src.refresh(URL_A)).toMatchObject({
        status: 'failed',
        kind: 'signature',
        issues: [{ message: expect.stringMatching(/delivered pack "acme\/support" and now serves "acme\/relaxed"/) }],
      });
      expect(store.get(SLOT_A)).toMatchObject({ id: 'acme/support', active: true });
      await src.unsubscribe(URL_A);
      expect(await src.subscribe({ url: URL_A, publicKey: keys.publicKey })).toMatchObject({ status: 'updated' });
      expect(store.get(SLOT_A)).toMatchObject({ id: 'acme/relaxed' });
    });
  });

  describe('rollback', () => {
    it('refuses a validly signed older version, keeping the newer one active', async () => {
      await server.publish(URL_A, v2, keys);
      const src = source();
      await src.subscribe({ url: URL_A, publicKey: keys.publicKey });
      await server.publish(URL_A, v1, keys);
      clock = 5_000;
      expect(await src.refresh(URL_A)).toMatchObject({
        status: 'failed',
        kind: 'rollback',
        issues: [{ message: expect.stringMatching(/^version 1\.0\.0 of "acme\/support" is older than version 2\.0\.0/) }],
      });
      expect(store.get(SLOT_A)).toMatchObject({ version: '2.0.0', active: true, error: { kind: 'rollback', at: 5_000 } });
      expect(store.policy().sendGuard.value).toBe('block');
      // The same version again, or a higher one, is fine.
      await server.publish(URL_A, { ...v2, version: '2.0.1' }, keys);
      expect(await src.refresh(URL_A)).toMatchObject({ status: 'updated' });
      expect(src.highestVersion('acme/support')).toBe('2.0.1');
    });

    it('remembers the highest version across restarts and unsubscribing', async () => {
      const storage = new MemoryArea();
      await server.publish(URL_A, v2, keys);
      const first = source({ storage, subscriptionsKey: 'subs' });
      await first.subscribe({ url: URL_A, publicKey: keys.publicKey });
      await first.unsubscribe(URL_A);
      expect(storage.data.get('tonebridge.policy.urlVersions.url')).toEqual({ 'acme/support': '2.0.0' });

      store = new PolicyStore({ now: () => clock });
      new BuiltinSource(store).load();
      await server.publish(URL_A, { ...v1, version: '1.9.9-rc.1' }, keys);
      const restarted = source({ storage, subscriptionsKey: 'subs' });
      expect(await restarted.subscribe({ url: URL_A, publicKey: keys.publicKey })).toMatchObject({ status: 'failed', kind: 'rollback' });
      expect(store.get(SLOT_A)!.id).toBeUndefined();
    });
  });

  describe('a server that hangs', () => {
    it('gives up on a request that never answers, and a later refresh of that URL goes through', async () => {
      await server.publish(URL_A, v1, keys);
      let hang = true;
      let signalled: AbortSignal | undefined;
      const fetch: typeof server.fetch = (url, init) => {
        if (hang && url === URL_A) {
          signalled = init?.signal;
          return new Promise<Response>(() => undefined); // ignores even the abort signal
        }
        return server.fetch(url, init);
      };
      const src = source({ fetch, timeoutMs: 50 });
      expect(await src.subscribe({ url: URL_A, publicKey: keys.publicKey })).toMatchObject({
        status: 'failed',
        kind: 'fetch',
        issues: [{ message: `no complete answer from ${URL_A} within 50 ms` }],
      });
      expect(signalled?.aborted).toBe(true);
      hang = false;
      expect(await src.refresh(URL_A)).toMatchObject({ status: 'updated' });
    });

    it('gives up on a body that stops half-way', async () => {
      await server.publish(URL_A, v1, keys);
      let stall = true;
      const fetch: typeof server.fetch = async (url, init) => {
        if (stall && url === URL_A) {
          const body = new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"schemaVersion": 1,'));
            },
          });
          return new Response(body, { status: 200 });
        }
        return server.fetch(url, init);
      };
      const src = source({ fetch, timeoutMs: 50 });
      expect(await src.subscribe({ url: URL_A, publicKey: keys.publicKey })).toMatchObject({ status: 'failed', kind: 'fetch' });
      stall = false;
      expect(await src.refresh(URL_A)).toMatchObject({ status: 'updated' });
    });
  });

  it('refreshes on schedule', async () => {
    await server.publish(URL_A, v1, keys);
    const scheduler = new ManualScheduler();
    const src = source({ scheduler, refreshMinutes: 30 });
    await src.setSubscriptions([{ url: URL_A, publicKey: keys.publicKey }]);
    await src.start();
    expect([...scheduler.tasks].map((t) => t.minutes)).toEqual([30]);
    await server.publish(URL_A, v2, keys);
    scheduler.tick();
    await new Promise((r) => setTimeout(r, 20));
    expect(store.policy().sendGuard.value).toBe('block');
    src.setRefreshMinutes(1); // clamped to 5
    expect([...scheduler.tasks].map((t) => t.minutes)).toEqual([5]);
    src.stop();
    expect(scheduler.tasks.size).toBe(0);
  });

  it('shares one request between concurrent refreshes of a URL', async () => {
    await server.publish(URL_A, v1, keys);
    const src = source();
    await src.setSubscriptions([{ url: URL_A, publicKey: keys.publicKey }]);
    server.requests.length = 0;
    await Promise.all([src.refresh(URL_A), src.refresh(URL_A), src.refresh(URL_A)]);
    expect(server.requestsTo(URL_A)).toHaveLength(1);
  });

  it('removes the pack when unsubscribed', async () => {
    await server.publish(URL_A, v1, keys);
    const src = source();
    await src.subscribe({ url: URL_A, publicKey: keys.publicKey });
    await src.unsubscribe(URL_A);
    expect(store.get(SLOT_A)).toBeUndefined();
    expect(store.policy().sendGuard).toMatchObject({ value: 'warn', source: 'builtin' }); // back to the built-in packs' default
  });

  describe('cache across restarts', () => {
    it('restores the last good pack offline and revalidates with its ETag', async () => {
      const storage = new MemoryArea();
      await server.publish(URL_A, v1, keys);
      await source({ storage, subscriptionsKey: 'subs' }).subscribe({ url: URL_A, publicKey: keys.publicKey });

      // A new service worker: fresh store, fresh source, network down.
      store = new PolicyStore({ now: () => clock });
      new BuiltinSource(store).load();
      server.offline = true;
      const restarted = source({ storage, subscriptionsKey: 'subs' });
      const [outcome] = await restarted.restore();
      expect(outcome).toMatchObject({ status: 'failed', kind: 'fetch' });
      expect(store.get(SLOT_A)).toMatchObject({ id: 'acme/support', version: '1.0.0', active: true });
      expect(store.policy().sendGuard.value).toBe('warn');

      server.offline = false;
      expect(await restarted.refresh(URL_A)).toEqual({ status: 'not-modified', slot: SLOT_A });
    });

    it('drops a cached pack that does not verify with a new public key', async () => {
      const storage = new MemoryArea();
      await server.publish(URL_A, v1, keys);
      const src = source({ storage });
      await src.setSubscriptions([{ url: URL_A, publicKey: keys.publicKey }]);
      const rotated = await generateKeyPair();
      server.offline = true;
      await src.setSubscriptions([{ url: URL_A, publicKey: rotated.publicKey }]);
      expect(store.get(SLOT_A)).toMatchObject({ active: false, error: { kind: 'fetch' } });
      expect(store.get(SLOT_A)!.id).toBeUndefined();
      expect(store.policy().sendGuard).toMatchObject({ value: 'warn', source: 'builtin' }); // back to the built-in packs' default
    });

    it('ignores a tampered cache', async () => {
      const storage = new MemoryArea();
      await server.publish(URL_A, v1, keys);
      await source({ storage }).setSubscriptions([{ url: URL_A, publicKey: keys.publicKey }]);
      const cache = storage.data.get('tonebridge.policy.urlCache.url') as Record<string, { bytes: string }>;
      cache[URL_A]!.bytes = btoa(JSON.stringify({ ...v1, sendGuard: 'off' }));
      store = new PolicyStore({ now: () => clock });
      new BuiltinSource(store).load();
      server.offline = true;
      await source({ storage }).setSubscriptions([{ url: URL_A, publicKey: keys.publicKey }]);
      expect(store.get(SLOT_A)!.id).toBeUndefined();
    });
  });
});
