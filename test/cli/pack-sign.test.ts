/**
 * The admin's signing workflow as real processes: `tonebridge pack keygen → sign → verify`, then a
 * tampered pack (and a wrong key) fail verification with exit 1 and the reason.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../bin/cli';
import { memoryIo } from '../helpers/memory-io';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'dist/cli/tonebridge.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'tonebridge-sign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function tonebridge(...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('tonebridge pack keygen | sign | verify (real processes)', () => {
  it('signs a pack that then verifies; a tampered pack or another key fails with exit 1 and the reason', async () => {
    const pack = path.join(dir, 'acme-support.json');
    copyFileSync(path.join(root, 'examples/packs/acme-support.json'), pack);

    const keygen = await tonebridge('pack', 'keygen', '--out', 'acme');
    expect(keygen.code).toBe(0);
    const publicKey = readFileSync(path.join(dir, 'acme.pub'), 'utf8').trim();
    expect(keygen.stdout).toContain(publicKey);
    expect(statSync(path.join(dir, 'acme.key')).mode & 0o777).toBe(0o600);
    // Keys are not overwritten by accident.
    expect((await tonebridge('pack', 'keygen', '--out', 'acme')).code).toBe(2);

    const sign = await tonebridge('pack', 'sign', 'acme-support.json', '--key', 'acme.key');
    expect(sign).toMatchObject({ code: 0 });
    expect(sign.stdout.trim()).toBe('acme-support.json.sig');

    const ok = await tonebridge('pack', 'verify', 'acme-support.json', '--public-key', 'acme.pub');
    expect(ok).toMatchObject({ code: 0, stdout: 'acme-support.json: signature ok\n' });
    // The key may be given inline too.
    expect((await tonebridge('pack', 'verify', 'acme-support.json', '--public-key', publicKey)).code).toBe(0);

    // One byte changed after signing: refused, and it says why.
    writeFileSync(pack, readFileSync(pack, 'utf8').replace('"version": "1.2.0"', '"version": "1.2.1"'));
    const tampered = await tonebridge('pack', 'verify', 'acme-support.json', '--public-key', 'acme.pub');
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/acme-support\.json: signature NOT valid: .+/);

    // Signed by someone else: refused too.
    copyFileSync(path.join(root, 'examples/packs/acme-support.json'), pack);
    expect((await tonebridge('pack', 'verify', 'acme-support.json', '--public-key', 'acme.pub')).code).toBe(0);
    await tonebridge('pack', 'keygen', '--out', 'other');
    const wrongKey = await tonebridge('pack', 'verify', 'acme-support.json', '--public-key', 'other.pub');
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/signature NOT valid/);
  }, 120_000);

  it('refuses to sign an invalid pack and names the field; bad usage exits 2', async () => {
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ schemaVersion: 1, id: 'acme/bad', name: 'Bad', version: '1.0.0', rules: { 'ja/missing-apology': 'loud' } }));
    await tonebridge('pack', 'keygen', '--out', 'k2');
    const bad = await tonebridge('pack', 'sign', 'bad.json', '--key', 'k2.key');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.json: rules\.ja\/missing-apology/);
    const usage = await tonebridge('pack', 'verify', 'bad.json');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--public-key/);
  }, 120_000);
});

describe('tonebridge pack (in-process)', () => {

  it('dispatches keygen/sign/verify to the injected io, and names every pack command on a typo', async () => {
    const files: Record<string, string> = { 'p.json': readFileSync(path.join(root, 'examples/packs/acme-support.json'), 'utf8') };
    const io = memoryIo(files);
    expect(await main(['pack', 'keygen', '--out', 'k'], io)).toBe(0);
    expect(Object.keys(files).sort()).toEqual(['k.key', 'k.pub', 'p.json']);
    expect(await main(['pack', 'sign', 'p.json', '--key', 'k.key'], io)).toBe(0);
    expect(await main(['pack', 'verify', 'p.json', '--public-key', 'k.pub'], io)).toBe(0);
    files['p.json'] = files['p.json']!.replace('Acme', 'Acne');
    expect(await main(['pack', 'verify', 'p.json', '--public-key', 'k.pub'], io)).toBe(1);
    const typo = memoryIo({});
    expect(await main(['pack', 'sing'], typo)).toBe(2);
    expect(typo.err).toMatch(/try: validate, keygen, sign, verify/);
  });

  it('--help lists the pack commands with their real options', async () => {
    const io = memoryIo({});
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out).toMatch(/pack keygen \[--out PREFIX\] \[--force\]/);
    expect(io.out).toMatch(/pack sign FILE --key SECRET\.key/);
    expect(io.out).toMatch(/pack verify FILE --public-key \(PUBLIC\.pub\|BASE64\) \[--sig FILE\.sig\]/);
  });
});
