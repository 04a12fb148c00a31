import { describe, expect, it } from 'vitest';
import {
  decodeBase64,
  encodeBase64,
  generateKeyPair,
  publicKeyOf,
  signBytes,
  signatureUrl,
  verifyBytes,
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
