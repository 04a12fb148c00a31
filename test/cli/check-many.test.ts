/**
 * `tonebridge check` over many replies: folders, globs, Zendesk macro exports; the summary lines, JSON,
 * SARIF and GitHub annotation formats; exit codes with --fail-on. Real files in a temporary folder,
 * run in-process through `main` with the real file system, and once through the compiled binary.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../bin/cli';
import { htmlToText, macrosOf, matchSegment } from '../../lib/cli/inputs';
import { nodeIo, type CliIo } from '../../lib/cli/io';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'dist/cli/tonebridge.js');

const COLD = 'Per our policy, refunds take 10 days.\n';
const WARM =
  "Hi Dana,\n\nThanks so much for your patience, and I'm sorry your order arrived late. I've refunded the shipping to your card today, and I'll personally check that the replacement ships by Friday. If anything else comes up, just reply here and I'll take care of it.\n\nBest,\nSam\n";
const JP_NO_APOLOGY = '田中様\nお世話になっております。\nご注文の商品が届いていない件について確認しました。\n';

/** Zendesk's `GET /api/v2/macros.json`, trimmed to what Tonebridge reads (plus fields it ignores). */
const ZENDESK_EXPORT = {
  macros: [
    { id: 1, title: 'Refund policy', active: true, actions: [{ field: 'comment_value', value: COLD }, { field: 'status', value: 'solved' }] },
    { id: 2, title: 'Late order (warm)', active: true, actions: [{ field: 'comment_value', value: ['channel:all', WARM] }] },
    { id: 3, title: '配送遅延（日本）', active: true, actions: [{ field: 'comment_value_html', value: '<p>田中様</p><p>お世話になっております。</p><p>ご注文の商品が届いていない件について確認しました。</p>' }] },
    { id: 4, title: 'Close and tag', active: true, actions: [{ field: 'status', value: 'closed' }] },
  ],
  next_page: null,
  count: 4,
};

let dir: string;
let io: CliIo & { out: string; err: string };

function capture(): CliIo & { out: string; err: string } {
  const real = nodeIo();
  const c = {
    ...real,
    out: '',
    err: '',
    stdout(t: string) {
      c.out += t;
    },
    stderr(t: string) {
      c.err += t;
    },
  };
  return c;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tonebridge-cli-'));
  await mkdir(path.join(dir, 'macros/us'), { recursive: true });
  await mkdir(path.join(dir, 'macros/jp'), { recursive: true });
  await mkdir(path.join(dir, 'macros/.hidden'), { recursive: true });
  await writeFile(path.join(dir, 'macros/us/cold.txt'), COLD);
  await writeFile(path.join(dir, 'macros/us/warm.txt'), WARM);
  await writeFile(path.join(dir, 'macros/us/notes.csv'), 'not,a,reply\n');
  await writeFile(path.join(dir, 'macros/jp/no-apology.txt'), JP_NO_APOLOGY);
  await writeFile(path.join(dir, 'macros/.hidden/skip.txt'), COLD);
  await writeFile(path.join(dir, 'zendesk-macros.json'), JSON.stringify(ZENDESK_EXPORT, null, 2));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('check over folders and globs', () => {
  it('checks every .txt/.md/.json under a folder (not hidden folders or other files), one summary line each and a total', async () => {
    io = capture();
    expect(await main(['check', path.join(dir, 'macros')], io)).toBe(0);
    const lines = io.out.trimEnd().split('\n');
    const heads = lines.filter((l) => !l.startsWith('  '));
    expect(heads).toEqual([
      expect.stringMatching(/jp[/\\]no-apology\.txt: jp\/ja — \d+ finding\(s\): 0 block, [1-9]\d* warn/),
      expect.stringMatching(/us[/\\]cold\.txt: us\/en — \d+ finding\(s\): 0 block, [1-9]\d* warn/),
      expect.stringMatching(/us[/\\]warm\.txt: us\/en — no findings/),
      '3 replies checked: 0 with findings at block level or above, 1 without findings',
    ]);
    expect(io.out).toContain('[ja/missing-apology]');
    expect(io.out).not.toContain('skip.txt');
    expect(io.out).not.toContain('notes.csv');
  });

  it('expands globs itself (the same in every shell), ** included, and fails on a glob that matches nothing', async () => {
    io = capture();
    expect(await main(['check', '--format', 'json', path.join(dir, 'macros/**/*.txt')], io)).toBe(0);
    const entries = JSON.parse(io.out) as { file: string }[];
    expect(entries.map((e) => path.relative(dir, e.file))).toEqual(['macros/jp/no-apology.txt', 'macros/us/cold.txt', 'macros/us/warm.txt'].map((f) => f.split('/').join(path.sep)));
    io = capture();
    expect(await main(['check', path.join(dir, 'macros/us/c?ld.*')], io)).toBe(0);
    expect(io.out).toContain('market us');
    io = capture();
    expect(await main(['check', path.join(dir, 'macros/*.doc')], io)).toBe(2);
    expect(io.err).toMatch(/no file matches/);
  });

  it('exits 1 when a reply has findings at the --fail-on level', async () => {
    io = capture();
    expect(await main(['check', '--fail-on', 'warn', path.join(dir, 'macros/us')], io)).toBe(1);
    expect(io.out).toContain('2 replies checked: 1 with findings at warn level or above, 1 without findings');
    io = capture();
    expect(await main(['check', '--fail-on', 'warn', path.join(dir, 'macros/us/warm.txt')], io)).toBe(0);
  });
});

describe('Zendesk macros exported as JSON', () => {
  it('reads title and body of each macro (plain, channel-tagged and HTML comments), skipping macros without a reply', () => {
    const macros = macrosOf('m.json', JSON.stringify(ZENDESK_EXPORT));
    expect(macros.map((m) => [m.title, m.name])).toEqual([
      ['Refund policy', 'm.json › Refund policy'],
      ['Late order (warm)', 'm.json › Late order (warm)'],
      ['配送遅延（日本）', 'm.json › 配送遅延（日本）'],
    ]);
    expect(macros[1]!.text).toBe(WARM);
    expect(macros[2]!.text).toBe(JP_NO_APOLOGY.trimEnd());
    expect(macrosOf('a.json', JSON.stringify([{ title: 'A', body: 'Hello.' }, { body: 'Untitled.' }])).map((m) => m.title)).toEqual(['A', '#2']);
    expect(macrosOf('one.json', JSON.stringify({ macro: { title: 'Solo', body: 'Hi.' } }))[0]!.text).toBe('Hi.');
  });

  it('checks each macro as its own reply, each in its market', async () => {
    io = capture();
    const file = path.join(dir, 'zendesk-macros.json');
    expect(await main(['check', '--fail-on', 'warn', file], io)).toBe(1);
    expect(io.out).toContain(`${file} › Refund policy: us/en — `);
    expect(io.out).toContain(`${file} › Late order (warm): us/en — no findings`);
    expect(io.out).toMatch(/配送遅延（日本）: jp\/ja — \d+ finding/);
    expect(io.out).toContain('3 replies checked: 2 with findings at warn level or above, 1 without findings');
  });

  it('turns a macro HTML comment into the text an agent sees, without interpreting markup', () => {
    expect(htmlToText('<p>Hi &amp; welcome,<br>second&nbsp;line</p><div>&#x65E5;&#26412; &lt;b&gt;</div><script>x</script>')).toBe(
      'Hi & welcome,\nsecond line\n日本 <b>\nx',
    );
    expect(htmlToText('a &bogus; b < c')).toBe('a &bogus; b < c');
  });
});

describe('formats CI systems annotate', () => {
  it('SARIF 2.1.0: one result per finding, levels mapped, regions for text files, the macro title for macros', async () => {
    io = capture();
    const txt = path.join(dir, 'macros/us/cold.txt');
    const json = path.join(dir, 'zendesk-macros.json');
    expect(await main(['check', '--format', 'sarif', txt, json], io)).toBe(0);
    const sarif = JSON.parse(io.out);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('tonebridge');
    const ruleIds = new Set(run.tool.driver.rules.map((r: { id: string }) => r.id));
    for (const r of run.results) {
      expect(ruleIds.has(r.ruleId)).toBe(true);
      expect(['error', 'warning', 'note']).toContain(r.level);
    }
    const fromTxt = run.results.find((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('cold.txt'));
    expect(fromTxt.locations[0].physicalLocation.region).toMatchObject({ startLine: 1, startColumn: 1, endLine: 1 });
    expect(fromTxt.locations[0].physicalLocation.region.endColumn).toBeGreaterThan(1);
    const fromMacro = run.results.find((r: { message: { text: string } }) => r.message.text.startsWith('Macro "配送遅延（日本）"'));
    expect(fromMacro.ruleId).toBe('ja/missing-apology');
    expect(fromMacro.locations[0].logicalLocations).toEqual([{ name: '配送遅延（日本）', kind: 'object' }]);
    expect(fromMacro.locations[0].physicalLocation.region).toBeUndefined();
  });

  it('GitHub annotations: ::warning with file, line and columns, data and properties escaped', async () => {
    io = capture();
    const txt = path.join(dir, 'macros/us/cold.txt');
    expect(await main(['check', '--format', 'github', txt], io)).toBe(0);
    const lines = io.out.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^::(warning|error|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+(,endColumn=\d+)?,title=tonebridge [a-z]+\/[a-z-]+::\S/);
    expect(io.out).toContain(`file=${txt.replaceAll(':', '%3A').replaceAll(',', '%2C')},line=1,col=1`);
    io = capture();
    await main(['check', '--format', 'github', path.join(dir, 'zendesk-macros.json')], io);
    expect(io.out).toMatch(/^::warning file=[^,]+,title=tonebridge ja\/missing-apology::Macro "配送遅延（日本）" \(line \d+\): /m);
  });
});

describe('glob segments', () => {
  it.each([
    ['*.txt', 'a.txt', true],
    ['*.txt', '.a.txt', false],
    ['.*', '.env', true],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['*a*b*', 'xxaxxbxx', true],
    ['*a*b', 'xxaxxbxxc', false],
    ['返信*', '返信1.txt', true],
  ])('%s vs %s → %s', (pattern, name, expected) => {
    expect(matchSegment(pattern, name)).toBe(expected);
  });

  it('stays fast on a pathological pattern', () => {
    const started = performance.now();
    expect(matchSegment(`${'*a'.repeat(50)}b`, 'a'.repeat(5000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('the compiled binary loads only what a text needs', () => {
  // kuromoji (and the dictionary with it) is a CommonJS package: if it loads, it is in require.cache.
  const probe = `data:text/javascript,${encodeURIComponent(
    'import { createRequire } from "node:module"; const r = createRequire(process.cwd() + "/"); process.on("exit", () => process.stderr.write("kuromoji:" + Object.keys(r.cache).some((k) => k.includes("kuromoji"))));',
  )}`;
  const run = async (args: string[]) => {
    const result = await promisify(execFile)(process.execPath, ['--import', probe, bin, ...args], { cwd: root }).catch((e: { stdout: string; stderr: string; code: number }) => e);
    return { stdout: result.stdout, kuromoji: /kuromoji:true/.test(result.stderr) };
  };

  it('English check and pack validate of a pack without base-form examples load no dictionary', async () => {
    expect(await run(['check', '--market', 'us', path.join(root, 'examples/replies/us-cold-reply.txt')])).toMatchObject({ kuromoji: false });
    const validated = await run(['pack', 'validate', path.join(root, 'dictionaries/packs/jp.json'), path.join(root, 'dictionaries/packs/us.json')]);
    expect(validated).toMatchObject({ kuromoji: false });
    expect(validated.stdout).toMatch(/jp\.json: ok[\s\S]*us\.json: ok/);
  }, 60_000);

  it('Japanese check, and a pack whose base-form examples need the analyser, load it', async () => {
    const ja = await run(['check', '--market', 'jp', path.join(root, 'examples/replies/jp-complaint-no-apology.txt')]);
    expect(ja).toMatchObject({ kuromoji: true });
    expect(ja.stdout).toContain('ja/missing-apology');
    const pack = await run(['pack', 'validate', path.join(root, 'examples/packs/acme-support.json')]);
    expect(pack).toMatchObject({ kuromoji: true });
    expect(pack.stdout).not.toContain('unchecked');
  }, 60_000);
});
