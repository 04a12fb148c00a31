/**
 * Ed25519 signatures for URL-distributed policy packs. The signature sits beside the pack at
 * `<pack url>.sig`; the extension verifies it with the organisation's public key (base64) before the
 * pack goes anywhere near the policy.
 *
 * What is signed (format 2) binds the pack's id to its exact bytes, so a signature made for one pack
 * cannot vouch for another, and a signature from any other use of the same key never verifies:
 *
 *     UTF-8("tonebridge-pack-signature/2\n" + <pack id> + "\n") followed by the pack file's exact bytes
 *
 * The `.sig` file is one line: `tonebridge-pack-signature/2 <pack id> <base64 signature>`. The id is
 * read from the pack (its `"id"`) and must equal the one in the `.sig`. A bare base64 line (format 1,
 * over the bytes alone) is refused with a request to sign again. Versions are not in the signature:
 * the extension keeps the highest version it accepted per pack id and refuses lower ones.
 *
 * Only the async API of @noble/ed25519 is used: it hashes with WebCrypto (`crypto.subtle.digest
 * ('SHA-512')`), which exists in Node 20 and in an MV3 service worker, so no hash polyfill is needed.
 * Verification is strict RFC 8032 (`zip215: false`): non-canonical encodings and small-order keys fail.
 */
import * as ed from '@noble/ed25519';

/** The signature file's name is the pack's name (or URL) plus this suffix. */
export const SIGNATURE_SUFFIX = '.sig';

const KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;

export interface KeyPair {
  /** Base64 of the 32-byte Ed25519 public key: give this to the extension (policy or options). */
  publicKey: string;
  /** Base64 of the 32-byte Ed25519 secret seed: keep it offline, it signs packs. */
  secretKey: string;
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

export class SignatureFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignatureFormatError';
  }
}

const BASE64 = /^(?:[A-Z0-9+/]{4})*(?:[A-Z0-9+/]{2}==|[A-Z0-9+/]{3}=)?$/i;

export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/**
 * Strict base64 (standard alphabet, padded). Surrounding whitespace — a trailing newline in a key or
 * `.sig` file — is ignored; anything else that is not base64 is an error naming `what`.
 */
export function decodeBase64(text: string, what: string, expectedBytes?: number): Uint8Array {
  const clean = text.trim();
  if (clean.length === 0) throw new SignatureFormatError(`${what} is empty`);
  if (!BASE64.test(clean)) throw new SignatureFormatError(`${what} is not base64`);
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  if (expectedBytes !== undefined && bytes.length !== expectedBytes) {
    throw new SignatureFormatError(`${what} must be ${expectedBytes} bytes (got ${bytes.length})`);
  }
  return bytes;
}

export function decodePublicKey(publicKey: string): Uint8Array {
  return decodeBase64(publicKey, 'public key', KEY_BYTES);
}

function decodeSecretKey(secretKey: string): Uint8Array {
  return decodeBase64(secretKey, 'secret key', KEY_BYTES);
}

export async function generateKeyPair(): Promise<KeyPair> {
  const { secretKey, publicKey } = await ed.keygenAsync();
  return { publicKey: encodeBase64(publicKey), secretKey: encodeBase64(secretKey) };
}

/** The public key (base64) that belongs to a secret key (base64). */
export async function publicKeyOf(secretKey: string): Promise<string> {
  return encodeBase64(await ed.getPublicKeyAsync(decodeSecretKey(secretKey)));
}

/** The Ed25519 primitive: signs exactly these bytes; returns the base64 signature. Packs use `signPack`. */
export async function signBytes(packBytes: Uint8Array, secretKey: string): Promise<string> {
  return encodeBase64(await ed.signAsync(packBytes, decodeSecretKey(secretKey)));
}

/**
 * The Ed25519 primitive: checks a base64 signature over exactly these bytes. Never throws: a malformed key or signature
 * is a failed verification with its reason, so callers keep one path for "not trusted".
 */
export async function verifyBytes(packBytes: Uint8Array, signature: string, publicKey: string): Promise<VerifyResult> {
  let key: Uint8Array;
  let sig: Uint8Array;
  try {
    key = decodePublicKey(publicKey);
    sig = decodeBase64(signature, 'signature', SIGNATURE_BYTES);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  let valid: boolean;
  try {
    valid = await ed.verifyAsync(sig, packBytes, key, { zip215: false });
  } catch (error) {
    return { ok: false, reason: `signature check failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  return valid ? { ok: true } : { ok: false, reason: 'the signature does not match this pack and public key' };
}

/** The first word of a `.sig` file in the current format. */
export const SIGNATURE_FORMAT = 'tonebridge-pack-signature/2';

/** The bytes a pack signature covers: the format line, the pack id, then the pack's exact bytes. */
export function signedPayload(packId: string, packBytes: Uint8Array): Uint8Array {
  if (!packId || /\s/.test(packId)) throw new SignatureFormatError(`cannot sign for pack id ${JSON.stringify(packId)}`);
  const head = new TextEncoder().encode(`${SIGNATURE_FORMAT}\n${packId}\n`);
  const out = new Uint8Array(head.length + packBytes.length);
  out.set(head, 0);
  out.set(packBytes, head.length);
  return out;
}

/** A `.sig` file's one line for a pack (without the trailing newline). */
export async function signPack(packBytes: Uint8Array, packId: string, secretKey: string): Promise<string> {
  return `${SIGNATURE_FORMAT} ${packId} ${await signBytes(signedPayload(packId, packBytes), secretKey)}`;
}

/** A `.sig` file's parts, or why it is not one. */
export function parseSignatureFile(text: string): { ok: true; packId: string; signature: string } | { ok: false; reason: string } {
  const parts = text.trim().split(/[ \t]+/);
  if (parts.length === 1 && parts[0] !== '') {
    return {
      ok: false,
      reason: `the signature is in the old format (format 1, over the pack's bytes only, which does not bind the pack id); sign the pack again with \`tonebridge pack sign\``,
    };
  }
  if (parts.length !== 3 || parts[0] !== SIGNATURE_FORMAT) {
    return { ok: false, reason: `a signature file is one line "${SIGNATURE_FORMAT} <pack id> <base64 signature>"` };
  }
  return { ok: true, packId: parts[1]!, signature: parts[2]! };
}

/**
 * Checks a `.sig` file's text against a pack's exact bytes and id. Never throws: a malformed key or
 * signature file is a failed verification with its reason.
 */
export async function verifyPack(packBytes: Uint8Array, packId: string, signatureFile: string, publicKey: string): Promise<VerifyResult> {
  const parsed = parseSignatureFile(signatureFile);
  if (!parsed.ok) return parsed;
  if (parsed.packId !== packId) {
    return { ok: false, reason: `the signature is for pack "${parsed.packId}", but this pack's id is "${packId}"` };
  }
  return verifyBytes(signedPayload(packId, packBytes), parsed.signature, publicKey);
}

/** Where a pack's signature lives: beside the pack, its path plus `.sig` (a query string is kept, a fragment dropped). */
export function signatureUrl(packUrl: string): string {
  const url = new URL(packUrl);
  url.pathname += SIGNATURE_SUFFIX;
  url.hash = '';
  return url.toString();
}

/** The signature file for a pack file on disk. */
export function signaturePath(packPath: string): string {
  return packPath + SIGNATURE_SUFFIX;
}
