/**
 * `tonebridge pack keygen | sign | verify`: the admin's signing workflow for URL-distributed packs,
 * without a browser.
 *
 *   tonebridge pack keygen --out acme          → acme.key (secret, keep offline) + acme.pub
 *   tonebridge pack sign acme-support.json --key acme.key        → acme-support.json.sig
 *   tonebridge pack verify acme-support.json --public-key acme.pub   (file or the base64 key itself)
 *
 * The signature covers the pack's id and the exact bytes of the pack file (signature format 2, see
 * lib/policy/signature.ts): publish the file as signed, byte for byte, with the `.sig` beside it. Exit codes: 0 ok, 1 verification failed, 2 bad usage or input.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { detectors } from '../engine/registry';
import { ruleContract } from '../contract/rule-options';
import { decodePublicKey, generateKeyPair, publicKeyOf, signaturePath, signPack, verifyPack, type KeyPair } from '../policy/signature';
import { packHeaderOf, readPackBytes } from '../policy/validate';
import { UsageError, flag, parseArgs } from './args';

export interface PackSignIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Text files (keys, signatures); a string is taken as UTF-8. */
  readFile(path: string): Promise<string | Uint8Array>;
  writeFile(path: string, content: string, options?: { mode?: number }): Promise<void>;
  /** Exact bytes of a pack file; without it, `readFile`'s text is encoded as UTF-8. */
  readBytes?(path: string): Promise<Uint8Array>;
}

/** Node file access: packs read as bytes, the secret key written readable by its owner only. */
export function nodePackSignIo(): PackSignIo {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readFile: (p) => readFile(p, 'utf8'),
    readBytes: async (p) => new Uint8Array(await readFile(p)),
    writeFile: (p, c, o) => writeFile(p, c, o?.mode !== undefined ? { mode: o.mode } : undefined),
  };
}

export const EXIT_OK = 0;
export const EXIT_VERIFY_FAILED = 1;
export const EXIT_USAGE = 2;

const USAGE = `usage:
  tonebridge pack keygen [--out PREFIX] [--force]
  tonebridge pack sign PACK.json --key SECRET.key
  tonebridge pack verify PACK.json --public-key (PUBLIC.pub | BASE64) [--sig PACK.json.sig]
`;

/** Bad input (unreadable file, malformed key, invalid pack): exit 2 without the usage text. */
class InputError extends UsageError {}

export type VerifyFileResult = { ok: true } | { ok: false; reason: string };

export async function keygen(): Promise<KeyPair> {
  return generateKeyPair();
}

async function readText(io: PackSignIo, path: string, what: string): Promise<string> {
  try {
    const content = await io.readFile(path);
    return typeof content === 'string' ? content : new TextDecoder().decode(content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${what} ${path}${code ? ` (${code})` : ''}`);
  }
}

async function readPackFile(io: PackSignIo, path: string): Promise<Uint8Array> {
  try {
    if (io.readBytes) return await io.readBytes(path);
    const content = await io.readFile(path);
    return typeof content === 'string' ? new TextEncoder().encode(content) : content;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read pack ${path}${code ? ` (${code})` : ''}`);
  }
}

async function exists(io: PackSignIo, path: string): Promise<boolean> {
  try {
    await io.readFile(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Signs a pack file with the secret key in `secretKeyPath` and writes `<pack>.sig`. The pack must
 * validate first (structure, limits, rule ids): a signed pack the extension would reject helps nobody.
 * Returns the signature path and any validation warnings.
 */
export async function signFile(
  packPath: string,
  secretKeyPath: string,
  io: PackSignIo,
): Promise<{ signaturePath: string; packId: string; version: string; warnings: string[] }> {
  const secretKey = (await readText(io, secretKeyPath, 'secret key')).trim();
  try {
    await publicKeyOf(secretKey);
  } catch (error) {
    throw new InputError(`${secretKeyPath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const bytes = await readPackFile(io, packPath);
  const checked = readPackBytes(bytes, ruleContract(detectors));
  if (!checked.ok) {
    const list = checked.errors.map((e) => `${packPath}: ${e.path || '(pack)'}: ${e.message}`).join('\n');
    throw new InputError(`refusing to sign an invalid pack\n${list}`);
  }
  const line = await signPack(bytes, checked.pack.id, secretKey);
  const out = signaturePath(packPath);
  await io.writeFile(out, `${line}\n`);
  return {
    signaturePath: out,
    packId: checked.pack.id,
    version: checked.pack.version,
    warnings: checked.warnings.map((w) => `${packPath}: ${w.path || '(pack)'}: ${w.message}`),
  };
}

/** The public key itself (base64) or a file holding it. */
async function resolvePublicKey(value: string, io: PackSignIo): Promise<string> {
  try {
    decodePublicKey(value);
    return value.trim();
  } catch {
    const text = (await readText(io, value, 'public key')).trim();
    try {
      decodePublicKey(text);
    } catch (error) {
      throw new InputError(`${value}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return text;
  }
}

/** Verifies `<pack>.sig` (or `sigPath`) over the pack file's exact bytes and its id. */
export async function verifyFile(packPath: string, publicKey: string, io: PackSignIo, sigPath = signaturePath(packPath)): Promise<VerifyFileResult> {
  const key = await resolvePublicKey(publicKey, io);
  const bytes = await readPackFile(io, packPath);
  const signature = await readText(io, sigPath, 'signature');
  const header = packHeaderOf(bytes);
  if (!header.ok) return { ok: false, reason: header.reason };
  return verifyPack(bytes, header.id, signature, key);
}

async function run(args: string[], io: PackSignIo): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'keygen': {
      const parsed = parseArgs(rest, { out: { value: true }, force: {} });
      if (parsed.positional.length > 0) throw new UsageError(`pack keygen takes no FILE (got ${parsed.positional[0]})`);
      const keys = await keygen();
      const prefix = flag(parsed, 'out');
      if (prefix === undefined) {
        io.stdout(`${JSON.stringify(keys, null, 2)}\n`);
        io.stderr('keep the secret key offline; give the public key to the extension (policy packUrls or options)\n');
        return EXIT_OK;
      }
      const secretPath = `${prefix}.key`;
      const publicPath = `${prefix}.pub`;
      if (!flag(parsed, 'force')) {
        for (const p of [secretPath, publicPath]) if (await exists(io, p)) throw new InputError(`${p} exists; use --force to replace it`);
      }
      await io.writeFile(secretPath, `${keys.secretKey}\n`, { mode: 0o600 });
      await io.writeFile(publicPath, `${keys.publicKey}\n`);
      io.stdout(`secret key: ${secretPath} (keep it offline)\npublic key: ${publicPath}\n${keys.publicKey}\n`);
      return EXIT_OK;
    }
    case 'sign': {
      const parsed = parseArgs(rest, { key: { value: true } });
      const key = flag(parsed, 'key');
      if (parsed.positional.length !== 1 || !key) throw new UsageError('pack sign needs one PACK and --key SECRET.key');
      const result = await signFile(parsed.positional[0]!, key, io);
      for (const w of result.warnings) io.stderr(`warning: ${w}\n`);
      io.stdout(`${result.signaturePath}\n`);
      return EXIT_OK;
    }
    case 'verify': {
      const parsed = parseArgs(rest, { 'public-key': { value: true }, sig: { value: true } });
      const key = flag(parsed, 'public-key');
      if (parsed.positional.length !== 1 || !key) throw new UsageError('pack verify needs one PACK and --public-key (FILE | BASE64)');
      const pack = parsed.positional[0]!;
      const result = await verifyFile(pack, key, io, flag(parsed, 'sig'));
      if (result.ok) {
        io.stdout(`${pack}: signature ok\n`);
        return EXIT_OK;
      }
      io.stderr(`${pack}: signature NOT valid: ${result.reason}\n`);
      return EXIT_VERIFY_FAILED;
    }
    default:
      throw new UsageError(`unknown pack command "${sub ?? ''}" (try: keygen, sign, verify)`);
  }
}

/** Runs `pack keygen|sign|verify ARGS…`; usage and input errors print to stderr and return 2. */
export async function runPackCommand(args: string[], io: PackSignIo): Promise<number> {
  try {
    return await run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`tonebridge pack: ${error.message}\n${error instanceof InputError ? '' : USAGE}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
