import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetKind, loadDatasets, parseDataset } from '../../lib/eval/datasets';
import { engineScorer, evaluate, formatTable, type EvalScorer } from '../../lib/eval/evaluate';
import { testEngine } from '../helpers/engine';

/** A scorer from lookup tables, so every metric can be worked out by hand. */
function tableScorer(scores: Record<string, number>, flags: Record<string, string> = {}): EvalScorer {
  const score = (t: string) => {
    const s = scores[t];
    if (s === undefined) throw new Error(`no score for ${t}`);
    return s;
  };
  return {
    jaFormality: score,
    enPoliteness: score,
    jaHonorifics: (t) => ({ sonkeigo: (flags[t] ?? '').includes('S'), kenjogo: (flags[t] ?? '').includes('K') }),
    jaApology: (t) => (flags[t] ?? '').includes('A'),
  };
}

describe('datasets', () => {
  it('recognises files by prefix', () => {
    expect(datasetKind('keico-dev.csv')).toBe('keico');
    expect(datasetKind('cocoa-mt-ja-train.csv')).toBe('cocoa');
    expect(datasetKind('Politeness-stack.csv')).toBe('politeness');
    expect(datasetKind('pastel-pairs.csv')).toBe('pastel');
    expect(datasetKind('README.md')).toBeUndefined();
  });
  it('parses keico rows and skips unreadable ones', () => {
    const csv =
      '\uFEFF本文,Level,書き言葉,話し言葉,尊敬語,謙譲語,丁寧語,フィールド\r\n' +
      '申し訳ございません。,1,1,1,0,1,0,謝る\r\n' +
      'ごめん。,4,0,1,0,0,0,謝る\r\n' +
      ',2,1,1,0,0,0,客\r\n' + // empty text
      '行きます。,5,1,1,0,0,1,客\r\n' + // level out of range
      '行きます。,2,1,1,x,0,1,客\r\n'; // bad flag
    const parsed = parseDataset('keico', csv);
    expect(parsed.skipped).toBe(3);
    expect(parsed.keico).toEqual([
      { text: '申し訳ございません。', level: 1, sonkeigo: false, kenjogo: true, teineigo: false, scene: '謝る' },
      { text: 'ごめん。', level: 4, sonkeigo: false, kenjogo: false, teineigo: false, scene: '謝る' },
    ]);
  });
  it('loads a folder, pooling files of one kind and ignoring others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-eval-'));
    writeFileSync(join(dir, 'cocoa-a.csv'), 'domain,en,formal,informal\nchat,hi,です。,だ。\n');
    writeFileSync(join(dir, 'cocoa-b.csv'), 'domain,en,formal,informal\nchat,"a, b","ます。","る。"\n');
    writeFileSync(join(dir, 'politeness-x.csv'), 'id,request,score\n1,Please help?,0.5\n2,Fix it,nope\n');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    mkdirSync(join(dir, 'keico-folder'));
    const data = loadDatasets(dir);
    expect(data.files).toEqual([
      { file: 'cocoa-a.csv', kind: 'cocoa', rows: 1, skipped: 0 },
      { file: 'cocoa-b.csv', kind: 'cocoa', rows: 1, skipped: 0 },
      { file: 'politeness-x.csv', kind: 'politeness', rows: 1, skipped: 1 },
    ]);
    expect(data.cocoa).toEqual([
      { group: 'chat', high: 'です。', low: 'だ。' },
      { group: 'chat', high: 'ます。', low: 'る。' },
    ]);
    expect(data.keico).toBeUndefined();
    expect(data.politeness).toEqual([{ id: '1', text: 'Please help?', score: 0.5 }]);
  });
  it('names the file and the missing column of a wrong schema', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-eval-'));
    writeFileSync(join(dir, 'pastel.csv'), 'axis,high\npoliteness,です\n');
    expect(() => loadDatasets(dir)).toThrow(/pastel\.csv: missing column\(s\) low/);
  });
});

describe('evaluate', () => {
  it('computes every README metric from the scores, and only for the datasets present', () => {
    const scorer = tableScorer(
      {
        F1: 0.9, I1: 0.2, // right
        F2: 0.5, I2: 0.5, // tie
        F3: 0.1, I3: 0.6, // wrong
        H1: 0.8, L1: 0.3,
        k1: 0.9, k2: 0.7, k3: 0.4, k4a: 0.4, k4b: 0.1,
        e1: 0.1, e2: 0.2, e3: 0.3, e4: 0.9, e5: 0.5, e6: 0.6, e7: 0.7, e8: 0.8,
      },
      { k1: 'SA', k2: 'K', k3: 'S', k4a: 'A', k4b: '' },
    );
    const result = evaluate(
      {
        files: [],
        cocoa: [
          { group: 'telephony', high: 'F1', low: 'I1' },
          { group: 'telephony', high: 'F2', low: 'I2' },
          { group: 'topical_chat', high: 'F3', low: 'I3' },
        ],
        pastel: [{ group: 'politeness', high: 'H1', low: 'L1' }],
        keico: [
          { text: 'k1', level: 1, sonkeigo: true, kenjogo: false, teineigo: false, scene: '謝る' },
          { text: 'k2', level: 2, sonkeigo: true, kenjogo: true, teineigo: false, scene: '客' },
          { text: 'k3', level: 3, sonkeigo: false, kenjogo: false, teineigo: true, scene: '謝る' },
          { text: 'k4a', level: 4, sonkeigo: false, kenjogo: false, teineigo: false, scene: '謝る' },
          { text: 'k4b', level: 4, sonkeigo: false, kenjogo: true, teineigo: false, scene: '客' },
        ],
        politeness: [
          // Human scores rank e1 … e8; top quartile = e7, e8; bottom = e1, e2.
          { id: '1', text: 'e1', score: -2 },
          { id: '2', text: 'e2', score: -1 },
          { id: '3', text: 'e3', score: 0 },
          { id: '4', text: 'e4', score: 0.1 },
          { id: '5', text: 'e5', score: 0.2 },
          { id: '6', text: 'e6', score: 0.3 },
          { id: '7', text: 'e7', score: 1 },
          { id: '8', text: 'e8', score: 2 },
        ],
      },
      scorer,
    );
    // keico AUC: positives 0.9, 0.7, 0.4 vs negatives 0.4, 0.1 → (2 + 2 + 1.5) / 6.
    // Spearman of [0.9, 0.7, 0.4, 0.4, 0.1] vs 5 − Level [4, 3, 2, 1, 1]:
    // ranks [5, 4, 2.5, 2.5, 1] vs [5, 4, 3, 1.5, 1.5], both of mean 3: dx = [2, 1, −.5, −.5, −2],
    // dy = [2, 1, 0, −1.5, −1.5] → Σdxdy = 8.75, Σdx² = Σdy² = 9.5 → 8.75 / 9.5.
    // sonkeigo: predicted k1, k3; gold k1, k2 → P 1/2, R 1/2. kenjogo: predicted k2; gold k2, k4b → P 1, R 1/2.
    // Apology (scene 謝る: k1, k3, k4a): k1 and k4a covered → 2/3.
    // English: top [0.7, 0.8] vs bottom [0.1, 0.2] → AUC 1; Spearman of e-scores vs human:
    // scores ranks [1,2,3,8,4,5,6,7] vs [1..8] → Σd² = 16+1+1+1+1 = 20 → 1 − 6·20/(8·63).
    expect(result.json).toEqual({
      ja: {
        cocoa: { telephony: 0.75, topical_chat: 0 },
        pastel: { politeness: 1 },
        keico: {
          auc: Math.round((5.5 / 6) * 10000) / 10000,
          spearman: Math.round((8.75 / 9.5) * 10000) / 10000,
          sonkeigo: { precision: 0.5, recall: 0.5 },
          kenjogo: { precision: 1, recall: 0.5 },
          apology_recall: Math.round((2 / 3) * 10000) / 10000,
        },
      },
      en: { politeness: { auc: 1, spearman: Math.round((1 - (6 * 20) / (8 * 63)) * 10000) / 10000 } },
    });
    // The worst cocoa example lists the wrong pair first.
    const cocoaErrors = [...result.errors].find(([label]) => label.startsWith('ja.cocoa.topical_chat'))?.[1];
    expect(cocoaErrors?.[0]).toMatchObject({ text: 'F3', other: 'I3' });
    const plainErrors = result.errors.get('ja.keico: level 4 (plain) scored most formal');
    expect(plainErrors?.map((e) => e.text)).toEqual(['k4a', 'k4b']);
    expect(formatTable(result.table)).toContain('ja.keico AUC (levels 1–3 vs 4)');
  });
  it('measures how often KeiCO labels agree with the textbook type of a form (when the scorer names forms)', () => {
    const scorer: EvalScorer = {
      ...tableScorer({ a: 0.9, b: 0.9, c: 0.9 }),
      jaKeigoForms: (t) => (t === 'c' ? ['o-ni-naru'] : ['o-itasu']),
    };
    const result = evaluate(
      {
        files: [],
        keico: [
          { text: 'a', level: 1, sonkeigo: false, kenjogo: true, teineigo: false, scene: '' },
          { text: 'b', level: 1, sonkeigo: true, kenjogo: false, teineigo: false, scene: '' },
          { text: 'c', level: 1, sonkeigo: true, kenjogo: false, teineigo: false, scene: '' },
        ],
      },
      scorer,
    );
    const row = (form: string) => result.table.find((r) => r.metric.startsWith('ja.keico label agreement') && r.detail?.endsWith(form));
    expect(row('o-itasu')).toMatchObject({ n: 2, value: 0.5 });
    expect(row('o-ni-naru')).toMatchObject({ n: 1, value: 1 });
    expect(row('o-suru')).toBeUndefined();
  });
  it('leaves out the keys of absent datasets', () => {
    const result = evaluate({ files: [], politeness: [{ id: '1', text: 'a', score: 1 }] }, tableScorer({ a: 0.5 }));
    expect(result.json).toEqual({ en: { politeness: { auc: null, spearman: null } } });
  });
});

describe('engineScorer', () => {
  it('reads formality, honorifics, apology and politeness from the real engine', async () => {
    const scorer = engineScorer(await testEngine());
    expect(scorer.jaFormality('ご確認いただけますでしょうか。')).toBeGreaterThan(scorer.jaFormality('確認して。'));
    expect(scorer.jaHonorifics('社長がおっしゃいました。').sonkeigo).toBe(true);
    expect(scorer.jaHonorifics('明日伺います。').kenjogo).toBe(true);
    expect(scorer.jaApology('ご迷惑をおかけし、申し訳ございません。')).toBe(true);
    expect(scorer.jaApology('明日送ります。')).toBe(false);
    expect(scorer.enPoliteness('Could you please send the file? Thank you!')).toBeGreaterThan(scorer.enPoliteness('Send the file.'));
  });
});
