/**
 * Runtime validation of policy packs. The structure — every field, type, pattern and limit, and each
 * built-in rule's options — is checked by the pack's Valibot schemas (lib/contract/pack.ts, the one
 * description of a pack, from which dictionaries/pack.schema.json is generated). This file adds only
 * what a schema cannot say: unique ids, known rule ids, the rules between a phrase rule's fields, the
 * total of examples, and every phrase rule's examples run through the real matcher. Every problem is
 * reported (not just the first) as a path and a reason, e.g.
 * `phrases[2].examples.match[0]: the rule does not match this example …`.
 *
 * Text comes in through one reader for every path (CLI, URL, file import, enterprise policy):
 * `readPackBytes` (strict UTF-8) → `parsePackText` (size, JSON, no duplicate keys) → `validatePack`.
 */
import { packSchemasFor, type OptionSchemas } from '../contract/rule-options';
import { check, describeValue, isRecord, quote, suggestion, type FieldIssue } from '../contract/schema-kit';
import {
  ID_PATTERN,
  PACK_LIMITS,
  PolicyPackSchema,
  type PhraseRule,
  type PolicyPack,
} from '../contract/pack';
import type { AnalyzedText } from '../engine/document';
import { sentenceLang } from '../engine/language';
import { duplicateKeys } from './json-keys';
import { phraseRuleHits, surfaceHits } from '../engine/pack-rules';

export {
  FINDING_KINDS,
  ID_PATTERN,
  LANGS,
  LINK_PATTERN,
  LOCK_PATTERN,
  LOCKABLE_SETTINGS,
  MARKET_ID_PATTERN,
  MATCH_MODES,
  NON_BLANK_PATTERN,
  PACK_LIMITS,
  PHRASE_LEVELS,
  PHRASE_PATTERN,
  PHRASE_TYPES,
  RULE_LEVELS,
  SEND_GUARDS,
  VERSION_PATTERN,
} from '../contract/pack';

/** Where: `""` for the pack itself, `phrases[2].examples.match[0]`, `rules.ja/foo`, `markets[0].name.ja`. */
export type PackIssue = FieldIssue;

export type PackValidation = { ok: true; pack: PolicyPack; warnings: PackIssue[] } | { ok: false; errors: PackIssue[] };

export interface ValidateOptions {
  /** Ids of the rules this build knows (the registry's detectors); unknown ids are errors when given. */
  knownRuleIds?: ReadonlySet<string>;
  /**
   * Each known rule's options schema (`ruleContract(detectors)` gives both); a rule's options are
   * then checked against it. Without it, options need only be an object of at most 50.
   */
  optionSchemas?: OptionSchemas;
  /** Size limit in UTF-8 bytes of the pack's JSON (default 256 KiB). */
  maxBytes?: number;
  /**
   * Analyses an example as the engine would, so base-form (`match: "base"`) examples can be checked;
   * without it, base-form examples are reported as unchecked warnings.
   */
  analyze?: (text: string) => AnalyzedText;
}

/** Collects the checks a schema cannot make, over the parsed (not yet trusted) data. */
class SemanticChecker {
  readonly errors: PackIssue[] = [];
  readonly warnings: PackIssue[] = [];

  /** Paths with a structural problem, and every path above them: nothing under them is checked again. */
  private readonly broken = new Set<string>();

  constructor(
    readonly options: ValidateOptions,
    structural: readonly PackIssue[],
  ) {
    for (const { path } of structural) {
      this.broken.add(path);
      for (let i = 0; i < path.length; i++) if (path[i] === '.' || path[i] === '[') this.broken.add(path.slice(0, i));
    }
  }

  error(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  warn(path: string, message: string): void {
    this.warnings.push({ path, message });
  }

  /** Whether the schema found a problem at `path` or under it. */
  brokenAt(path: string): boolean {
    return this.broken.has(path);
  }

  /** A known rule id, when the caller told us which ones exist. */
  knownRule(path: string, id: string, extra: ReadonlySet<string> = new Set()): void {
    const known = this.options.knownRuleIds;
    if (!known || known.has(id) || extra.has(id)) return;
    const all = [...known, ...extra].sort();
    this.error(path, `unknown rule "${id}"; ${suggestion(id, all)}known rules: ${all.join(', ')}`);
  }

  /** Every well-formed rule id of a rule map is one this build knows. */
  ruleMap(path: string, value: unknown): void {
    if (!isRecord(value) || Object.keys(value).length > PACK_LIMITS.rulesPerMap) return;
    for (const id of Object.keys(value)) {
      if (id.length > PACK_LIMITS.idLength || !ID_PATTERN.test(id)) continue;
      this.knownRule(`${path}.${id}`, id);
    }
  }

  /** The rules between a phrase rule's fields (the JSON Schema's if/then states them too). */
  phraseRule(path: string, rule: Record<string, unknown>): void {
    if (rule.match === 'base' && rule.lang === 'en') {
      this.error(`${path}.match`, 'base-form matching is for Japanese; use "surface" for an English rule');
    }
    if (rule.replacement !== undefined) {
      if (rule.type !== 'substitute') this.warn(`${path}.replacement`, 'is ignored: only "substitute" rules replace');
    } else if (rule.type === 'substitute') {
      this.error(`${path}.replacement`, 'is required for a "substitute" rule');
    }
    if (rule.max !== undefined) {
      if (rule.type !== 'maxCount') this.warn(`${path}.max`, 'is ignored: only "maxCount" rules count');
    } else if (rule.type === 'maxCount') {
      this.error(`${path}.max`, 'is required for a "maxCount" rule (a whole number ≥ 0)');
    }
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

/** `phrases[2]` of `phrases[2].examples.match[0]`: the part of the pack a problem belongs to. */
function groupOf(path: string): string {
  return /^[^.[]*(?:\[\d+\])?/.exec(path)![0];
}

/**
 * The schema's problems in document order, each semantic problem placed after the schema's problems of
 * the same part of the pack (so `phrases[0].replacement` follows `phrases[0].phrases[0]`).
 */
function merge(structural: readonly PackIssue[], semantic: readonly PackIssue[]): PackIssue[] {
  const groups = structural.map((s) => groupOf(s.path));
  const last = new Map<string, number>();
  groups.forEach((g, i) => last.set(g, i));
  const after = new Map<number, PackIssue[]>();
  const rest: PackIssue[] = [];
  for (const issue of semantic) {
    const at = last.get(groupOf(issue.path));
    if (at === undefined) rest.push(issue);
    else {
      const list = after.get(at);
      if (list) list.push(issue);
      else after.set(at, [issue]);
    }
  }
  const out: PackIssue[] = [];
  structural.forEach((s, i) => out.push(s, ...(after.get(i) ?? [])));
  return [...out, ...rest];
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
  if (json === undefined) return { ok: false, errors: [{ path: '', message: `expected an object, got ${describeValue(input)}` }] };
  const bytes = utf8Length(json);
  if (bytes > limit) return { ok: false, errors: [sizeIssue(bytes, limit)] };
  // What is validated (and returned) is the pack as JSON holds it: no undefined values, no functions,
  // no shared references, nothing the caller can change afterwards.
  const data: unknown = JSON.parse(json);

  const schema = options.optionSchemas ? packSchemasFor(options.optionSchemas).pack : PolicyPackSchema;
  const structural = check(schema, data);
  if (!isRecord(data)) return { ok: false, errors: structural };

  const c = new SemanticChecker(options, structural);
  const pack = data;

  if (Array.isArray(pack.extends) && !c.brokenAt('extends')) {
    pack.extends.forEach((id, i) => {
      if (id === pack.id) c.error(`extends[${i}]`, 'a pack cannot extend itself');
    });
  }

  if (Array.isArray(pack.markets)) {
    const marketIds = new Map<string, number>();
    pack.markets.forEach((m, i) => {
      if (!isRecord(m)) return;
      const p = `markets[${i}]`;
      if (typeof m.extends === 'string' && m.extends === m.id && !c.brokenAt(`${p}.extends`)) {
        c.error(`${p}.extends`, 'a market cannot extend itself');
      }
      if (typeof m.id === 'string') {
        const first = marketIds.get(m.id);
        if (first !== undefined) c.error(`${p}.id`, `market "${m.id}" is already defined by markets[${first}]`);
        else marketIds.set(m.id, i);
      }
      c.ruleMap(`${p}.rules`, m.rules);
    });
  }
  c.ruleMap('rules', pack.rules);

  const phraseIds = new Map<string, number>();
  if (Array.isArray(pack.phrases) && pack.phrases.length <= PACK_LIMITS.phraseRules) {
    const sound: { index: number; rule: PhraseRule }[] = [];
    pack.phrases.forEach((rule, i) => {
      if (!isRecord(rule)) return;
      const p = `phrases[${i}]`;
      const before = c.errors.length;
      c.phraseRule(p, rule);
      if (typeof rule.id === 'string') {
        const first = phraseIds.get(rule.id);
        if (first !== undefined) c.error(`${p}.id`, `phrase rule "${rule.id}" is already defined by phrases[${first}]`);
        else phraseIds.set(rule.id, i);
        if (options.knownRuleIds?.has(rule.id)) c.error(`${p}.id`, `"${rule.id}" is a built-in rule's id; pick another (e.g. prefix it with your pack's id)`);
      }
      if (c.errors.length === before && !c.brokenAt(p)) sound.push({ index: i, rule: rule as unknown as PhraseRule });
    });
    const totalExamples = sound.reduce((n, { rule }) => n + rule.examples.match.length + rule.examples.noMatch.length, 0);
    if (totalExamples > PACK_LIMITS.totalExamples) {
      c.error('phrases', `has ${totalExamples} examples in all; the limit is ${PACK_LIMITS.totalExamples}`);
    } else {
      for (const { index, rule } of sound) c.examples(`phrases[${index}]`, rule);
    }
  }

  if (Array.isArray(pack.locked)) {
    pack.locked.forEach((key, i) => {
      const p = `locked[${i}]`;
      if (typeof key === 'string' && key.startsWith('rules.') && key !== 'rules.*' && !c.brokenAt(p)) {
        c.knownRule(p, key.slice('rules.'.length), new Set(phraseIds.keys()));
      }
    });
  }

  const errors = merge(structural, c.errors);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, pack: pack as unknown as PolicyPack, warnings: c.warnings };
}

/** Parses and validates a pack file's text: size first, then JSON (no key twice in an object), then the pack. */
export function parsePackText(text: string, options: ValidateOptions = {}): PackValidation {
  const limit = options.maxBytes ?? PACK_LIMITS.maxBytes;
  const bytes = utf8Length(text);
  if (bytes > limit) return { ok: false, errors: [sizeIssue(bytes, limit)] };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: `not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const duplicates = duplicateKeys(body);
  if (duplicates.length > 0) {
    return {
      ok: false,
      errors: duplicates.map((d) => ({
        path: d.path,
        message: `the key ${quote(d.key)} appears twice in one object; JSON would silently keep only the last, so write it once`,
      })),
    };
  }
  return validatePack(data, options);
}

/** Pack file bytes as text: strict UTF-8 (a byte-order mark is allowed), or why not. */
export function decodePackBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; errors: PackIssue[] } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { ok: false, errors: [{ path: '', message: 'the pack is not valid UTF-8 text (save it as UTF-8)' }] };
  }
}

/** The one reader of pack files (CLI and signed URLs alike): strict UTF-8, then `parsePackText`. */
export function readPackBytes(bytes: Uint8Array, options: ValidateOptions = {}): PackValidation {
  const limit = options.maxBytes ?? PACK_LIMITS.maxBytes;
  if (bytes.length > limit) return { ok: false, errors: [sizeIssue(bytes.length, limit)] };
  const decoded = decodePackBytes(bytes);
  return decoded.ok ? parsePackText(decoded.text, options) : decoded;
}


/**
 * The id and version a pack file states, read without validating the rest (a signature covers the id,
 * so it is needed before the pack is trusted enough to validate in full).
 */
export function packHeaderOf(bytes: Uint8Array): { ok: true; id: string; version?: string } | { ok: false; reason: string } {
  const decoded = decodePackBytes(bytes);
  if (!decoded.ok) return { ok: false, reason: decoded.errors[0]!.message };
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `the pack is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isRecord(data) || typeof data.id !== 'string' || data.id.length > PACK_LIMITS.idLength || !ID_PATTERN.test(data.id)) {
    return { ok: false, reason: 'the pack has no valid "id"' };
  }
  return { ok: true, id: data.id, ...(typeof data.version === 'string' ? { version: data.version } : {}) };
}
