import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusJson, CorpusError, engineAnalyze, evaluateCorpus, loadCorpus, parseCorpus, type CorpusEntry } from '../../lib/eval/corpus';
import type { Finding } from '../../lib/engine/types';
import { testEngine } from '../helpers/engine';

function finding(ruleId: string, level: Finding['level'], start = 0, end = 0): Finding {
  return { ruleId, kind: 'apology', level, start, end, message: { id: `${ruleId}:missing` }, reason: { id: `${ruleId}:reason` }, fixes: [] };
}

const entries: CorpusEntry[] = [
  { id: 'a', market: 'jp', quality: 'excellent', scenario: 'thank-you', reply: 'ok reply', expect: [], silent: ['r/owner'] },
  { id: 'b', market: 'jp', quality: 'excellent', scenario: 'question', reply: 'nagged reply', expect: [] },
  { id: 'c', market: 'jp', quality: 'flawed', scenario: 'open', reply: 'bad reply', expect: ['r/apology', 'r/cause'], silent: ['r/owner'] },
  { id: 'd', market: 'us', quality: 'flawed', scenario: 'refusal', reply: 'worse reply', expect: ['r/cold'] },
];

/** Findings by reply text, so every number below can be worked out by hand. */
const fake: Record<string, Finding[]> = {
  'ok reply': [finding('r/closing', 'info'), finding('r/owner', 'info')],
  'nagged reply': [finding('r/owner', 'warn', 0, 6), finding('r/commitment', 'block')],
  'bad reply': [finding('r/apology', 'warn'), finding('r/owner', 'info')],
  'worse reply': [finding('r/cold', 'info')],
};

describe('evaluateCorpus', () => {
  const result = evaluateCorpus(entries, (e) => ({ findings: fake[e.reply]! }));

  it('counts recall over expected (reply, rule) pairs, at any level', () => {
    expect(result.expected).toBe(3);
    expect(result.found).toBe(2); // r/apology on c, r/cold (info) on d
    expect(result.recall).toBeCloseTo(2 / 3);
    expect(result.misses).toEqual([{ id: 'c', rule: 'r/cause', reply: 'bad reply' }]);
  });

  it('counts an excellent reply clean only without warn/block findings', () => {
    expect(result.excellent).toBe(2);
    expect(result.flawed).toBe(2);
    expect(result.cleanShare).toBe(0.5);
    expect(result.warnsPerExcellent).toBe(1); // two loud findings on b, none on a
  });

  it('lists false alarms: loud findings on excellent replies and any finding of a silent rule', () => {
    expect(result.falseAlarms.map((f) => [f.id, f.rule, f.why, f.span])).toEqual([
      ['a', 'r/owner', 'silent', ''],
      ['b', 'r/owner', 'excellent', 'nagged'],
      ['b', 'r/commitment', 'excellent', ''],
      ['c', 'r/owner', 'silent', ''],
    ]);
    expect(result.byRule.get('r/owner')).toEqual({ expected: 0, found: 0, falseAlarms: 3 });
  });

  it('gives the JSON keys', () => {
    expect(corpusJson(result)).toEqual({
      replies: 4,
      excellent: 2,
      flawed: 2,
      recall: 0.6667,
      clean_share: 0.5,
      warns_per_excellent: 1,
      misses: 1,
      false_alarms: 4,
    });
  });

  it('reports undefined ratios as null on an empty corpus', () => {
    expect(corpusJson(evaluateCorpus([], () => ({ findings: [] })))).toMatchObject({ recall: null, clean_share: null, warns_per_excellent: null });
  });
});

describe('parseCorpus', () => {
  const ok = { id: 'x', market: 'jp', quality: 'flawed', scenario: 'open', reply: 'r', expect: ['ja/missing-apology'] };
  it('accepts a well-formed entry', () => {
    expect(parseCorpus([ok])).toEqual([ok]);
  });
  it.each([
    ['not an array', {}, /array/],
    ['a bad market', [{ ...ok, market: 'uk' }], /market/],
    ['a bad quality', [{ ...ok, quality: 'fine' }], /quality/],
    ['no reply', [{ ...ok, reply: ' ' }], /reply/],
    ['expect not a list', [{ ...ok, expect: 'ja/x' }], /expect/],
    ['a duplicate id', [ok, ok], /duplicate/],
    ['an unknown field', [{ ...ok, expected: [] }], /unknown field/],
    ['a rule both expected and silent', [{ ...ok, silent: ['ja/missing-apology'] }], /both expected and silent/],
  ])('rejects %s', (_, data, message) => {
    expect(() => parseCorpus(data)).toThrow(CorpusError);
    expect(() => parseCorpus(data)).toThrow(message);
  });
  it('names the file when it is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-corpus-'));
    const file = join(dir, 'ja.json');
    writeFileSync(file, '[{');
    expect(() => loadCorpus(file)).toThrow(/ja\.json/);
  });
});

describe('engineAnalyze', () => {
  it('runs a reply through the real engine with its market and context', async () => {
    const engine = await testEngine();
    const tiny: CorpusEntry[] = [
      {
        id: 'flawed',
        market: 'jp',
        quality: 'flawed',
        scenario: 'delivery',
        customer: '注文した商品がまだ届きません。',
        reply: '商品は明日届くと思うよ。',
        expect: ['ja/plain-ending'],
      },
      {
        id: 'excellent',
        market: 'jp',
        quality: 'excellent',
        scenario: 'question',
        customer: '領収書は発行できますか。',
        reply:
          '山田様\n\nお問い合わせいただきありがとうございます。\n領収書はマイページの注文履歴から発行いただけます。\n\n今後ともよろしくお願い申し上げます。',
        expect: [],
      },
    ];
    const result = evaluateCorpus(tiny, engineAnalyze(engine));
    expect(result.recall).toBe(1);
    expect(result.cleanShare).toBe(1);
  });
});
