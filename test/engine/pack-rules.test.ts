/**
 * Pack phrase rules as the engine's detector family (lib/engine/pack-rules.ts): hits on the analysed
 * text, findings by rule type, and the rules' run inside `Engine.analyze`. The matcher itself is
 * tested in test/lang/phrases.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { findPackRuleFindings, phraseRuleHits, surfaceHits } from '../../lib/engine/pack-rules';
import { createNodeEngine } from '../../lib/node/engine';
import type { PhraseRule, PolicyPack } from '../../lib/policy/types';
import { testEngine } from '../helpers/engine';

const rule = (over: Partial<PhraseRule>): PhraseRule => ({
  id: 'acme/test',
  type: 'forbid',
  phrases: [],
  message: { en: 'Test.', ja: 'テスト。' },
  examples: { match: [], noMatch: [] },
  ...over,
});

const spans = (hits: { start: number; end: number }[], text: string) => hits.map((h) => text.slice(h.start, h.end));

describe('phrase rules on analysed text', () => {
  it('base-matches conjugations of the last word', async () => {
    const engine = await testEngine();
    const dekiru = rule({ match: 'base', phrases: ['できる'] });
    for (const text of ['それはできません。', 'それはできない。', '明日はできなかった。']) {
      const hits = phraseRuleHits(engine.analyzeText(text), dekiru);
      expect(spans(hits, text), text).toEqual(['でき']);
    }
    const taiou = rule({ match: 'base', phrases: ['対応できる'] });
    const text = 'その件には対応できません。すぐに対応いたします。';
    expect(spans(phraseRuleHits(engine.analyzeText(text), taiou), text)).toEqual(['対応でき']);
    const mousu = rule({ match: 'base', phrases: ['申し上げる'] });
    const t2 = '心よりお詫び申し上げます。';
    expect(spans(phraseRuleHits(engine.analyzeText(t2), mousu), t2)).toEqual(['申し上げ']);
    // A surface rule does not see conjugations.
    expect(phraseRuleHits(engine.analyzeText(text), rule({ phrases: ['対応できる'] }))).toEqual([]);
    // Base matching only reads Japanese sentences.
    expect(phraseRuleHits(engine.analyzeText('We can do it.'), rule({ match: 'base', phrases: ['can'] }))).toEqual([]);
  });

  it('limits surface rules to the rule’s language, with offsets into the whole text', async () => {
    const engine = await testEngine();
    const text = 'ASAP対応します。\nWe will reply ASAP.';
    const doc = engine.analyzeText(text);
    const all = phraseRuleHits(doc, rule({ phrases: ['ASAP'] }));
    expect(all.map((h) => h.start)).toEqual([0, text.lastIndexOf('ASAP')]);
    expect(phraseRuleHits(doc, rule({ phrases: ['ASAP'], lang: 'en' })).map((h) => h.start)).toEqual([text.lastIndexOf('ASAP')]);
    expect(surfaceHits('reply asap', rule({ phrases: ['ASAP'], ignoreCase: false }))).toEqual([]);
  });

  it('turns hits into findings for require, forbid, substitute and maxCount', async () => {
    const engine = await testEngine();
    const text = 'Sorry for the delay. Sorry again, we will fix it ASAP. Sorry!';
    const doc = engine.analyzeText(text);
    const at = (phrase: string, n = 0) => {
      let i = -1;
      for (let k = 0; k <= n; k++) i = text.indexOf(phrase, i + 1);
      return i;
    };
    const findings = findPackRuleFindings(doc, [
      rule({ id: 'acme/greet', type: 'require', phrases: ['Hi', 'Hello'], level: 'info', kind: 'warmth' }),
      rule({ id: 'acme/thanks', type: 'require', phrases: ['delay'] }),
      rule({ id: 'acme/asap', type: 'forbid', phrases: ['ASAP'], level: 'block' }),
      rule({ id: 'acme/sorry', type: 'maxCount', phrases: ['sorry'], max: 1 }),
      rule({ id: 'acme/fix', type: 'substitute', phrases: ['fix it'], replacement: 'resolve it' }),
    ]);
    expect(findings.map((f) => [f.ruleId, f.kind, f.level, f.start, f.end])).toEqual([
      ['acme/greet', 'warmth', 'info', 0, 0],
      ['acme/asap', 'policy', 'block', at('ASAP'), at('ASAP') + 4],
      ['acme/sorry', 'policy', 'warn', at('Sorry', 1), at('Sorry', 1) + 5],
      ['acme/sorry', 'policy', 'warn', at('Sorry', 2), at('Sorry', 2) + 5],
      ['acme/fix', 'policy', 'warn', at('fix it'), at('fix it') + 6],
    ]);
    expect(findings[0]).toMatchObject({ message: { id: 'acme/greet:message' }, reason: { id: 'acme/greet:message' }, fixes: [] });
    expect(findings[4]!.fixes).toEqual([
      { label: { id: 'policy:substitute', data: { text: 'resolve it' } }, edits: [{ start: at('fix it'), end: at('fix it') + 6, text: 'resolve it' }] },
    ]);
    // maxCount 0 flags every hit; a rule for another language stays silent.
    expect(findPackRuleFindings(doc, [rule({ type: 'maxCount', phrases: ['sorry'], max: 0 })])).toHaveLength(3);
    expect(findPackRuleFindings(doc, [rule({ type: 'require', phrases: ['よろしく'], lang: 'ja' })])).toEqual([]);
    // An empty draft has nothing to require yet.
    expect(findPackRuleFindings(engine.analyzeText(''), [rule({ type: 'require', phrases: ['Hi'] })])).toEqual([]);
  });

  it('reaches the report through a pack, with a readable substitute label', async () => {
    const pack: PolicyPack = {
      schemaVersion: 1,
      id: 'acme/jp',
      name: 'Acme JP',
      version: '1.0.0',
      phrases: [
        rule({
          id: 'acme/kudasai',
          type: 'substitute',
          phrases: ['してください'],
          replacement: 'していただけますでしょうか',
          markets: ['jp'],
          message: { en: 'Ask, do not order.', ja: '依頼の形にしましょう。' },
        }),
      ],
    };
    const engine = createNodeEngine({ packs: [{ pack, source: 'file' }] });
    await engine.prepare(['ja']);
    const text = 'ご確認してください。';
    const report = engine.analyze(text, { market: 'jp' });
    const finding = report.findings.find((f) => f.ruleId === 'acme/kudasai');
    expect(finding).toMatchObject({ start: 3, end: 9, fixes: [{ edits: [{ start: 3, end: 9, text: 'していただけますでしょうか' }] }] });
    expect(engine.messages.format(finding!.fixes[0]!.label, 'en')).toBe('Replace with “していただけますでしょうか”');
    expect(engine.messages.format(finding!.fixes[0]!.label, 'ja')).toBe('「していただけますでしょうか」に置き換える');
    expect(engine.messages.format(finding!.message, 'ja')).toBe('依頼の形にしましょう。');
    expect(engine.analyze(text, { market: 'us' }).findings.some((f) => f.ruleId === 'acme/kudasai')).toBe(false);
  });

  it('runs each rule like a detector: its findings hold the send, and a broken rule is reported, not fatal', async () => {
    const engine = await testEngine();
    const policy = engine.activePolicy;
    const us = policy.markets.get('us')!;
    const broken = rule({ id: 'acme/broken', phrases: null as unknown as string[] });
    const asap = rule({ id: 'acme/asap', phrases: ['ASAP'] });
    const markets = new Map(policy.markets);
    markets.set('us', { ...us, phrases: [broken, asap] });
    engine.setPolicy({ ...policy, markets });
    try {
      const report = engine.analyze('Hi Jane,\nWe will reply ASAP.\nBest,\nSam', { market: 'us' });
      expect(report.errors?.map((e) => e.ruleId)).toEqual(['acme/broken']);
      const finding = report.findings.find((f) => f.ruleId === 'acme/asap');
      // Send-critical like the pre-send check has always read a pack's rule (absent meant holds).
      expect(finding).toMatchObject({ level: 'warn', holdsSend: true, kind: 'policy' });
    } finally {
      engine.setPolicy(policy);
    }
  });
});
