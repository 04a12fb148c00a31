import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPackCommand, signFile, verifyFile, type PackSignIo } from '../../lib/cli/pack-sign';
import {
  decodeBase64,
  encodeBase64,
  generateKeyPair,
  publicKeyOf,
  signBytes,
  signatureUrl,
  signedPayload,
  parseSignatureFile,
  signPack,
  verifyBytes,
  verifyPack,
} from '../../lib/policy/signature';

const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
const utf8 = (s: string) => new TextEncoder().encode(s);

// RFC 8032 §7.1, TEST 2 (one-byte message 0x72).
const RFC = {
  secret: encodeBase64(hex('4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb')),
  public: encodeBase64(hex('3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c')),
  message: hex('72'),
  signature: encodeBase64(
    hex(
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
    ),
  ),
};

describe('Ed25519 pack signatures', () => {
  it('matches the RFC 8032 test vector', async () => {
    expect(await publicKeyOf(RFC.secret)).toBe(RFC.public);
    expect(await signBytes(RFC.message, RFC.secret)).toBe(RFC.signature);
    expect(await verifyBytes(RFC.message, RFC.signature, RFC.public)).toEqual({ ok: true });
  });

  it('signs and verifies the exact bytes of a pack with a fresh key pair', async () => {
    const keys = await generateKeyPair();
    expect(decodeBase64(keys.publicKey, 'k')).toHaveLength(32);
    expect(decodeBase64(keys.secretKey, 'k')).toHaveLength(32);
    expect(await publicKeyOf(keys.secretKey)).toBe(keys.publicKey);
    const bytes = utf8('{"schemaVersion":1,"id":"acme/support","name":"Acme","version":"1.0.0"}\n');
    const sig = await signBytes(bytes, keys.secretKey);
    // A .sig file usually ends with a newline.
    expect(await verifyBytes(bytes, `${sig}\n`, keys.publicKey)).toEqual({ ok: true });
  });

  it('rejects a pack changed by one byte, even whitespace', async () => {
    const keys = await generateKeyPair();
    const bytes = utf8('{"id":"acme/support","sendGuard":"block"}');
    const sig = await signBytes(bytes, keys.secretKey);
    const tampered = utf8('{"id":"acme/support","sendGuard":"off"}');
    const reformatted = utf8('{"id":"acme/support", "sendGuard":"block"}');
    for (const other of [tampered, reformatted]) {
      expect(await verifyBytes(other, sig, keys.publicKey)).toEqual({
        ok: false,
        reason: 'the signature does not match this pack and public key',
      });
    }
  });

  it('rejects a signature made with another key', async () => {
    const a = await generateKeyPair();
    const b = await generateKeyPair();
    const bytes = utf8('pack');
    expect((await verifyBytes(bytes, await signBytes(bytes, a.secretKey), b.publicKey)).ok).toBe(false);
  });

  it.each([
    ['not base64!', RFC.public, /signature is not base64/],
    [RFC.signature.slice(0, 40), RFC.public, /signature is not base64|signature must be 64 bytes/],
    [encodeBase64(new Uint8Array(63)), RFC.public, /signature must be 64 bytes \(got 63\)/],
    ['', RFC.public, /signature is empty/],
    [RFC.signature, 'AAAA', /public key must be 32 bytes \(got 3\)/],
    [RFC.signature, 'zz zz', /public key is not base64/],
  ])('turns a malformed signature or key into a failed verification with the reason (%#)', async (sig, key, reason) => {
    const result = await verifyBytes(RFC.message, sig, key);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('rejects a small-order public key (strict RFC 8032, not ZIP-215)', async () => {
    // The identity point (y = 1): with ZIP-215 a crafted signature verifies for every message.
    const identity = new Uint8Array(32);
    identity[0] = 1;
    const sig = new Uint8Array(64);
    sig[0] = 1; // R = identity, S = 0
    expect((await verifyBytes(utf8('anything'), encodeBase64(sig), encodeBase64(identity))).ok).toBe(false);
  });

  it('puts the signature beside the pack', () => {
    expect(signatureUrl('https://policy.acme.example/packs/support.json')).toBe('https://policy.acme.example/packs/support.json.sig');
    expect(signatureUrl('https://policy.acme.example/p.json?v=2#x')).toBe('https://policy.acme.example/p.json.sig?v=2');
  });
});

describe('pack signatures (format 2: the id and the exact bytes)', () => {
  it('signs a payload of the format line, the id and the bytes, and verifies only that pairing', async () => {
    const keys = await generateKeyPair();
    const bytes = utf8('{"id":"acme/a"}');
    expect(new TextDecoder().decode(signedPayload('acme/a', bytes))).toBe('tonebridge-pack-signature/2\nacme/a\n{"id":"acme/a"}');
    const line = await signPack(bytes, 'acme/a', keys.secretKey);
    expect(parseSignatureFile(`${line}\n`)).toEqual({ ok: true, packId: 'acme/a', signature: line.split(' ')[2] });
    expect(await verifyPack(bytes, 'acme/a', line, keys.publicKey)).toEqual({ ok: true });
    expect(await verifyPack(utf8('{"id":"acme/a" }'), 'acme/a', line, keys.publicKey)).toMatchObject({ ok: false });
    expect(await verifyPack(bytes, 'acme/b', line, keys.publicKey)).toEqual({ ok: false, reason: 'the signature is for pack "acme/a", but this pack\'s id is "acme/b"' });
  });

  it.each([
    ['', /is one line/],
    ['tonebridge-pack-signature/2 acme/a', /is one line/],
    ['tonebridge-pack-signature/3 acme/a AAAA', /is one line/],
    ['AAAA', /old format/],
  ])('refuses the signature file %j with a reason', (text, reason) => {
    expect(parseSignatureFile(text)).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });
});

describe('tonebridge pack keygen | sign | verify', () => {
  const example = readFileSync(new URL('../../examples/packs/acme-support.json', import.meta.url), 'utf8');

  function memoryIo(files: Record<string, string | Uint8Array> = {}) {
    const fs = new Map<string, string | Uint8Array>(Object.entries(files));
    const out: string[] = [];
    const err: string[] = [];
    const modes = new Map<string, number | undefined>();
    const io: PackSignIo = {
      stdout: (t) => void out.push(t),
      stderr: (t) => void err.push(t),
      readFile: async (p) => {
        const v = fs.get(p);
        if (v === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
        return typeof v === 'string' ? v : new TextDecoder().decode(v);
      },
      readBytes: async (p) => {
        const v = fs.get(p);
        if (v === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
        return typeof v === 'string' ? new TextEncoder().encode(v) : v;
      },
      writeFile: async (p, c, o) => {
        fs.set(p, c);
        modes.set(p, o?.mode);
      },
    };
    return { io, fs, modes, out: () => out.join(''), err: () => err.join('') };
  }

  it('runs the whole workflow: keygen, sign the example pack, verify', async () => {
    const m = memoryIo({ 'acme-support.json': example });
    expect(await runPackCommand(['keygen', '--out', 'acme'], m.io)).toBe(0);
    const publicKey = (m.fs.get('acme.pub') as string).trim();
    expect(await publicKeyOf((m.fs.get('acme.key') as string).trim())).toBe(publicKey);
    expect(m.modes.get('acme.key')).toBe(0o600);
    expect(m.out()).toContain(publicKey);

    expect(await runPackCommand(['sign', 'acme-support.json', '--key', 'acme.key'], m.io)).toBe(0);
    const sig = m.fs.get('acme-support.json.sig') as string;
    // Format 2: one line naming the pack id, the signature over the id and the exact bytes.
    expect(sig).toMatch(/^tonebridge-pack-signature\/2 acme\/support-jp [A-Z0-9+/]{86}==\n$/i);
    const base64 = sig.trim().split(' ')[2]!;
    expect(await verifyBytes(signedPayload('acme/support-jp', new TextEncoder().encode(example)), base64, publicKey)).toEqual({ ok: true });
    expect((await verifyBytes(new TextEncoder().encode(example), base64, publicKey)).ok).toBe(false);

    expect(await runPackCommand(['verify', 'acme-support.json', '--public-key', 'acme.pub'], m.io)).toBe(0);
    expect(await runPackCommand(['verify', 'acme-support.json', '--public-key', publicKey], m.io)).toBe(0);
    expect(m.out()).toContain('acme-support.json: signature ok');
  });

  it('prints a key pair as JSON without --out', async () => {
    const m = memoryIo();
    expect(await runPackCommand(['keygen'], m.io)).toBe(0);
    const keys = JSON.parse(m.out()) as { publicKey: string; secretKey: string };
    expect(await publicKeyOf(keys.secretKey)).toBe(keys.publicKey);
  });

  it('exits 1 when the pack changed after signing, or another key signed it', async () => {
    const m = memoryIo({ 'p.json': example });
    await runPackCommand(['keygen', '--out', 'k'], m.io);
    await runPackCommand(['sign', 'p.json', '--key', 'k.key'], m.io);
    m.fs.set('p.json', example.replace('"sendGuard": "warn"', '"sendGuard": "off"'));
    expect(await runPackCommand(['verify', 'p.json', '--public-key', 'k.pub'], m.io)).toBe(1);
    expect(m.err()).toContain('p.json: signature NOT valid: the signature does not match this pack and public key');

    m.fs.set('p.json', example);
    const other = await generateKeyPair();
    expect(await runPackCommand(['verify', 'p.json', '--public-key', other.publicKey], m.io)).toBe(1);
    expect(await verifyFile('p.json', 'k.pub', m.io)).toEqual({ ok: true });
  });

  it.each([
    [['keygen', 'extra'], /pack keygen takes no FILE/],
    [['sign', 'p.json'], /pack sign needs one PACK and --key/],
    [['verify', 'p.json'], /pack verify needs one PACK and --public-key/],
    [['verify', 'p.json', '--public-key', 'nope.pub'], /cannot read public key nope.pub \(ENOENT\)/],
    [['sign', 'missing.json', '--key', 'k.key'], /cannot read pack missing.json \(ENOENT\)/],
    [['sign', 'p.json', '--key', 'bad.key'], /bad.key: secret key must be 32 bytes/],
    [['sign', 'broken.json', '--key', 'k.key'], /refusing to sign an invalid pack\nbroken.json: sendGuard: /],
    [['verify', 'p.json', '--public-key', 'k.pub', '--sig', 'none.sig'], /cannot read signature none.sig/],
    [['frobnicate'], /unknown pack command "frobnicate"/],
    [['sign', 'p.json', '--key', 'k.key', '--bogus'], /unknown option --bogus/],
  ])('exits 2 on bad usage or input: %j', async (args, message) => {
    const keys = await generateKeyPair();
    const m = memoryIo({
      'p.json': example,
      'k.key': `${keys.secretKey}\n`,
      'k.pub': `${keys.publicKey}\n`,
      'bad.key': 'AAAA\n',
      'broken.json': JSON.stringify({ schemaVersion: 1, id: 'a/b', name: 'x', version: '1.0.0', sendGuard: 'loud' }),
    });
    expect(await runPackCommand(args, m.io)).toBe(2);
    expect(m.err()).toMatch(message);
    expect(m.fs.has('p.json.sig')).toBe(false);
  });

  it('binds the pack id: a .sig for another pack, or in the old format, does not verify', async () => {
    const keys = await generateKeyPair();
    const m = memoryIo({ 'p.json': example, 'k.key': keys.secretKey });
    await signFile('p.json', 'k.key', m.io);
    const line = (m.fs.get('p.json.sig') as string).trim();
    m.fs.set('other.sig', line.replace('acme/support-jp', 'acme/other'));
    expect(await verifyFile('p.json', keys.publicKey, m.io, 'other.sig')).toEqual({
      ok: false,
      reason: 'the signature is for pack "acme/other", but this pack\'s id is "acme/support-jp"',
    });
    // The same pack under another id: the bytes are otherwise the same, the signature is not.
    m.fs.set('renamed.json', example.replace('"id": "acme/support-jp"', '"id": "acme/other"'));
    m.fs.set('renamed.json.sig', line.replace('acme/support-jp', 'acme/other'));
    expect(await verifyFile('renamed.json', keys.publicKey, m.io)).toEqual({ ok: false, reason: 'the signature does not match this pack and public key' });
    m.fs.set('old.sig', `${await signBytes(new TextEncoder().encode(example), keys.secretKey)}\n`);
    expect(await verifyFile('p.json', keys.publicKey, m.io, 'old.sig')).toMatchObject({ ok: false, reason: expect.stringMatching(/old format/) });
  });

  it('refuses to sign a pack that is not UTF-8 or repeats a key', async () => {
    const keys = await generateKeyPair();
    const latin1 = new Uint8Array([...new TextEncoder().encode(example.slice(0, -3)), 0xe9, ...new TextEncoder().encode(example.slice(-3))]);
    const m = memoryIo({ 'l.json': latin1, 'd.json': example.replace('"sendGuard": "warn"', '"sendGuard": "block", "sendGuard": "warn"'), 'k.key': keys.secretKey });
    expect(await runPackCommand(['sign', 'l.json', '--key', 'k.key'], m.io)).toBe(2);
    expect(m.err()).toMatch(/l\.json: \(pack\): the pack is not valid UTF-8 text/);
    expect(await runPackCommand(['sign', 'd.json', '--key', 'k.key'], m.io)).toBe(2);
    expect(m.err()).toMatch(/d\.json: sendGuard: the key "sendGuard" appears twice in one object/);
    expect(m.fs.has('l.json.sig') || m.fs.has('d.json.sig')).toBe(false);
  });

  it('refuses to overwrite keys without --force', async () => {
    const m = memoryIo({ 'acme.key': 'old\n' });
    expect(await runPackCommand(['keygen', '--out', 'acme'], m.io)).toBe(2);
    expect(m.err()).toContain('acme.key exists; use --force to replace it');
    expect(m.fs.get('acme.key')).toBe('old\n');
    expect(await runPackCommand(['keygen', '--out', 'acme', '--force'], m.io)).toBe(0);
    expect(m.fs.get('acme.key')).not.toBe('old\n');
  });

  it('signs the exact bytes, so a byte-order mark or CRLF must be published as signed', async () => {
    const keys = await generateKeyPair();
    const crlf = new TextEncoder().encode(example.replace(/\n/g, '\r\n'));
    const m = memoryIo({ 'p.json': crlf, 'k.key': keys.secretKey });
    expect(await signFile('p.json', 'k.key', m.io)).toEqual({ signaturePath: 'p.json.sig', packId: 'acme/support-jp', version: expect.any(String), warnings: expect.any(Array) });
    expect((await verifyFile('p.json', keys.publicKey, m.io)).ok).toBe(true);
    m.fs.set('p.json', example);
    expect((await verifyFile('p.json', keys.publicKey, m.io)).ok).toBe(false);
  });
});
