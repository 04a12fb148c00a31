import { describe, expect, it } from 'vitest';
import type { JaToken } from '../../lib/lang/ja/types';
import { createNodeEngine } from '../../lib/node/engine';
import { baseMatchEnd, findPhraseRuleFindings, LiteralMatcher, phraseRuleHits, surfaceHits } from '../../lib/policy/phrases';
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

describe('LiteralMatcher', () => {
  it('finds every non-overlapping occurrence, leftmost first and longest at a position', () => {
    const m = new LiteralMatcher(['not', 'not possible', 'possible']);
    const text = 'It is not possible, not now, possible later.';
    expect(m.findAll(text)).toEqual([
      { phrase: 'not possible', start: 6, end: 18 },
      { phrase: 'not', start: 20, end: 23 },
      { phrase: 'possible', start: 29, end: 37 },
    ]);
  });
  it('matches English on word boundaries only', () => {
    const m = new LiteralMatcher(['ASAP', 'per']);
    expect(spans(m.findAll('Reply ASAP, as per policy; ASAPs, perhaps, super'), 'Reply ASAP, as per policy; ASAPs, perhaps, super')).toEqual(['ASAP', 'per']);
  });
  it('ignores case by default and honours ignoreCase false', () => {
    const text = 'Sorry, SORRY, sorry';
    expect(spans(new LiteralMatcher(['sorry']).findAll(text), text)).toEqual(['Sorry', 'SORRY', 'sorry']);
    expect(spans(new LiteralMatcher(['sorry'], false).findAll(text), text)).toEqual(['sorry']);
    expect(spans(new LiteralMatcher(['café']).findAll('CAFÉ Café'), 'CAFÉ Café')).toEqual(['CAFÉ', 'Café']);
  });
  it('treats ’ and \' as the same apostrophe', () => {
    expect(new LiteralMatcher(["can't"]).findAll('We can’t do that.')).toEqual([{ phrase: 'can’t', start: 3, end: 8 }]);
    expect(new LiteralMatcher(['can’t']).findAll("We can't.")).toHaveLength(1);
  });
  it('matches Japanese as substrings, overlapping phrases included', () => {
    const m = new LiteralMatcher(['申し訳', '申し訳ございません', 'ございません']);
    const text = '大変申し訳ございません。ございません。';
    expect(spans(m.findAll(text), text)).toEqual(['申し訳ございません', 'ございません']);
  });
  it('finds a phrase reachable only through a failure link', () => {
    // "かきくけ" fails after "かきく", falls back to the "きく" state and must still report "きくこ".
    const m = new LiteralMatcher(['かきくけ', 'きくこ']);
    expect(spans(m.findAll('んかきくこ'), 'んかきくこ')).toEqual(['きくこ']);
    // English phrases inside a longer word are not words.
    expect(new LiteralMatcher(['bcx']).findAll('abcx')).toEqual([]);
  });
  it('ignores empty phrases and stays linear on a pathological pack', () => {
    expect(new LiteralMatcher(['', 'あ']).findAll('ああ')).toHaveLength(2);
    // 200 phrases of 200 "a"s ending in different letters, against 5,000 "a"s: a backtracking
    // alternation does ~200 × 200 steps per position; the automaton does one.
    const phrases = Array.from({ length: 200 }, (_, i) => `${'a'.repeat(199)}${String.fromCharCode(0x4e00 + i)}`);
    const m = new LiteralMatcher(phrases);
    const started = performance.now();
    expect(m.findAll('a'.repeat(5000))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('baseMatchEnd', () => {
  const tok = (surface: string, baseForm = surface): Pick<JaToken, 'surface' | 'baseForm'> => ({ surface, baseForm });
  it('spells the phrase with surfaces, the last word in any conjugation', () => {
    const tokens = [tok('対応'), tok('でき', 'できる'), tok('ませ', 'ます'), tok('ん')];
    expect(baseMatchEnd(tokens, 0, '対応できる')).toBe(1);
    expect(baseMatchEnd(tokens, 1, 'できる')).toBe(1);
    expect(baseMatchEnd(tokens, 0, '対応でき')).toBe(1);
    expect(baseMatchEnd(tokens, 0, '対応')).toBe(0);
    expect(baseMatchEnd(tokens, 0, '対応します')).toBe(-1);
    expect(baseMatchEnd(tokens, 2, 'ます')).toBe(2);
    expect(baseMatchEnd(tokens, 0, '対応できませんでした')).toBe(-1);
  });
});

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
    const findings = findPhraseRuleFindings(doc, [
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
    expect(findPhraseRuleFindings(doc, [rule({ type: 'maxCount', phrases: ['sorry'], max: 0 })])).toHaveLength(3);
    expect(findPhraseRuleFindings(doc, [rule({ type: 'require', phrases: ['よろしく'], lang: 'ja' })])).toEqual([]);
    // An empty draft has nothing to require yet.
    expect(findPhraseRuleFindings(engine.analyzeText(''), [rule({ type: 'require', phrases: ['Hi'] })])).toEqual([]);
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
});
