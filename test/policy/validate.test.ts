import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectors } from '../../lib/engine/registry';
import { ruleContract } from '../../lib/contract/rule-options';
import { PACK_LIMITS, parsePackText, readPackBytes, validatePack, type PackIssue, type PackValidation } from '../../lib/policy/validate';
import { testEngine } from '../helpers/engine';

const root = path.resolve(__dirname, '../..');
const knownRuleIds = new Set(detectors.map((d) => d.meta.id));
const base = { schemaVersion: 1, id: 'acme/support', name: 'Acme support', version: '1.0.0' };
const rule = {
  id: 'acme/no-asap',
  type: 'forbid',
  phrases: ['ASAP'],
  message: { en: 'Say when instead of ASAP.', ja: '「ASAP」ではなく期限を書きましょう。' },
  examples: { match: ['We will fix it ASAP.'], noMatch: ['We will fix it by Friday.'] },
};
const market = { id: 'jp-vip', name: { en: 'Japan VIP', ja: '日本 VIP' } };

function errorsOf(result: PackValidation): PackIssue[] {
  if (result.ok) throw new Error(`expected errors, got ok with warnings ${JSON.stringify(result.warnings)}`);
  return result.errors;
}

describe('validatePack accepts', () => {
  it('the built-in packs, with the registry’s rule ids', () => {
    for (const file of ['jp.json', 'us.json']) {
      const result = parsePackText(readFileSync(path.join(root, 'dictionaries/packs', file), 'utf8'), { knownRuleIds });
      expect(result, file).toMatchObject({ ok: true, warnings: [] });
    }
  });

  it('a full pack, returning it as a PolicyPack', () => {
    const pack = {
      ...base,
      extends: ['tonebridge/jp'],
      markets: [{ ...market, extends: 'jp', languages: ['ja', 'en'], rules: { 'ja/missing-apology': { level: 'block', options: { x: 1 } } } }],
      rules: { 'en/cold-phrase': 'off' },
      phrases: [rule, { ...rule, id: 'acme/hi', type: 'require', phrases: ['Hi', 'Hello'], examples: { match: ['Hello Jane,'], noMatch: ['Dear Jane,'] } }],
      locked: ['market', 'uiLang', 'agentName', 'sendGuard', 'enabled', 'sites', 'rules.*', 'rules.ja/missing-apology', 'rules.acme/hi'],
      sendGuard: 'block',
      defaultMarket: 'jp-vip',
    };
    const result = validatePack(pack, { knownRuleIds });
    expect(result).toEqual({ ok: true, pack, warnings: [] });
  });
});

/** [what, pack, exact path, reason]. Each pack has exactly this one error. */
const rejections: [string, unknown, string, RegExp][] = [
  ['not an object', 'pack', '', /expected an object, got the string "pack"/],
  ['an array', [base], '', /expected an object, got an array/],
  ['unknown property, with a suggestion', { ...base, nmae: 'x' }, 'nmae', /unknown property; did you mean "name"\?/],
  ['missing required property', { schemaVersion: 1, id: 'a', version: '1' }, 'name', /is required/],
  ['schemaVersion other than 1', { ...base, schemaVersion: 2 }, 'schemaVersion', /expected 1, got number 2/],
  ['bad pack id', { ...base, id: 'Acme Support' }, 'id', /not a valid pack id/],
  ['id too long', { ...base, id: 'a'.repeat(101) }, 'id', /101 characters long; the limit is 100/],
  ['name not a string', { ...base, name: 5 }, 'name', /expected a string, got number 5/],
  ['empty name', { ...base, name: '' }, 'name', /must not be empty/],
  ['blank name', { ...base, name: ' \t' }, 'name', /must not be blank/],
  ['bad version', { ...base, version: 'latest' }, 'version', /not a version like "1.2.0"/],
  ['description too long', { ...base, description: 'x'.repeat(2001) }, 'description', /limit is 2000/],
  ['link not http(s)', { ...base, link: 'javascript:alert(1)' }, 'link', /not an http\(s\) URL/],
  ['extends not an array', { ...base, extends: 'tonebridge/jp' }, 'extends', /expected an array/],
  ['extends itself', { ...base, extends: ['acme/support'] }, 'extends[0]', /cannot extend itself/],
  ['extends twice', { ...base, extends: ['a', 'a'] }, 'extends[1]', /duplicates extends\[0\]/],
  ['too many extends', { ...base, extends: Array.from({ length: 21 }, (_, i) => `p${i}`) }, 'extends', /21 items; the limit is 20/],
  ['market not an object', { ...base, markets: ['jp'] }, 'markets[0]', /expected an object/],
  ['market unknown property', { ...base, markets: [{ ...market, colour: 'red' }] }, 'markets[0].colour', /unknown property/],
  ['market bad id', { ...base, markets: [{ ...market, id: 'JP' }] }, 'markets[0].id', /not a valid market id/],
  ['market name missing ja', { ...base, markets: [{ ...market, name: { en: 'x' } }] }, 'markets[0].name.ja', /is required/],
  ['market name blank en', { ...base, markets: [{ ...market, name: { en: ' ', ja: 'x' } }] }, 'markets[0].name.en', /must not be blank/],
  ['market extends itself', { ...base, markets: [{ ...market, extends: 'jp-vip' }] }, 'markets[0].extends', /cannot extend itself/],
  ['market language unknown', { ...base, markets: [{ ...market, languages: ['ja', 'fr'] }] }, 'markets[0].languages[1]', /expected one of ja, en, got the string "fr"/],
  ['market languages empty', { ...base, markets: [{ ...market, languages: [] }] }, 'markets[0].languages', /at least 1 item/],
  ['market defined twice', { ...base, markets: [market, market] }, 'markets[1].id', /already defined by markets\[0\]/],
  ['market rule bad level', { ...base, markets: [{ ...market, rules: { 'ja/missing-apology': 'loud' } }] }, 'markets[0].rules.ja/missing-apology', /expected one of off, info, warn, block/],
  ['rules not an object', { ...base, rules: ['ja/missing-apology'] }, 'rules', /expected an object of rule id → level/],
  ['rule id malformed', { ...base, rules: { 'Ja/Missing': 'warn' } }, 'rules.Ja/Missing', /must be lower-case segments/],
  ['rule entry a number', { ...base, rules: { 'ja/missing-apology': 2 } }, 'rules.ja/missing-apology', /expected a level .* or \{ "level"/],
  ['rule setting without level', { ...base, rules: { 'ja/missing-apology': { options: {} } } }, 'rules.ja/missing-apology.level', /is required/],
  ['rule setting bad level', { ...base, rules: { 'ja/missing-apology': { level: 'on' } } }, 'rules.ja/missing-apology.level', /expected one of off, info, warn, block/],
  ['rule options not an object', { ...base, rules: { 'ja/missing-apology': { level: 'warn', options: 3 } } }, 'rules.ja/missing-apology.options', /expected an object/],
  ['too many rule options', { ...base, rules: { 'ja/missing-apology': { level: 'warn', options: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`o${i}`, i])) } } }, 'rules.ja/missing-apology.options', /51 options; the limit is 50/],
  ['too many rules', { ...base, rules: Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`r${i}`, 'warn'])) }, 'rules', /501 rules; the limit is 500/],
  ['phrases not an array', { ...base, phrases: rule }, 'phrases', /expected an array/],
  ['phrase rule unknown property', { ...base, phrases: [{ ...rule, regex: '.*' }] }, 'phrases[0].regex', /unknown property/],
  ['phrase rule bad id', { ...base, phrases: [{ ...rule, id: 'No ASAP' }] }, 'phrases[0].id', /not a valid rule id/],
  ['phrase rule missing message', { ...base, phrases: [{ ...rule, message: undefined }] }, 'phrases[0].message', /is required/],
  ['phrase rule bad type', { ...base, phrases: [{ ...rule, type: 'forbidden' }] }, 'phrases[0].type', /expected one of require, forbid, substitute, maxCount, got the string "forbidden"; did you mean "forbid"\?/],
  ['phrase list empty', { ...base, phrases: [{ ...rule, phrases: [] }] }, 'phrases[0].phrases', /at least 1 item/],
  ['phrase not a string', { ...base, phrases: [{ ...rule, phrases: ['ASAP', 7] }] }, 'phrases[0].phrases[1]', /expected a string, got number 7/],
  ['phrase empty', { ...base, phrases: [{ ...rule, phrases: ['ASAP', ''] }] }, 'phrases[0].phrases[1]', /must not be empty/],
  ['phrase blank', { ...base, phrases: [{ ...rule, phrases: ['ASAP', '  '] }] }, 'phrases[0].phrases[1]', /must not be blank/],
  ['phrase over two lines', { ...base, phrases: [{ ...rule, phrases: ['ASAP', 'as soon\nas possible'] }] }, 'phrases[0].phrases[1]', /contains a line break/],
  ['phrase too long', { ...base, phrases: [{ ...rule, phrases: ['ASAP', 'x'.repeat(201)] }] }, 'phrases[0].phrases[1]', /201 characters long; the limit is 200/],
  ['phrase repeated', { ...base, phrases: [{ ...rule, phrases: ['ASAP', 'ASAP'] }] }, 'phrases[0].phrases[1]', /duplicates phrases\[0\]\.phrases\[0\]/],
  ['too many phrases', { ...base, phrases: [{ ...rule, phrases: ['ASAP', ...Array.from({ length: 200 }, (_, i) => `zz${i}`)] }] }, 'phrases[0].phrases', /201 items; the limit is 200/],
  ['bad match mode', { ...base, phrases: [{ ...rule, match: 'regex' }] }, 'phrases[0].match', /expected one of surface, base/],
  ['base matching for English', { ...base, phrases: [{ ...rule, match: 'base', lang: 'en' }] }, 'phrases[0].match', /base-form matching is for Japanese/],
  ['ignoreCase not boolean', { ...base, phrases: [{ ...rule, ignoreCase: 'yes' }] }, 'phrases[0].ignoreCase', /expected true or false/],
  ['bad lang', { ...base, phrases: [{ ...rule, lang: 'de' }] }, 'phrases[0].lang', /expected one of ja, en/],
  ['substitute without replacement', { ...base, phrases: [{ ...rule, type: 'substitute' }] }, 'phrases[0].replacement', /required for a "substitute" rule/],
  ['replacement not a string', { ...base, phrases: [{ ...rule, type: 'substitute', replacement: 1 }] }, 'phrases[0].replacement', /expected a string/],
  ['maxCount without max', { ...base, phrases: [{ ...rule, type: 'maxCount' }] }, 'phrases[0].max', /required for a "maxCount" rule/],
  ['maxCount fractional max', { ...base, phrases: [{ ...rule, type: 'maxCount', max: 0.5 }] }, 'phrases[0].max', /whole number from 0 to 1000, got number 0.5/],
  ['maxCount negative max', { ...base, phrases: [{ ...rule, type: 'maxCount', max: -1 }] }, 'phrases[0].max', /whole number from 0 to 1000/],
  ['maxCount max as string', { ...base, phrases: [{ ...rule, type: 'maxCount', max: '2' }] }, 'phrases[0].max', /whole number from 0 to 1000, got the string "2"/],
  ['rule markets empty', { ...base, phrases: [{ ...rule, markets: [] }] }, 'phrases[0].markets', /at least 1 item/],
  ['rule market bad id', { ...base, phrases: [{ ...rule, markets: ['US'] }] }, 'phrases[0].markets[0]', /not a valid market id/],
  ['rule level off', { ...base, phrases: [{ ...rule, level: 'off' }] }, 'phrases[0].level', /expected one of info, warn, block/],
  ['rule kind unknown', { ...base, phrases: [{ ...rule, kind: 'tone' }] }, 'phrases[0].kind', /expected one of apology, .* policy/],
  ['message missing en', { ...base, phrases: [{ ...rule, message: { ja: 'x' } }] }, 'phrases[0].message.en', /is required/],
  ['message too long', { ...base, phrases: [{ ...rule, message: { en: 'x'.repeat(501), ja: 'x' } }] }, 'phrases[0].message.en', /limit is 500/],
  ['examples missing', { ...base, phrases: [{ ...rule, examples: undefined }] }, 'phrases[0].examples', /is required/],
  ['examples noMatch missing', { ...base, phrases: [{ ...rule, examples: { match: ['ASAP'] } }] }, 'phrases[0].examples.noMatch', /is required/],
  ['examples match empty', { ...base, phrases: [{ ...rule, examples: { match: [], noMatch: ['x'] } }] }, 'phrases[0].examples.match', /at least 1 item/],
  ['too many examples', { ...base, phrases: [{ ...rule, examples: { match: Array(21).fill('ASAP'), noMatch: ['x'] } }] }, 'phrases[0].examples.match', /21 items; the limit is 20/],
  ['example too long', { ...base, phrases: [{ ...rule, examples: { match: ['ASAP'], noMatch: ['x'.repeat(1001)] } }] }, 'phrases[0].examples.noMatch[0]', /limit is 1000/],
  ['examples unknown property', { ...base, phrases: [{ ...rule, examples: { ...rule.examples, maybe: [] } }] }, 'phrases[0].examples.maybe', /unknown property/],
  ['match example does not match', { ...base, phrases: [{ ...rule, examples: { match: ['ASAP', 'as soon as possible'], noMatch: ['x'] } }] }, 'phrases[0].examples.match[1]', /does not match this example \("as soon as possible"\)/],
  ['noMatch example matches', { ...base, phrases: [{ ...rule, examples: { match: ['ASAP'], noMatch: ['fine', 'Reply asap!'] } }] }, 'phrases[0].examples.noMatch[1]', /matches this example \("Reply asap!"\), but it is listed under "noMatch"/],
  ['lang-filtered example', { ...base, phrases: [{ ...rule, lang: 'ja', phrases: ['至急'], examples: { match: ['Please handle this 至急 today.'], noMatch: ['x'] } }] }, 'phrases[0].examples.match[0]', /does not match/],
  ['phrase rule id defined twice', { ...base, phrases: [rule, rule] }, 'phrases[1].id', /already defined by phrases\[0\]/],
  ['phrase rule takes a built-in id', { ...base, phrases: [{ ...rule, id: 'ja/missing-apology' }] }, 'phrases[0].id', /is a built-in rule's id/],
  ['unknown lock', { ...base, locked: ['theme'] }, 'locked[0]', /not a lockable setting: market, sendGuard, uiLang, agentName, enabled, sites, rules\.\* or rules\.<rule id>/],
  ['lock not a string', { ...base, locked: [1] }, 'locked[0]', /expected a string/],
  ['lock repeated', { ...base, locked: ['market', 'market'] }, 'locked[1]', /duplicates locked\[0\]/],
  ['bad send guard', { ...base, sendGuard: 'on' }, 'sendGuard', /expected one of off, warn, block, got the string "on"/],
  ['bad default market', { ...base, defaultMarket: 'Japan' }, 'defaultMarket', /not a valid market id/],
];

describe('validatePack rejects', () => {
  it.each(rejections)('%s', (_what, pack, where, reason) => {
    const errors = errorsOf(validatePack(pack, { knownRuleIds }));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe(where);
    expect(errors[0]!.message).toMatch(reason);
  });

  it('unknown rule ids, with a suggestion and the known list', () => {
    const errors = errorsOf(validatePack({ ...base, rules: { 'ja/missing-apologies': 'warn' }, markets: [{ ...market, rules: { 'xx/nothing': 'warn' } }], locked: ['rules.ja/nope'] }, { knownRuleIds }));
    const known = [...knownRuleIds].sort().join(', ');
    expect(errors).toEqual([
      { path: 'markets[0].rules.xx/nothing', message: `unknown rule "xx/nothing"; known rules: ${known}` },
      { path: 'rules.ja/missing-apologies', message: `unknown rule "ja/missing-apologies"; did you mean "ja/missing-apology"? known rules: ${known}` },
      { path: 'locked[0]', message: expect.stringMatching(/^unknown rule "ja\/nope"/) },
    ]);
    // Without the list of known rules, any well-formed id passes.
    expect(validatePack({ ...base, rules: { 'ja/missing-apologies': 'warn' } }).ok).toBe(true);
  });

  it('collects every error, not just the first', () => {
    const errors = errorsOf(
      validatePack({ schemaVersion: 3, id: 'X', name: '', version: '1', sendGuard: 'x', phrases: [{ ...rule, type: 'substitute', phrases: [''] }] }),
    );
    expect(errors.map((e) => e.path)).toEqual(['schemaVersion', 'id', 'name', 'phrases[0].phrases[0]', 'phrases[0].replacement', 'sendGuard']);
  });

  it('a pack over the size limit, before anything else', () => {
    const big = { ...base, description: 'x'.repeat(1000) };
    expect(errorsOf(validatePack(big, { maxBytes: 500 }))).toEqual([{ path: '', message: expect.stringMatching(/^the pack is \d+ bytes; the limit is 500 bytes/) }]);
    expect(errorsOf(parsePackText(JSON.stringify(big), { maxBytes: 500 }))[0]!.message).toMatch(/the limit is 500 bytes/);
    expect(validatePack(big).ok).toBe(true);
    // The default limit is 256 KiB, counted in UTF-8 bytes (a kanji is 3).
    const kanji = { ...base, markets: Array.from({ length: 50 }, (_, i) => ({ id: `m${i}`, name: { en: 'x', ja: '日'.repeat(500) } })) };
    expect(validatePack(kanji).ok).toBe(true);
    const huge = { ...base, phrases: Array.from({ length: 300 }, (_, i) => ({ ...rule, id: `acme/r${i}`, message: { en: 'x', ja: '日'.repeat(400) } })) };
    expect(errorsOf(validatePack(huge))[0]!.message).toMatch(`the limit is ${PACK_LIMITS.maxBytes} bytes (256 KiB)`);
  });

  it('more than 500 phrase rules', () => {
    const small = { id: 'a', type: 'forbid', phrases: ['z'], message: { en: 'x', ja: 'x' }, examples: { match: ['z'], noMatch: ['y'] } };
    const pack = { ...base, phrases: Array.from({ length: 501 }, (_, i) => ({ ...small, id: `r${i}` })) };
    expect(errorsOf(validatePack(pack))).toEqual([{ path: 'phrases', message: 'has 501 items; the limit is 500' }]);
  });

  it('more examples in all than the pack limit', () => {
    const many = { ...rule, examples: { match: Array(20).fill('ASAP'), noMatch: Array(20).fill('soon') } };
    const pack = { ...base, phrases: Array.from({ length: 51 }, (_, i) => ({ ...many, id: `acme/r${i}` })) };
    expect(errorsOf(validatePack(pack))).toEqual([{ path: 'phrases', message: 'has 2040 examples in all; the limit is 2000' }]);
  });

  it('reports tens of thousands of problems in bounded time', () => {
    // 400 rules × 150 empty phrases, each also a duplicate, with a known-rule list to search: 60,000 errors.
    const bad = { ...rule, phrases: Array(150).fill(''), examples: { match: Array(20).fill('x'), noMatch: ['y'] } };
    const pack = { ...base, phrases: Array.from({ length: 400 }, (_, i) => ({ ...bad, id: `acme/r${i}` })), rules: { 'ja/nope': 'warn' } };
    const started = performance.now();
    const errors = errorsOf(validatePack(pack, { knownRuleIds, maxBytes: 1024 * 1024 }));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(errors.length).toBe(400 * 150 + 1);
    expect(errors.at(-1)).toEqual({ path: 'rules.ja/nope', message: expect.stringMatching(/^unknown rule "ja\/nope"/) });
  });

  it('values JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = { ...base };
    cyclic.self = cyclic;
    expect(errorsOf(validatePack(cyclic))[0]).toMatchObject({ path: '', message: expect.stringMatching(/^not JSON data/) });
    expect(errorsOf(validatePack(undefined))).toEqual([{ path: '', message: 'expected an object, got undefined undefined' }]);
  });
});

describe('parsePackText', () => {
  it('reports text that is not JSON', () => {
    expect(errorsOf(parsePackText('{"schemaVersion": 1,'))).toEqual([{ path: '', message: expect.stringMatching(/^not JSON: /) }]);
    expect(errorsOf(parsePackText(''))[0]!.message).toMatch(/^not JSON/);
  });
  it('accepts a byte-order mark and validates the parsed pack', () => {
    expect(parsePackText(`\uFEFF${JSON.stringify(base)}`)).toEqual({ ok: true, pack: base, warnings: [] });
    expect(errorsOf(parsePackText('{"schemaVersion": 2}')).map((e) => e.path)).toEqual(['id', 'name', 'version', 'schemaVersion']);
  });
});

describe('warnings', () => {
  it('flags settings a rule type ignores', () => {
    const result = validatePack({ ...base, phrases: [{ ...rule, replacement: 'soon', max: 2 }] });
    expect(result).toMatchObject({
      ok: true,
      warnings: [
        { path: 'phrases[0].replacement', message: 'is ignored: only "substitute" rules replace' },
        { path: 'phrases[0].max', message: 'is ignored: only "maxCount" rules count' },
      ],
    });
  });

  it('marks base-form examples unchecked without an analyser', () => {
    const base1 = { ...rule, id: 'acme/dekiru', match: 'base', phrases: ['対応できる'], examples: { match: ['対応できません。'], noMatch: ['対応いたします。'] } };
    const result = validatePack({ ...base, phrases: [base1] });
    expect(result.ok && result.warnings.map((w) => w.path)).toEqual(['phrases[0].examples.match[0]', 'phrases[0].examples.noMatch[0]']);
    expect(result.ok && result.warnings[0]!.message).toMatch(/^unchecked: base-form examples need the Japanese analyser/);
  });

  it('reports an example the analyser cannot read as unchecked', () => {
    const result = validatePack({ ...base, phrases: [rule] }, {
      analyze: () => {
        throw new Error('the ja analyser is not loaded yet');
      },
    });
    expect(result).toMatchObject({
      ok: true,
      warnings: [
        { path: 'phrases[0].examples.match[0]', message: expect.stringMatching(/could not be analysed.*not loaded yet/) },
        { path: 'phrases[0].examples.noMatch[0]', message: expect.stringMatching(/could not be analysed/) },
      ],
    });
  });
});

describe('examples through the real analyser', () => {
  it('checks base-form examples, conjugations included', async () => {
    const engine = await testEngine();
    const analyze = (t: string) => engine.analyzeText(t);
    const dekiru = {
      ...rule,
      id: 'acme/dekiru',
      match: 'base',
      lang: 'ja',
      phrases: ['対応できる'],
      message: { en: 'Say what you can do.', ja: 'できることを伝えましょう。' },
      examples: { match: ['その件には対応できません。', '対応できない場合があります。'], noMatch: ['すぐに対応いたします。'] },
    };
    expect(validatePack({ ...base, phrases: [dekiru] }, { analyze })).toMatchObject({ ok: true, warnings: [] });
    const wrong = { ...dekiru, examples: { match: ['すぐに対応いたします。'], noMatch: ['対応できかねます。'] } };
    expect(errorsOf(validatePack({ ...base, phrases: [wrong] }, { analyze }))).toEqual([
      { path: 'phrases[0].examples.match[0]', message: expect.stringMatching(/does not match this example/) },
      { path: 'phrases[0].examples.noMatch[0]', message: expect.stringMatching(/matches this example/) },
    ]);
  });

  it('checks surface examples per sentence of the rule’s language', async () => {
    const engine = await testEngine();
    const ja = { ...rule, id: 'acme/shikyu', lang: 'ja', phrases: ['至急'], examples: { match: ['至急ご確認ください。'], noMatch: ['Please check 至急 soon.'] } };
    expect(validatePack({ ...base, phrases: [ja] }, { analyze: (t) => engine.analyzeText(t) })).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('rule options, checked against each rule’s declared schema', () => {
  const rules = ruleContract(detectors);

  it('names the field and the reason for a wrong value and an unknown option', () => {
    const pack = { ...base, rules: { 'en/long-sentence': { level: 'info', options: { maxWords: 'ten', typo: true } } } };
    expect(errorsOf(validatePack(pack, rules))).toEqual([
      { path: 'rules.en/long-sentence.options.typo', message: 'unknown option; allowed: maxWords, maxParagraphWords' },
      { path: 'rules.en/long-sentence.options.maxWords', message: 'expected a whole number from 5 to 200, got the string "ten"' },
    ]);
  });

  it('suggests the option meant, in markets too, and bounds each value', () => {
    const pack = {
      ...base,
      markets: [{ ...market, rules: { 'ja/missing-commitment': { level: 'warn', options: { withinHour: 12 } } } }],
      rules: { 'en/over-apology': { level: 'warn', options: { max: 0 } }, 'ja/missing-closing': { level: 'info', options: { minSentences: 2.5 } } },
    };
    expect(errorsOf(validatePack(pack, rules))).toEqual([
      { path: 'markets[0].rules.ja/missing-commitment.options.withinHour', message: 'unknown option; did you mean "withinHours"? allowed: withinHours' },
      { path: 'rules.en/over-apology.options.max', message: 'expected a whole number from 1 to 20, got number 0' },
      { path: 'rules.ja/missing-closing.options.minSentences', message: 'expected a whole number from 1 to 50, got number 2.5' },
    ]);
  });

  it('refuses any option for a rule that takes none', () => {
    expect(errorsOf(validatePack({ ...base, rules: { 'ja/missing-apology': { level: 'block', options: { strict: true } } } }, rules))).toEqual([
      { path: 'rules.ja/missing-apology.options.strict', message: 'unknown option; ja/missing-apology takes no options' },
    ]);
  });

  it('accepts the options a rule declares, and an empty options object', () => {
    const pack = {
      ...base,
      rules: { 'en/long-sentence': { level: 'info', options: { maxWords: 25, maxParagraphWords: 100 } }, 'ja/plain-ending': { level: 'warn', options: {} } },
      markets: [{ ...market, rules: { 'ja/missing-commitment': { level: 'block', options: { withinHours: 48 } } } }],
    };
    expect(validatePack(pack, rules)).toEqual({ ok: true, pack, warnings: [] });
  });

  it('still checks the count first, and rules this build does not know by id only', () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`o${i}`, i]));
    expect(errorsOf(validatePack({ ...base, rules: { 'en/long-sentence': { level: 'info', options: many } } }, rules))).toEqual([
      { path: 'rules.en/long-sentence.options', message: 'has 51 options; the limit is 50' },
    ]);
    // Without the registry's schemas (an older caller), options are any object, as before.
    expect(validatePack({ ...base, rules: { 'en/long-sentence': { level: 'info', options: { maxWords: 'ten' } } } }).ok).toBe(true);
  });

  it('sees rule ids that are Object.prototype names instead of skipping them', () => {
    const pack = JSON.parse('{"schemaVersion":1,"id":"acme/x","name":"x","version":"1","rules":{"constructor":"warn","en/constructor":"off"}}');
    expect(errorsOf(validatePack(pack, rules)).map((e) => e.path)).toEqual(['rules.constructor', 'rules.en/constructor']);
    expect(errorsOf(validatePack(JSON.parse('{"schemaVersion":1,"id":"acme/x","name":"x","version":"1","rules":{"constructor":"loud"}}')))).toEqual([
      { path: 'rules.constructor', message: 'expected one of off, info, warn, block, got the string "loud"' },
    ]);
  });
});

describe('one reader for pack files: UTF-8 and no repeated keys', () => {
  const text = JSON.stringify(base);

  it('refuses bytes that are not UTF-8, before anything else', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode(text.slice(0, -1)), 0x2c, 0x22, 0x6f, 0x77, 0x6e, 0x65, 0x72, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]);
    expect(errorsOf(readPackBytes(latin1))).toEqual([{ path: '', message: 'the pack is not valid UTF-8 text (save it as UTF-8)' }]);
    expect(readPackBytes(new TextEncoder().encode(`\uFEFF${text}`))).toEqual({ ok: true, pack: base, warnings: [] });
  });

  it('refuses a key given twice in one object, wherever it is, naming each', () => {
    const twice = '{"schemaVersion":1,"id":"acme/x","name":"x","version":"1","sendGuard":"block","rules":{"ja/missing-apology":"block","ja/missing-apology":"off"},"phrases":[{"id":"a","id":"b"}],"sendGuard":"off"}';
    expect(errorsOf(parsePackText(twice))).toEqual([
      { path: 'rules.ja/missing-apology', message: expect.stringMatching(/^the key "ja\/missing-apology" appears twice in one object; JSON would silently keep only the last/) },
      { path: 'phrases[0].id', message: expect.stringMatching(/^the key "id" appears twice/) },
      { path: 'sendGuard', message: expect.stringMatching(/^the key "sendGuard" appears twice/) },
    ]);
    expect(errorsOf(readPackBytes(new TextEncoder().encode(twice))).map((e) => e.path)).toEqual(['rules.ja/missing-apology', 'phrases[0].id', 'sendGuard']);
  });

  it('tells keys apart as JSON does (escapes decoded) and leaves equal keys in different objects alone', () => {
    expect(errorsOf(parsePackText('{"schemaVersion":1,"id":"a","name":"x","version":"1","na\\u006de":"y"}'))).toEqual([
      { path: 'name', message: expect.stringMatching(/appears twice/) },
    ]);
    const fine = { ...base, markets: [{ ...market, rules: { 'ja/missing-apology': 'warn' } }], rules: { 'ja/missing-apology': 'warn' } };
    expect(parsePackText(JSON.stringify(fine, null, 2)).ok).toBe(true);
    // Brackets and quotes inside strings are text, not structure.
    const tricky = { ...base, description: '{"id": [1, "x\\"}], "id"' };
    expect(parsePackText(JSON.stringify(tricky)).ok).toBe(true);
  });
});
