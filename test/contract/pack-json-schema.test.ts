/**
 * dictionaries/pack.schema.json is generated from the pack's Valibot schemas (lib/contract/pack.ts)
 * and the detectors' option schemas; these tests keep the committed file current and check that what
 * it says is what the validator does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packJsonSchemaText } from '../../lib/contract/pack-json-schema';
import { optionSchemasOf, ruleContract } from '../../lib/contract/rule-options';
import { PACK_LIMITS } from '../../lib/contract/pack';
import { detectors } from '../../lib/engine/registry';
import { validatePack } from '../../lib/policy/validate';

const root = path.resolve(__dirname, '../..');
const text = readFileSync(path.join(root, 'dictionaries/pack.schema.json'), 'utf8');
const schema = JSON.parse(text) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const defs = schema.$defs;

describe('pack.schema.json', () => {
  it('is generated from the current schemas and detectors (run `npm run schema`)', () => {
    expect(text).toBe(packJsonSchemaText(optionSchemasOf(detectors)));
  });

  it('is a draft 2020-12 schema with an $id, closed objects and schemaVersion 1', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/^[a-z]+:/);
    expect(schema.properties.schemaVersion.const).toBe(1);
    for (const s of [schema, defs.localizedText, defs.ruleSetting, defs.market, defs.phraseRule, defs.phraseExamples]) {
      expect(s.additionalProperties).toBe(false);
    }
  });

  it('describes every property (itself or through the definition it refers to), so editors autocomplete with help', () => {
    const described = (node: { description?: string; const?: unknown; $ref?: string }): boolean => {
      if (node.description || node.const !== undefined) return true;
      if (node.$ref) return Boolean(defs[node.$ref.replace('#/$defs/', '')]?.description);
      return false;
    };
    const missing: string[] = [];
    const walk = (node: unknown, where: string) => {
      if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${where}/${i}`));
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === 'properties') {
            for (const [name, sub] of Object.entries(v as Record<string, { description?: string }>)) {
              if (!described(sub)) missing.push(`${where}/properties/${name}`);
              walk(sub, `${where}/properties/${name}`);
            }
          } else walk(v, `${where}/${k}`);
        }
      }
    };
    walk(schema, '#');
    // Properties inside if/then conditions restate a value; they are not documentation.
    expect(missing.filter((m) => !m.includes('/allOf/'))).toEqual([]);
  });

  it('states the limits, in code points', () => {
    expect(schema.properties.name.maxLength).toBe(PACK_LIMITS.nameLength);
    expect(schema.properties.phrases.maxItems).toBe(PACK_LIMITS.phraseRules);
    expect(defs.ruleMap.maxProperties).toBe(PACK_LIMITS.rulesPerMap);
    expect(defs.ruleSetting.properties.options.maxProperties).toBe(PACK_LIMITS.ruleOptions);
    expect(defs.phraseRule.properties.phrases.uniqueItems).toBe(true);
    expect(defs.phraseRule.properties.max).toMatchObject({ type: 'integer', minimum: 0, maximum: PACK_LIMITS.maxCount });
    expect(defs.example.maxLength).toBe(PACK_LIMITS.exampleLength);
    expect(defs.phraseRule.allOf).toHaveLength(3);
  });

  it('lists every built-in rule with exactly the options it takes', () => {
    expect(Object.keys(defs.ruleMap.properties).sort()).toEqual(detectors.map((d) => d.meta.id).sort());
    const longSentence = defs.ruleMap.properties['en/long-sentence'].anyOf[1].properties.options;
    expect(longSentence.additionalProperties).toBe(false);
    expect(Object.keys(longSentence.properties)).toEqual(['maxWords', 'maxParagraphWords']);
    expect(longSentence.properties.maxWords).toMatchObject({ type: 'integer', description: expect.any(String) });
    expect(defs.ruleMap.properties['en/hedging']).toEqual({ $ref: '#/$defs/ruleEntryWithoutOptions' });
    expect(defs.ruleEntryWithoutOptions.anyOf[1].properties.options).toMatchObject({ additionalProperties: false, properties: {} });
  });
});

const base = { schemaVersion: 1, id: 'acme/support', name: 'Acme support', version: '1.0.0' };
const rule = {
  id: 'acme/no-asap',
  type: 'forbid',
  phrases: ['ASAP'],
  message: { en: 'Say when instead of ASAP.', ja: '「ASAP」ではなく期限を書きましょう。' },
  examples: { match: ['We will fix it ASAP.'], noMatch: ['We will fix it by Friday.'] },
};
const market = { id: 'jp-vip', name: { en: 'Japan VIP', ja: '日本 VIP' }, extends: 'jp', languages: ['ja'] };

/** Packs both must accept (`true`) or both reject (`false`). */
const corpus: [string, unknown, boolean][] = [
  ['minimal pack', base, true],
  [
    'full pack',
    {
      $schema: '../pack.schema.json',
      ...base,
      description: 'Team rules',
      owner: 'Support Ops',
      link: 'https://wiki.example.com/tone',
      extends: ['tonebridge/jp'],
      markets: [{ ...market, rules: { 'ja/missing-apology': { level: 'block', options: { strict: true } } } }],
      rules: { 'en/cold-phrase': 'info' },
      phrases: [
        rule,
        { ...rule, id: 'acme/kudasai', type: 'substitute', phrases: ['してください'], replacement: 'していただけますでしょうか', lang: 'ja', examples: { match: ['確認してください。'], noMatch: ['確認をお願いいたします。'] } },
        { ...rule, id: 'acme/sorry-once', type: 'maxCount', max: 1, phrases: ['sorry'], examples: { match: ['Sorry.'], noMatch: ['Thanks.'] } },
        { ...rule, id: 'acme/dekiru', match: 'base', lang: 'ja', phrases: ['対応できる'], examples: { match: ['対応できません。'], noMatch: ['対応いたします。'] } },
        { ...rule, id: 'acme/greet', type: 'require', level: 'info', kind: 'warmth', markets: ['us'], phrases: ['Hi', 'Hello'], examples: { match: ['Hi Jane,'], noMatch: ['Jane,'] } },
      ],
      locked: ['market', 'sendGuard', 'rules.*', 'rules.acme/no-asap'],
      sendGuard: 'warn',
      defaultMarket: 'jp',
    },
    true,
  ],
  ['version with pre-release', { ...base, version: '2.1.0-beta.1' }, true],
  // Lengths count code points on both sides: 150 characters, 299 UTF-16 units.
  ['phrase of 150 characters with emoji', { ...base, phrases: [{ ...rule, phrases: [`日${'😀'.repeat(149)}`], examples: { match: [`日${'😀'.repeat(149)}`], noMatch: ['日'] } }] }, true],
  ['phrase of 201 characters with emoji', { ...base, phrases: [{ ...rule, phrases: [`日${'😀'.repeat(200)}`], examples: { match: [`日${'😀'.repeat(200)}`], noMatch: ['日'] } }] }, false],
  ['not an object', [base], false],
  ['missing id', { schemaVersion: 1, name: 'x', version: '1' }, false],
  ['schemaVersion 2', { ...base, schemaVersion: 2 }, false],
  ['unknown top-level property', { ...base, colour: 'red' }, false],
  ['upper-case id', { ...base, id: 'Acme/Support' }, false],
  ['id with empty segment', { ...base, id: 'acme//support' }, false],
  ['blank name', { ...base, name: '   ' }, false],
  ['version v1', { ...base, version: 'v1' }, false],
  ['ftp link', { ...base, link: 'ftp://example.com' }, false],
  ['duplicate extends', { ...base, extends: ['a', 'a'] }, false],
  ['bad level', { ...base, rules: { 'ja/x': 'loud' } }, false],
  ['bad rule id', { ...base, rules: { 'JA X': 'warn' } }, false],
  ['rule setting without level', { ...base, rules: { 'ja/x': { options: {} } } }, false],
  ['rule setting with extra key', { ...base, rules: { 'ja/x': { level: 'warn', note: 'x' } } }, false],
  ['options not an object', { ...base, rules: { 'ja/x': { level: 'warn', options: [] } } }, false],
  ['market without name', { ...base, markets: [{ id: 'jp' }] }, false],
  ['market name without ja', { ...base, markets: [{ id: 'jp', name: { en: 'Japan' } }] }, false],
  ['market id with slash', { ...base, markets: [{ ...market, id: 'jp/vip' }] }, false],
  ['market language fr', { ...base, markets: [{ ...market, languages: ['fr'] }] }, false],
  ['no languages', { ...base, markets: [{ ...market, languages: [] }] }, false],
  ['bad phrase type', { ...base, phrases: [{ ...rule, type: 'ban' }] }, false],
  ['no phrases', { ...base, phrases: [{ ...rule, phrases: [] }] }, false],
  ['duplicate phrases', { ...base, phrases: [{ ...rule, phrases: ['ASAP', 'ASAP'] }] }, false],
  ['phrase with line break', { ...base, phrases: [{ ...rule, phrases: ['AS\nAP'] }] }, false],
  ['phrase too long', { ...base, phrases: [{ ...rule, phrases: ['a'.repeat(201)] }] }, false],
  ['too many phrases', { ...base, phrases: [{ ...rule, phrases: Array.from({ length: 201 }, (_, i) => `p${i}`) }] }, false],
  ['substitute without replacement', { ...base, phrases: [{ ...rule, type: 'substitute' }] }, false],
  ['maxCount without max', { ...base, phrases: [{ ...rule, type: 'maxCount' }] }, false],
  ['maxCount with fractional max', { ...base, phrases: [{ ...rule, type: 'maxCount', max: 1.5 }] }, false],
  ['maxCount with negative max', { ...base, phrases: [{ ...rule, type: 'maxCount', max: -1 }] }, false],
  ['base match for English', { ...base, phrases: [{ ...rule, match: 'base', lang: 'en' }] }, false],
  ['phrase level off', { ...base, phrases: [{ ...rule, level: 'off' }] }, false],
  ['unknown kind', { ...base, phrases: [{ ...rule, kind: 'tone' }] }, false],
  ['no examples', { ...base, phrases: [{ ...rule, examples: undefined }] }, false],
  ['no noMatch examples', { ...base, phrases: [{ ...rule, examples: { match: ['ASAP'], noMatch: [] } }] }, false],
  ['blank example', { ...base, phrases: [{ ...rule, examples: { match: ['ASAP', ' '], noMatch: ['x'] } }] }, false],
  ['unknown lock', { ...base, locked: ['colour'] }, false],
  ['duplicate locks', { ...base, locked: ['market', 'market'] }, false],
  ['bad send guard', { ...base, sendGuard: 'on' }, false],
  ['bad default market', { ...base, defaultMarket: 'JP' }, false],
];

describe('the validator accepts and rejects as the schema says', () => {
  it.each(corpus)('%s', (_name, pack, valid) => {
    const result = validatePack(JSON.parse(JSON.stringify(pack)));
    expect(result.ok, JSON.stringify(result)).toBe(valid);
  });

  it('accepts the built-in packs with every rule’s options checked', () => {
    for (const file of ['jp.json', 'us.json']) {
      const pack = JSON.parse(readFileSync(path.join(root, 'dictionaries/packs', file), 'utf8'));
      expect(validatePack(pack, ruleContract(detectors))).toMatchObject({ ok: true });
    }
  });
});
