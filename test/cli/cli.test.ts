import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../bin/cli';
import { lineColumn } from '../../lib/cli/check';
import { memoryIo } from '../helpers/memory-io';

const root = path.resolve(__dirname, '../..');

const NO_APOLOGY = '田中様\nお世話になっております。\nご注文の商品が届いていない件について確認しました。\n';
const WITH_APOLOGY = '田中様\nお世話になっております。\nご注文の商品が届いていない件、誠に申し訳ございません。\n';

describe('tonebridge check', () => {
  it('reports a missing apology with its fix, as JSON', async () => {
    const io = memoryIo({ 'reply.txt': NO_APOLOGY });
    expect(await main(['check', '--market', 'jp', '--format', 'json', 'reply.txt'], io)).toBe(0);
    const report = JSON.parse(io.out);
    expect(report).toMatchObject({ lang: 'ja', market: 'jp' });
    const finding = report.findings.find((f: { ruleId: string }) => f.ruleId === 'ja/missing-apology');
    expect(finding).toMatchObject({ kind: 'apology', level: 'warn', line: 2, messageId: 'ja/missing-apology:missing' });
    expect(finding.message).toMatch(/apology/i);
    expect(finding.fixes[0].edits[0].text).toContain('申し訳ございません');
    expect(report.coverage).toMatchObject({ problem: true, apology: false });
  });

  it('does not report it once the reply apologises', async () => {
    const io = memoryIo({}, WITH_APOLOGY);
    expect(await main(['check', '--market', 'jp', '--format', 'json', '-'], io)).toBe(0);
    expect(JSON.parse(io.out).findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('ja/missing-apology');
  });

  it('prints findings with line:column, kind, message and fix as text, in Japanese on request', async () => {
    const io = memoryIo({ 'r.txt': 'Per our policy, refunds take 10 days.' });
    await main(['check', '--market', 'us', 'r.txt'], io);
    expect(io.out).toContain('1:1  warn   warmth');
    expect(io.out).toContain('"Per our policy, r" → "R"');
    const ja = memoryIo({ 'r.txt': 'Per our policy, refunds take 10 days.' });
    await main(['check', '--market', 'us', '--ui', 'ja', 'r.txt'], ja);
    expect(ja.out).toContain('理由');
  });

  it('exits 1 when a pack raises a finding to block level', async () => {
    const pack = JSON.stringify({ schemaVersion: 1, id: 'acme/strict', name: 'Strict', version: '1.0.0', rules: { 'ja/missing-apology': 'block' } });
    const io = memoryIo({ 'reply.txt': NO_APOLOGY, 'strict.json': pack });
    expect(await main(['check', '--market', 'jp', '--pack', 'strict.json', 'reply.txt'], io)).toBe(1);
    expect(io.out).toContain('block');
  });

  it.each([
    [['check', '--market', 'fr', 'x.txt'], /unknown market "fr"/],
    [['check', '--format', 'xml', 'x.txt'], /--format must be one of text, json, sarif, github/],
    [['check', '--bogus'], /unknown option --bogus/],
    [['check', '--market'], /--market needs a value/],
    [['check', '--market', '--ui', 'en', 'x.txt'], /--market needs a value/],
    [['check', '--market', 'jp', '--market', 'us', 'x.txt'], /--market given twice/],
    [['check', '--fail-on', 'loud', 'x.txt'], /--fail-on must be one of block, warn, info/],
    [['check', '-', '-'], /stdin \(-\) given twice/],
    [['check', 'macros.json'], /macros\.json: expected macros/],
    [['check', 'broken.json'], /broken\.json is not valid JSON/],
    [['pack', 'keygen', '--force=yes'], /--force takes no value/],
    [['check', 'missing.txt'], /cannot read missing.txt \(ENOENT\)/],
    [['check', '--pack', 'bad.json', 'x.txt'], /invalid pack/],
    [['frobnicate'], /unknown command/],
  ])('exits 2 with a one-line reason for bad usage %#', async (argv, reason) => {
    const io = memoryIo({ 'x.txt': 'Hello.', 'bad.json': '{"schemaVersion": 2}', 'macros.json': '{"tickets": []}', 'broken.json': '{"macros": [' });
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toMatch(reason);
  });

  it('maps UTF-16 offsets to 1-based line and character columns', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('😀x', 2)).toEqual({ line: 1, column: 2 });
  });
});

describe('tonebridge pack validate', () => {
  it('accepts the built-in packs and rejects a malformed one, naming the field', async () => {
    const good = memoryIo({
      'jp.json': await import('node:fs/promises').then((fs) => fs.readFile(path.join(root, 'dictionaries/packs/jp.json'), 'utf8')),
    });
    expect(await main(['pack', 'validate', 'jp.json'], good)).toBe(0);
    expect(good.out).toContain('jp.json: ok (tonebridge/jp@');
    const bad = memoryIo({ 'bad.json': JSON.stringify({ schemaVersion: 1, id: 'acme/x', name: 'x', version: '1', rules: { 'ja/missing-apology': 'loud' } }) });
    expect(await main(['pack', 'validate', 'bad.json'], bad)).toBe(2);
    expect(bad.err).toMatch(/bad\.json: rules\.ja\/missing-apology/);
  });
});

describe('pack files the CLI refuses (one reader with the signed-URL path)', () => {
  const pack = { schemaVersion: 1, id: 'acme/x', name: 'Acme', version: '1.0.0', sendGuard: 'block' };
  const text = JSON.stringify(pack);
  // "Acme" in Latin-1 with an é (0xE9), which is not UTF-8.
  const latin1 = new Uint8Array([...new TextEncoder().encode(text.replace('"Acme"', '"Acm')), 0xe9, ...new TextEncoder().encode(text.slice(text.indexOf('"Acme"') + 6))]);
  const twice = text.replace('"sendGuard":"block"', '"sendGuard":"block","sendGuard":"off"');

  function bytesIo(files: Record<string, Uint8Array | string>) {
    const io = memoryIo({});
    io.readBytes = async (p: string) => {
      const f = files[p];
      if (f === undefined) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    };
    return io;
  }

  it('pack validate: not UTF-8, or a key given twice, exits 2 naming the problem', async () => {
    const io = bytesIo({ 'latin1.json': latin1, 'twice.json': twice, 'good.json': text });
    expect(await main(['pack', 'validate', 'latin1.json', 'twice.json', 'good.json'], io)).toBe(2);
    expect(io.err).toContain('latin1.json: (pack): the pack is not valid UTF-8 text (save it as UTF-8)');
    expect(io.err).toMatch(/twice\.json: sendGuard: the key "sendGuard" appears twice in one object/);
    expect(io.out).toContain('good.json: ok (acme/x@1.0.0)');
  });

  it('check --pack refuses them too, before analysing anything', async () => {
    for (const file of ['latin1.json', 'twice.json']) {
      const io = bytesIo({ 'latin1.json': latin1, 'twice.json': twice });
      Object.assign(io, { readFile: async () => 'Hello.' });
      expect(await main(['check', '--market', 'us', '--pack', file, 'r.txt'], io)).toBe(2);
      expect(io.err).toMatch(/invalid pack/);
      expect(io.out).toBe('');
    }
  });

  it('the real file reader keeps the bytes (so the check is not defeated by decoding)', async () => {
    const { nodeIo } = await import('../../lib/cli/io');
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(path.join(tmpdir(), 'tb-pack-'));
    try {
      writeFileSync(path.join(dir, 'latin1.json'), latin1);
      const io = Object.assign(nodeIo(), { stdout: () => undefined, stderr: (t: string) => void (err += t) });
      let err = '';
      expect(await main(['pack', 'validate', path.join(dir, 'latin1.json')], io)).toBe(2);
      expect(err).toContain('the pack is not valid UTF-8 text');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the installed bin', () => {
  it('runs as a real process with exit codes', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [path.join(root, 'dist/cli/tonebridge.js'), 'check', '--market', 'jp', path.join(root, 'examples/replies/jp-complaint-no-apology.txt')], { cwd: root });
    expect(stdout).toContain('ja/missing-apology');
    await expect(run(process.execPath, [path.join(root, 'dist/cli/tonebridge.js'), 'check', '--market', 'xx', '-'], { cwd: root })).rejects.toMatchObject({ code: 2 });
  }, 60_000);
});
