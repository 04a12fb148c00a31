/**
 * Property tests of pack validation (issue 14): for any value — random JSON, and valid packs (the
 * example pack and the built-in market packs) with random mutations: keys deleted, values replaced by
 * anything, unknown and prototype-named keys added (`__proto__`, `constructor` as own keys, as
 * JSON.parse makes them), elements duplicated, strings filled with NUL, lone surrogates or emoji —
 * `validatePack` returns in bounded time and either accepts the pack or returns errors that each name
 * a field (a path into the pack, `""` only for the pack as a whole) with a reason. A pack it accepts
 * must then resolve with the built-in packs and drive an analysis without throwing: bad input gets a
 * clear error, never a broken policy.
 * Seeds and run counts: test/helpers/property.ts (FC_SEED, FC_RUNS).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../lib/engine/engine';
import { detectors } from '../../lib/engine/registry';
import { createEnAnalyzer } from '../../lib/lang/en/analyzer';
import { createJaAnalyzer } from '../../lib/lang/ja/analyzer';
import { loadJaTokenizer } from '../../lib/lang/ja/node-loader';
import { builtinSourced } from '../../lib/policy/builtin';
import { resolvePolicy } from '../../lib/policy/resolve';
import type { PolicyPack } from '../../lib/policy/types';
import { validatePack, type ValidateOptions } from '../../lib/policy/validate';
import { propertyParameters, propertyTimeout } from '../helpers/property';

const ROOT = join(__dirname, '..', '..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

const VALID_PACKS = ['examples/packs/acme-support.json', 'dictionaries/packs/jp.json', 'dictionaries/packs/us.json'].map(readJson);
/** The pack's top-level fields, as the published schema names them. */
const PACK_FIELDS = new Set(Object.keys((readJson('dictionaries/pack.schema.json') as { properties: object }).properties));
/** Generous, for a loaded machine: an idle validation of a mutated pack takes a few milliseconds. */
const BOUND_MS = 3_000;
/**
 * For a pack at the limits: each of its 2,000 examples is analysed as the engine would (compromise or
 * kuromoji), a few milliseconds each — seconds in all, and 10 ms per example on a loaded machine.
 */
const BOUND_LARGE_MS = 20_000;

let ja: ReturnType<typeof createJaAnalyzer>;
const en = createEnAnalyzer();
let options: ValidateOptions;
let analysisEngine: Engine;

beforeAll(async () => {
  ja = createJaAnalyzer(await loadJaTokenizer());
  analysisEngine = new Engine({ policy: resolvePolicy(builtinSourced()), ja, en });
  options = { knownRuleIds: new Set(detectors.map((d) => d.meta.id)), analyze: (text) => analysisEngine.analyzeText(text) };
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const ODD_STRINGS = [
  '',
  ' ',
  '\0',
  'a\0b',
  '\ud83d',
  '\ude05x',
  '😅',
  '👨‍👩‍👧‍👦',
  'e\u0301',
  '\u202e',
  '\r\n',
  '__proto__',
  'constructor',
  'x/constructor',
  'ja/constructor',
  'rules.constructor',
  'toString',
  'ja/missing-apology',
  'en/long-sentence',
  'jp',
  'us',
  'block',
  'warn',
  'off',
  'base',
  'surface',
  'require',
  'forbid',
  'substitute',
  'maxCount',
  'a'.repeat(5_000),
  'ｗ'.repeat(300),
];

const oddString = fc.oneof(fc.constantFrom(...ODD_STRINGS), fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ maxLength: 20 }));
const anyValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
  { weight: 2, arbitrary: oddString },
  { weight: 1, arbitrary: fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 1e300, [], {}) },
  { weight: 1, arbitrary: fc.array(oddString, { maxLength: 4 }) },
);
const anyKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'id', 'level', 'options', 'rules', 'phrases', 'markets'), oddString);

/** Every path to a node of `value`, the root first. */
function pathsOf(value: Json, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

function nodeAt(root: Json, path: Path): Json | undefined {
  let node: Json | undefined = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, Json>)[key];
  }
  return node;
}

/** Sets an own property, even `__proto__`, as JSON.parse does. */
function setOwn(target: Record<string | number, Json>, key: string | number, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

type Mutation =
  | { kind: 'delete' | 'duplicate' | 'wrap'; at: number }
  | { kind: 'replace'; at: number; value: Json }
  | { kind: 'addKey'; at: number; key: string; value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'wrap' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: anyValue }),
  fc.record({ kind: fc.constant('addKey' as const), at: fc.nat(), key: anyKey, value: anyValue }),
);

/** Applies a mutation to the node it picks (`at` modulo the number of nodes); `root` is a fresh copy. */
function mutate(root: Json, m: Mutation): Json {
  const paths = pathsOf(root);
  const path = paths[m.at % paths.length]!;
  const node = nodeAt(root, path)!;
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  const parent = key === undefined ? undefined : (nodeAt(root, parentPath) as Record<string | number, Json>);
  const put = (value: Json): Json => {
    if (parent === undefined || key === undefined) return value;
    setOwn(parent, key, value);
    return root;
  };
  switch (m.kind) {
    case 'delete':
      if (parent === undefined || key === undefined) return null;
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      return root;
    case 'duplicate':
      if (Array.isArray(parent) && typeof key === 'number') {
        parent.splice(key, 0, structuredClone(node));
        return root;
      }
      return put([node, structuredClone(node)]);
    case 'wrap':
      return put([node]);
    case 'replace':
      return put(m.value);
    case 'addKey':
      if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
        setOwn(node, m.key, m.value);
        return root;
      }
      return put({ [m.key]: m.value });
  }
}

const mutatedPack: fc.Arbitrary<Json> = fc
  .tuple(fc.integer({ min: 0, max: VALID_PACKS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([which, mutations]) => mutations.reduce<Json>((pack, m) => mutate(pack, m), structuredClone(VALID_PACKS[which]) as Json));

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first field a path names: `phrases[2].examples` → `phrases`, `rules.ja/foo` → `rules`. */
const firstField = (path: string) => /^[^.[]*/.exec(path)![0];

/** Checks one validation; returns whether the pack was accepted. */
function checkValidation(input: unknown, bound = BOUND_MS): boolean {
  const t0 = performance.now();
  const result = validatePack(input, options);
  const elapsed = performance.now() - t0;
  expect(elapsed, 'validation time (ms)').toBeLessThan(bound);
  if (result.ok) {
    expect(isPlainObject(result.pack), 'an accepted pack is an object').toBe(true);
    // Accepted means usable: the pack resolves with the built-ins and the engine runs on it.
    const policy = resolvePolicy([...builtinSourced(), { pack: result.pack as PolicyPack, source: 'file' }]);
    const engine = new Engine({ policy, ja, en });
    for (const market of policy.markets.keys()) {
      const report = engine.analyze('お問い合わせありがとうございます。Thanks for reaching out!', { market });
      expect(report.errors, `market ${market}`).toBeUndefined();
    }
    return true;
  }
  expect(result.errors.length, 'a rejected pack has at least one error').toBeGreaterThan(0);
  for (const e of result.errors) {
    expect(typeof e.path, JSON.stringify(e)).toBe('string');
    expect(typeof e.message === 'string' && e.message.trim().length > 0, `${JSON.stringify(e)} gives a reason`).toBe(true);
    if (e.path !== '') {
      // A path names a field the input has, or one a pack may have (a missing required field).
      const named =
        PACK_FIELDS.has(firstField(e.path)) ||
        (isPlainObject(input) && Object.keys(input).some((k) => e.path === k || e.path.startsWith(`${k}.`) || e.path.startsWith(`${k}[`)));
      expect(named, `${JSON.stringify(e)} names a field`).toBe(true);
    }
  }
  // "" is the pack as a whole: the right place only when the input is not an object, or is too big
  // (or for a key that is itself "").
  if (isPlainObject(input) && !Object.hasOwn(input, '') && JSON.stringify(input).length < 200_000) {
    expect(
      result.errors.filter((e) => e.path === ''),
      'an object that is not too big gets errors on its fields',
    ).toEqual([]);
  }
  return false;
}

describe('validatePack on any value (property)', () => {
  it('the valid packs the mutations start from are valid', () => {
    for (const pack of VALID_PACKS) expect(validatePack(pack, options)).toMatchObject({ ok: true });
  });

  it('random JSON: accepted, or errors naming a field', { timeout: propertyTimeout(30_000) }, () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.dictionary(anyKey, anyValue, { maxKeys: 8 })), (value) => {
        checkValidation(value);
      }),
      propertyParameters(200),
    );
  });

  it('mutated valid packs: accepted and usable, or errors naming a field', { timeout: propertyTimeout(60_000) }, () => {
    const outcomes = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(mutatedPack, (pack) => {
        outcomes[checkValidation(pack) ? 'accepted' : 'rejected']++;
      }),
      propertyParameters(300),
    );
    // Both branches ran: some mutations keep a pack valid (it must then work), most break it.
    expect(outcomes.accepted).toBeGreaterThan(0);
    expect(outcomes.rejected).toBeGreaterThan(0);
  });

  it('a pack at the size limit, with as many examples as allowed, is validated in bounded time', { timeout: 60_000 }, () => {
    // Just under 256 KiB: phrase rules with 20 long phrases each and 2,000 examples in all, every one
    // run through the matcher.
    const base = VALID_PACKS[0] as Record<string, Json>;
    const template = (base.phrases as Json[])[1] as Record<string, Json>;
    const phrases: Json[] = [];
    const filler = 'The replacement ships from our warehouse on Friday and arrives early next week. ';
    for (let i = 0; i < 100; i++) {
      const words = Array.from({ length: 20 }, (_, k) => `Falcon build ${i}.${k}`);
      phrases.push({
        ...template,
        id: `acme/rule-${i}`,
        phrases: words,
        examples: {
          match: Array.from({ length: 10 }, (_, k) => `${filler}${words[k]}`),
          noMatch: Array.from({ length: 10 }, (_, k) => `${filler}Falcon ${i}${k}`),
        },
      });
      if (JSON.stringify(phrases).length > 240_000) break;
    }
    const pack = { ...base, phrases };
    expect(JSON.stringify(pack).length).toBeGreaterThan(200_000);
    expect(checkValidation(pack, BOUND_LARGE_MS), 'the pack is valid').toBe(true);
  });
});
