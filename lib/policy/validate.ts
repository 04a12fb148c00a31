/**
 * Runtime validation of policy packs: the hand-written twin of dictionaries/pack.schema.json (a test
 * checks they agree), plus what a schema cannot say — unique ids, known rule ids, totals, and every
 * phrase rule's examples run through the real matcher. Every problem is reported (not just the
 * first) as a path and a reason, e.g. `phrases[2].examples.match[0]: expected a hit for …`.
 *
 * Limits keep a pack from ever making the analyser slow or the UI unusable: total size, counts of
 * rules, phrases and examples, and the length of every string. Phrases are literals, never patterns.
 */
import type { AnalyzedText } from '../engine/document';
import { sentenceLang } from '../engine/language';
import { FINDING_KINDS, LEVELS, type Lang } from '../engine/types';
import { phraseRuleHits, surfaceHits } from './phrases';
import type { PhraseRule, PolicyPack } from './types';

export interface PackIssue {
  /** Where: `""` for the pack itself, `phrases[2].examples.match[0]`, `rules.ja/foo`, `markets[0].name.ja`. */
  path: string;
  message: string;
}

export type PackValidation = { ok: true; pack: PolicyPack; warnings: PackIssue[] } | { ok: false; errors: PackIssue[] };

export interface ValidateOptions {
  /** Ids of the rules this build knows (the registry's detectors); unknown ids are errors when given. */
  knownRuleIds?: ReadonlySet<string>;
  /** Size limit in UTF-8 bytes of the pack's JSON (default 256 KiB). */
  maxBytes?: number;
  /**
   * Analyses an example as the engine would, so base-form (`match: "base"`) examples can be checked;
   * without it, base-form examples are reported as unchecked warnings.
   */
  analyze?: (text: string) => AnalyzedText;
}

/** Bounds a pack must stay within. The schema states the same numbers. */
export const PACK_LIMITS = {
  maxBytes: 256 * 1024,
  idLength: 100,
  nameLength: 200,
  descriptionLength: 2000,
  messageLength: 500,
  extends: 20,
  markets: 50,
  rulesPerMap: 500,
  ruleOptions: 50,
  phraseRules: 500,
  phrasesPerRule: 200,
  phraseLength: 200,
  examplesPerList: 20,
  exampleLength: 1000,
  /** Across the whole pack (validator only: a schema cannot count across rules). */
  totalExamples: 2000,
  maxCount: 1000,
  locked: 100,
  marketsPerRule: 50,
} as const;

export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;
export const MARKET_ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
/** Dotted numbers with optional pre-release and build parts: 1, 1.2, 1.2.3, 1.2.3-beta.1+build. */
// The pack patterns are copied into pack.schema.json, whose patterns have no flags and no \d shorthand.
// eslint-disable-next-line regexp/prefer-d, regexp/use-ignore-case
export const VERSION_PATTERN = /^[0-9]+(\.[0-9]+){0,3}(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
export const LINK_PATTERN = /^https?:\/\/\S+$/;
/** Has a visible character. */
export const NON_BLANK_PATTERN = /\S/;
/** One line with a visible character: phrases match within a sentence, never across lines. */
export const PHRASE_PATTERN = /^[^\S\n\r\u2028\u2029]*\S.*$/;
export const LOCK_PATTERN = /^(market|sendGuard|uiLang|agentName|enabled|sites|rules\.\*|rules\.[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*)$/;

export const LOCKABLE_SETTINGS = ['market', 'sendGuard', 'uiLang', 'agentName', 'enabled', 'sites'] as const;
export const LANGS: readonly Lang[] = ['ja', 'en'];
export const RULE_LEVELS = LEVELS;
export const PHRASE_LEVELS = ['info', 'warn', 'block'] as const;
export const SEND_GUARDS = ['off', 'warn', 'block'] as const;
export const PHRASE_TYPES = ['require', 'forbid', 'substitute', 'maxCount'] as const;
export const MATCH_MODES = ['surface', 'base'] as const;
export { FINDING_KINDS };

/** Property names and required properties of every object in a pack (the schema's lists). */
export const PACK_SHAPES = {
  pack: {
    properties: [
      '$schema',
      'schemaVersion',
      'id',
      'name',
      'version',
      'description',
      'owner',
      'link',
      'extends',
      'markets',
      'rules',
      'phrases',
      'locked',
      'sendGuard',
      'defaultMarket',
    ],
    required: ['schemaVersion', 'id', 'name', 'version'],
  },
  market: { properties: ['id', 'name', 'extends', 'languages', 'rules'], required: ['id', 'name'] },
  localizedText: { properties: ['en', 'ja'], required: ['en', 'ja'] },
  ruleSetting: { properties: ['level', 'options'], required: ['level'] },
  phraseRule: {
    properties: ['id', 'type', 'phrases', 'match', 'ignoreCase', 'replacement', 'max', 'lang', 'markets', 'level', 'kind', 'message', 'examples'],
    required: ['id', 'type', 'phrases', 'message', 'examples'],
  },
  examples: { properties: ['match', 'noMatch'], required: ['match', 'noMatch'] },
} as const satisfies Record<string, { properties: readonly string[]; required: readonly string[] }>;

type Shape = keyof typeof PACK_SHAPES;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function quote(s: string, max = 60): string {
  return JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);
}

function child(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Edit distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j]!;
      row[j] = next;
    }
  }
  return row[b.length]!;
}

function suggestion(value: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(value, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(value.length / 3)) ? `did you mean "${best}"? ` : '';
}

class Checker {
  readonly errors: PackIssue[] = [];
  readonly warnings: PackIssue[] = [];

  constructor(readonly options: ValidateOptions) {}

  error(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  warn(path: string, message: string): void {
    this.warnings.push({ path, message });
  }

  /** An object with only the shape's properties and all its required ones. */
  object(path: string, value: unknown, shape: Shape): value is Record<string, unknown> {
    if (!isObject(value)) {
      this.error(path, `expected an object, got ${describe(value)}`);
      return false;
    }
    const { properties, required } = PACK_SHAPES[shape];
    for (const key of Object.keys(value)) {
      if (!(properties as readonly string[]).includes(key)) {
        this.error(child(path, key), `unknown property; ${suggestion(key, properties)}allowed: ${properties.join(', ')}`);
      }
    }
    for (const key of required) {
      if (value[key] === undefined) this.error(child(path, key), 'is required');
    }
    return true;
  }

  string(
    path: string,
    value: unknown,
    rules: { max: number; min?: number; pattern?: RegExp; patternHint?: string; nonBlank?: boolean },
  ): value is string {
    if (typeof value !== 'string') {
      this.error(path, `expected a string, got ${describe(value)}`);
      return false;
    }
    // Characters are code points, as JSON Schema counts them (an emoji is one, not two).
    const length = codePoints(value);
    if (length < (rules.min ?? 0)) {
      this.error(path, rules.min === 1 ? 'must not be empty' : `must be at least ${rules.min} characters`);
      return false;
    }
    if (length > rules.max) {
      this.error(path, `is ${length} characters long; the limit is ${rules.max}`);
      return false;
    }
    if (rules.nonBlank && !NON_BLANK_PATTERN.test(value)) {
      this.error(path, 'must not be blank');
      return false;
    }
    if (rules.pattern && !rules.pattern.test(value)) {
      this.error(path, `${quote(value)} ${rules.patternHint ?? `does not match ${rules.pattern.source}`}`);
      return false;
    }
    return true;
  }

  oneOf<T extends string>(path: string, value: unknown, allowed: readonly T[]): value is T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      const hint = typeof value === 'string' ? suggestion(value, allowed) : '';
      this.error(path, `expected one of ${allowed.join(', ')}, got ${describe(value)}${hint ? `; ${hint.trim()}` : ''}`);
      return false;
    }
    return true;
  }

  array(path: string, value: unknown, rules: { max: number; min?: number; unique?: boolean }): value is unknown[] {
    if (!Array.isArray(value)) {
      this.error(path, `expected an array, got ${describe(value)}`);
      return false;
    }
    if (value.length < (rules.min ?? 0)) {
      this.error(path, `needs at least ${rules.min} item${rules.min === 1 ? '' : 's'}`);
      return false;
    }
    if (value.length > rules.max) {
      this.error(path, `has ${value.length} items; the limit is ${rules.max}`);
      return false;
    }
    if (rules.unique) {
      const seen = new Map<string, number>();
      value.forEach((item, i) => {
        const key = JSON.stringify(item);
        const first = seen.get(key);
        if (first !== undefined) this.error(child(path, i), `duplicates ${child(path, first)}`);
        else seen.set(key, i);
      });
    }
    return true;
  }

  boolean(path: string, value: unknown): value is boolean {
    if (typeof value !== 'boolean') {
      this.error(path, `expected true or false, got ${describe(value)}`);
      return false;
    }
    return true;
  }

  /** A known rule id, when the caller told us which ones exist. */
  knownRule(path: string, id: string, extra: ReadonlySet<string> = new Set()): void {
    const known = this.options.knownRuleIds;
    if (!known || known.has(id) || extra.has(id)) return;
    const all = [...known, ...extra].sort();
    this.error(path, `unknown rule "${id}"; ${suggestion(id, all)}known rules: ${all.join(', ')}`);
  }

  localizedText(path: string, value: unknown): void {
    if (!this.object(path, value, 'localizedText')) return;
    for (const lang of ['en', 'ja'] as const) {
      if (value[lang] !== undefined) {
        this.string(child(path, lang), value[lang], { min: 1, max: PACK_LIMITS.messageLength, nonBlank: true });
      }
    }
  }

  ruleMap(path: string, value: unknown): void {
    if (!isObject(value)) {
      this.error(path, `expected an object of rule id → level, got ${describe(value)}`);
      return;
    }
    const entries = Object.entries(value);
    if (entries.length > PACK_LIMITS.rulesPerMap) {
      this.error(path, `has ${entries.length} rules; the limit is ${PACK_LIMITS.rulesPerMap}`);
      return;
    }
    for (const [id, entry] of entries) {
      const p = child(path, id);
      if (id.length > PACK_LIMITS.idLength || !ID_PATTERN.test(id)) {
        this.error(p, `rule id ${quote(id)} must be lower-case segments like "ja/missing-apology" (${ID_PATTERN.source}, at most ${PACK_LIMITS.idLength} characters)`);
        continue;
      }
      this.knownRule(p, id);
      this.ruleEntry(p, entry);
    }
  }

  ruleEntry(path: string, entry: unknown): void {
    if (typeof entry === 'string') {
      this.oneOf(path, entry, RULE_LEVELS);
      return;
    }
    if (!isObject(entry)) {
      this.error(path, `expected a level (${RULE_LEVELS.join(', ')}) or { "level": …, "options": { … } }, got ${describe(entry)}`);
      return;
    }
    if (!this.object(path, entry, 'ruleSetting')) return;
    if (entry.level !== undefined) this.oneOf(child(path, 'level'), entry.level, RULE_LEVELS);
    if (entry.options !== undefined) {
      if (!isObject(entry.options)) this.error(child(path, 'options'), `expected an object, got ${describe(entry.options)}`);
      else if (Object.keys(entry.options).length > PACK_LIMITS.ruleOptions) {
        this.error(child(path, 'options'), `has ${Object.keys(entry.options).length} options; the limit is ${PACK_LIMITS.ruleOptions}`);
      }
    }
  }

  id(path: string, value: unknown, pattern = ID_PATTERN, what = 'id'): value is string {
    const hint =
      pattern === MARKET_ID_PATTERN
        ? `is not a valid ${what}: lower-case letters, digits, ".", "_" and "-", starting with a letter or digit`
        : `is not a valid ${what}: lower-case segments separated by "/", like "acme/support" (${ID_PATTERN.source})`;
    return this.string(path, value, { min: 1, max: PACK_LIMITS.idLength, pattern, patternHint: hint });
  }

  market(path: string, value: unknown): void {
    if (!this.object(path, value, 'market')) return;
    if (value.id !== undefined) this.id(child(path, 'id'), value.id, MARKET_ID_PATTERN, 'market id');
    if (value.name !== undefined) this.localizedText(child(path, 'name'), value.name);
    if (value.extends !== undefined && this.id(child(path, 'extends'), value.extends, MARKET_ID_PATTERN, 'market id')) {
      if (value.extends === value.id) this.error(child(path, 'extends'), 'a market cannot extend itself');
    }
    if (value.languages !== undefined && this.array(child(path, 'languages'), value.languages, { min: 1, max: LANGS.length, unique: true })) {
      value.languages.forEach((l, i) => this.oneOf(child(child(path, 'languages'), i), l, LANGS));
    }
    if (value.rules !== undefined) this.ruleMap(child(path, 'rules'), value.rules);
  }

  /** Structural checks of one phrase rule; true when it is sound enough to run its examples. */
  phraseRule(path: string, value: unknown): value is PhraseRule {
    const before = this.errors.length;
    if (!this.object(path, value, 'phraseRule')) return false;
    if (value.id !== undefined) this.id(child(path, 'id'), value.id, ID_PATTERN, 'rule id');
    if (value.type !== undefined) this.oneOf(child(path, 'type'), value.type, PHRASE_TYPES);
    if (value.phrases !== undefined) {
      const p = child(path, 'phrases');
      if (this.array(p, value.phrases, { min: 1, max: PACK_LIMITS.phrasesPerRule, unique: true })) {
        value.phrases.forEach((phrase, i) => {
          this.string(child(p, i), phrase, {
            min: 1,
            max: PACK_LIMITS.phraseLength,
            nonBlank: true,
            pattern: PHRASE_PATTERN,
            patternHint: 'contains a line break; a phrase matches within one line',
          });
        });
      }
    }
    if (value.match !== undefined) this.oneOf(child(path, 'match'), value.match, MATCH_MODES);
    if (value.ignoreCase !== undefined) this.boolean(child(path, 'ignoreCase'), value.ignoreCase);
    if (value.lang !== undefined) this.oneOf(child(path, 'lang'), value.lang, LANGS);
    if (value.match === 'base' && value.lang === 'en') {
      this.error(child(path, 'match'), 'base-form matching is for Japanese; use "surface" for an English rule');
    }
    if (value.replacement !== undefined) {
      this.string(child(path, 'replacement'), value.replacement, { max: PACK_LIMITS.phraseLength });
      if (value.type !== 'substitute') this.warn(child(path, 'replacement'), `is ignored: only "substitute" rules replace`);
    } else if (value.type === 'substitute') {
      this.error(child(path, 'replacement'), 'is required for a "substitute" rule');
    }
    if (value.max !== undefined) {
      if (typeof value.max !== 'number' || !Number.isInteger(value.max) || value.max < 0 || value.max > PACK_LIMITS.maxCount) {
        this.error(child(path, 'max'), `expected a whole number from 0 to ${PACK_LIMITS.maxCount}, got ${describe(value.max)}`);
      }
      if (value.type !== 'maxCount') this.warn(child(path, 'max'), `is ignored: only "maxCount" rules count`);
    } else if (value.type === 'maxCount') {
      this.error(child(path, 'max'), 'is required for a "maxCount" rule (a whole number ≥ 0)');
    }
    if (value.markets !== undefined) {
      const p = child(path, 'markets');
      if (this.array(p, value.markets, { min: 1, max: PACK_LIMITS.marketsPerRule, unique: true })) {
        value.markets.forEach((m, i) => this.id(child(p, i), m, MARKET_ID_PATTERN, 'market id'));
      }
    }
    if (value.level !== undefined) this.oneOf(child(path, 'level'), value.level, PHRASE_LEVELS);
    if (value.kind !== undefined) this.oneOf(child(path, 'kind'), value.kind, FINDING_KINDS);
    if (value.message !== undefined) this.localizedText(child(path, 'message'), value.message);
    if (value.examples !== undefined) {
      const p = child(path, 'examples');
      if (this.object(p, value.examples, 'examples')) {
        for (const list of ['match', 'noMatch'] as const) {
          const items = value.examples[list];
          if (items === undefined) continue;
          const lp = child(p, list);
          if (this.array(lp, items, { min: 1, max: PACK_LIMITS.examplesPerList })) {
            items.forEach((example, i) => this.string(child(lp, i), example, { min: 1, max: PACK_LIMITS.exampleLength, nonBlank: true }));
          }
        }
      }
    }
    return this.errors.length === before;
  }

  /** Runs the rule's examples through the real matcher. */
  examples(path: string, rule: PhraseRule): void {
    const analyze = this.options.analyze;
    const run = (list: 'match' | 'noMatch') => {
      rule.examples[list].forEach((example, i) => {
        const p = `${path}.examples.${list}[${i}]`;
        let hits: number;
        if (analyze) {
          let doc: AnalyzedText;
          try {
            doc = analyze(example);
          } catch (error) {
            this.warn(p, `could not be analysed, so it is unchecked: ${error instanceof Error ? error.message : String(error)}`);
            return;
          }
          hits = phraseRuleHits(doc, rule).length;
        } else if (rule.match === 'base') {
          this.warn(p, 'unchecked: base-form examples need the Japanese analyser (run `tonebridge pack validate`)');
          return;
        } else {
          hits = rawSurfaceHits(example, rule);
        }
        if (list === 'match' && hits === 0) {
          this.error(p, `the rule does not match this example (${quote(example)}), but it is listed under "match"`);
        }
        if (list === 'noMatch' && hits > 0) {
          this.error(p, `the rule matches this example (${quote(example)}), but it is listed under "noMatch"`);
        }
      });
    };
    run('match');
    run('noMatch');
  }
}

/** Surface hits without an analyser: line by line, with the line's script standing in for its language. */
function rawSurfaceHits(text: string, rule: PhraseRule): number {
  let hits = 0;
  for (const line of text.split(/\r\n|[\n\r\u2028\u2029]/)) {
    const lang = sentenceLang(line);
    if (!lang || (rule.lang && lang !== rule.lang)) continue;
    hits += surfaceHits(line, rule).length;
  }
  return hits;
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function sizeIssue(bytes: number, limit: number): PackIssue {
  return { path: '', message: `the pack is ${bytes} bytes; the limit is ${limit} bytes (${Math.round(limit / 1024)} KiB)` };
}

/** Validates a parsed pack. On success the pack is returned as a PolicyPack, with any warnings. */
export function validatePack(input: unknown, options: ValidateOptions = {}): PackValidation {
  const limit = options.maxBytes ?? PACK_LIMITS.maxBytes;
  let json: string | undefined;
  try {
    json = JSON.stringify(input);
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: `not JSON data: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  if (json === undefined) return { ok: false, errors: [{ path: '', message: `expected an object, got ${describe(input)}` }] };
  const bytes = utf8Length(json);
  if (bytes > limit) return { ok: false, errors: [sizeIssue(bytes, limit)] };

  const c = new Checker(options);
  if (!c.object('', input, 'pack')) return { ok: false, errors: c.errors };
  const pack = input;

  if (pack.$schema !== undefined) c.string('$schema', pack.$schema, { max: 1000 });
  if (pack.schemaVersion !== undefined && pack.schemaVersion !== 1) {
    c.error('schemaVersion', `expected 1, got ${describe(pack.schemaVersion)}; this version of Tonebridge reads schemaVersion 1`);
  }
  if (pack.id !== undefined) c.id('id', pack.id, ID_PATTERN, 'pack id');
  if (pack.name !== undefined) c.string('name', pack.name, { min: 1, max: PACK_LIMITS.nameLength, nonBlank: true });
  if (pack.version !== undefined) {
    c.string('version', pack.version, {
      min: 1,
      max: 50,
      pattern: VERSION_PATTERN,
      patternHint: 'is not a version like "1.2.0" (dotted numbers, optionally -pre-release and +build)',
    });
  }
  if (pack.description !== undefined) c.string('description', pack.description, { max: PACK_LIMITS.descriptionLength });
  if (pack.owner !== undefined) c.string('owner', pack.owner, { max: PACK_LIMITS.nameLength });
  if (pack.link !== undefined) {
    c.string('link', pack.link, { max: 1000, pattern: LINK_PATTERN, patternHint: 'is not an http(s) URL' });
  }
  if (pack.extends !== undefined && c.array('extends', pack.extends, { max: PACK_LIMITS.extends, unique: true })) {
    pack.extends.forEach((id, i) => {
      if (c.id(`extends[${i}]`, id, ID_PATTERN, 'pack id') && id === pack.id) c.error(`extends[${i}]`, 'a pack cannot extend itself');
    });
  }

  const marketIds = new Map<string, number>();
  if (pack.markets !== undefined && c.array('markets', pack.markets, { max: PACK_LIMITS.markets })) {
    pack.markets.forEach((m, i) => {
      c.market(`markets[${i}]`, m);
      if (isObject(m) && typeof m.id === 'string') {
        const first = marketIds.get(m.id);
        if (first !== undefined) c.error(`markets[${i}].id`, `market "${m.id}" is already defined by markets[${first}]`);
        else marketIds.set(m.id, i);
      }
    });
  }
  if (pack.rules !== undefined) c.ruleMap('rules', pack.rules);

  const phraseIds = new Map<string, number>();
  const sound: { index: number; rule: PhraseRule }[] = [];
  if (pack.phrases !== undefined && c.array('phrases', pack.phrases, { max: PACK_LIMITS.phraseRules })) {
    pack.phrases.forEach((rule, i) => {
      const p = `phrases[${i}]`;
      if (c.phraseRule(p, rule)) sound.push({ index: i, rule });
      if (isObject(rule) && typeof rule.id === 'string') {
        const first = phraseIds.get(rule.id);
        if (first !== undefined) c.error(`${p}.id`, `phrase rule "${rule.id}" is already defined by phrases[${first}]`);
        else phraseIds.set(rule.id, i);
        if (options.knownRuleIds?.has(rule.id)) c.error(`${p}.id`, `"${rule.id}" is a built-in rule's id; pick another (e.g. prefix it with your pack's id)`);
      }
    });
    const totalExamples = sound.reduce((n, { rule }) => n + rule.examples.match.length + rule.examples.noMatch.length, 0);
    if (totalExamples > PACK_LIMITS.totalExamples) {
      c.error('phrases', `has ${totalExamples} examples in all; the limit is ${PACK_LIMITS.totalExamples}`);
    } else {
      for (const { index, rule } of sound) c.examples(`phrases[${index}]`, rule);
    }
  }

  if (pack.locked !== undefined && c.array('locked', pack.locked, { max: PACK_LIMITS.locked, unique: true })) {
    pack.locked.forEach((key, i) => {
      const p = `locked[${i}]`;
      if (
        c.string(p, key, {
          max: PACK_LIMITS.idLength + 6,
          pattern: LOCK_PATTERN,
          patternHint: `is not a lockable setting: ${LOCKABLE_SETTINGS.join(', ')}, rules.* or rules.<rule id>`,
        }) &&
        key.startsWith('rules.') &&
        key !== 'rules.*'
      ) {
        c.knownRule(p, key.slice('rules.'.length), new Set(phraseIds.keys()));
      }
    });
  }
  if (pack.sendGuard !== undefined) c.oneOf('sendGuard', pack.sendGuard, SEND_GUARDS);
  if (pack.defaultMarket !== undefined) c.id('defaultMarket', pack.defaultMarket, MARKET_ID_PATTERN, 'market id');

  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  return { ok: true, pack: pack as unknown as PolicyPack, warnings: c.warnings };
}

/** Parses and validates a pack file's text (size first, then JSON, then the pack). */
export function parsePackText(text: string, options: ValidateOptions = {}): PackValidation {
  const limit = options.maxBytes ?? PACK_LIMITS.maxBytes;
  const bytes = utf8Length(text);
  if (bytes > limit) return { ok: false, errors: [sizeIssue(bytes, limit)] };
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: `not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  return validatePack(data, options);
}
