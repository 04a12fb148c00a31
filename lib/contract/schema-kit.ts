/**
 * Building blocks for the pack contract's Valibot schemas, so that one schema gives the runtime check,
 * the TypeScript type and the published JSON Schema, and every problem reads as a field path and a
 * reason in plain words (`phrases[0].phrases[1]: is 201 characters long; the limit is 200`).
 *
 * Valibot's own object and record schemas take arrays for objects, report only the first unknown key
 * and skip keys such as `constructor`; a pack validator must do none of that, so `closedObject`,
 * `keyedMap` and `eitherOf` run their own checks while keeping Valibot's schema shape (strict_object,
 * record, union), which `@valibot/to-json-schema` converts. Lengths count code points, as JSON Schema
 * does (an emoji is one character). Nothing here compiles code at run time (MV3's CSP forbids it).
 *
 * This module imports only ./parse (the contract's one `isRecord` and issue path), so any layer may use it.
 */
import * as v from 'valibot';
import { isRecord, issuePath } from './parse';

/** One problem: where (`''` for the whole value, `markets[0].name.ja`) and why. */
export interface FieldIssue {
  path: string;
  message: string;
}

type Issue = v.BaseIssue<unknown>;
type Dataset = { typed?: boolean; value: unknown; issues?: Issue[] };
type AnySchema = v.GenericSchema;

export { isRecord, issuePath };

/** Short quoted text for messages. */
export function quote(s: string, max = 60): string {
  return JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);
}

/** What a value is, in words: `the string "x"`, `number 5`, `an array`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** Characters as JSON Schema counts them: code points (a surrogate pair is one). */
export function codePoints(s: string): number {
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

/** `did you mean "x"? ` when a candidate is close, else ''. */
export function suggestion(value: string, candidates: Iterable<string>): string {
  // Long strings are not typos of short names; bounding them keeps the hint linear in the input.
  if (value.length > 200) return '';
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

// ── issues ─────────────────────────────────────────────────────────────────────────────────────────

function makeIssue(kind: Issue['kind'], type: string, input: unknown, message: string, key?: string | number): Issue {
  const issue: Issue = { kind, type, input, expected: null, received: describeValue(input), message };
  if (key === undefined) return issue;
  const item = typeof key === 'number'
    ? ({ type: 'array', origin: 'value', input: [], key, value: input } as v.ArrayPathItem)
    : ({ type: 'object', origin: 'value', input: {}, key, value: input } as v.ObjectPathItem);
  return { ...issue, path: [item] };
}

function prefix(issues: readonly Issue[], key: string | number, parent: unknown, value: unknown): Issue[] {
  const item = typeof key === 'number'
    ? ({ type: 'array', origin: 'value', input: parent as unknown[], key, value } as v.ArrayPathItem)
    : ({ type: 'object', origin: 'value', input: parent as Record<string, unknown>, key, value } as v.ObjectPathItem);
  return issues.map((i) => ({ ...i, path: i.path ? [item, ...i.path] : [item] }) as Issue);
}

/** Every issue as a path and a reason. */
export function fieldIssues(issues: readonly Issue[] | undefined): FieldIssue[] {
  return (issues ?? []).map((i) => ({ path: issuePath(i), message: i.message }));
}

/**
 * Runs a schema over data and returns every problem (the first per field: a pipe stops at its first
 * failed check, so an empty string is "must not be empty", not also "must not be blank").
 */
export function check(schema: AnySchema, value: unknown): FieldIssue[] {
  return resolveParents(fieldIssues(v.safeParse(schema, value, { abortEarly: false, abortPipeEarly: true }).issues));
}

// ── scalar pieces with plain-words messages ────────────────────────────────────────────────────────

export const str = () => v.string((i) => `expected a string, got ${describeValue(i.input)}`);
export const bool = () => v.boolean((i) => `expected true or false, got ${describeValue(i.input)}`);
export const arr = <T extends AnySchema>(item: T) => v.array(item, (i) => `expected an array, got ${describeValue(i.input)}`);

/** One of `options`, with a "did you mean" for a near miss. */
export function oneOf<const T extends readonly string[]>(options: T) {
  return v.picklist(options, (i) => {
    const hint = typeof i.input === 'string' ? suggestion(i.input, options) : '';
    return `expected one of ${options.join(', ')}, got ${describeValue(i.input)}${hint ? `; ${hint.trim()}` : ''}`;
  });
}

/** A whole number in [min, max]; one message for every way of missing it. */
export function wholeNumber(min: number, max: number) {
  const message = (i: Issue) => `expected a whole number from ${min} to ${max}, got ${describeValue(i.input)}`;
  return v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));
}

/** At least `min` characters (code points); the JSON Schema says `minLength`. */
export function minChars(min: number) {
  const action = v.minLength<string, number, string>(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`);
  return {
    ...action,
    '~run'(dataset: Dataset) {
      if (dataset.typed && codePoints(dataset.value as string) < min) pushIssue(dataset, makeIssue('validation', 'min_length', dataset.value, action.message as string));
      return dataset;
    },
  } as typeof action;
}

/** At most `max` characters (code points); the JSON Schema says `maxLength`. */
export function maxChars(max: number) {
  const action = v.maxLength<string, number>(max);
  return {
    ...action,
    '~run'(dataset: Dataset) {
      if (dataset.typed) {
        const length = codePoints(dataset.value as string);
        if (length > max) pushIssue(dataset, makeIssue('validation', 'max_length', dataset.value, `is ${length} characters long; the limit is ${max}`));
      }
      return dataset;
    },
  } as typeof action;
}

export const nonBlank = () => v.regex<string, string>(/\S/, 'must not be blank');

/** Matches `pattern` (no flags, so the JSON Schema can state it); `hint` says what was expected. */
export function pattern(re: RegExp, hint: string | ((input: string) => string)) {
  return v.regex<string, (i: Issue) => string>(re, (i) => {
    const input = i.input as string;
    return typeof hint === 'function' ? hint(input) : `${quote(input)} ${hint}`;
  });
}

export const minItems = <T extends unknown[]>(min: number) => v.minLength<T, number, string>(min, `needs at least ${min} item${min === 1 ? '' : 's'}`);
export const maxItems = <T extends unknown[]>(max: number) =>
  v.maxLength<T, number, (i: Issue) => string>(max, (i) => `has ${(i.input as unknown[]).length} items; the limit is ${max}`);

/** No item twice (compared as JSON); each repeat is named at its own index. The JSON Schema says `uniqueItems`. */
export function uniqueItems<T extends unknown[]>(): v.BaseValidation<T, T, Issue> {
  return {
    kind: 'validation' as const,
    type: 'unique_items',
    reference: uniqueItems as (...args: unknown[]) => unknown,
    async: false as const,
    expects: null,
    requirement: true,
    message: undefined,
    '~run'(dataset: Dataset) {
      if (!dataset.typed || !Array.isArray(dataset.value)) return dataset;
      const seen = new Map<string, number>();
      dataset.value.forEach((item, i) => {
        const key = JSON.stringify(item);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, i);
        else pushIssue(dataset, makeIssue('validation', 'unique_items', item, `duplicates {parent}[${first}]`, i));
      });
      return dataset;
    },
  } as unknown as v.BaseValidation<T, T, Issue>;
}

function pushIssue(dataset: Dataset, issue: Issue): void {
  dataset.typed = dataset.typed && issue.kind !== 'schema';
  (dataset.issues ??= []).push(issue);
}

// ── containers ─────────────────────────────────────────────────────────────────────────────────────

export interface ClosedObjectOptions {
  /** What a key is called in messages: `property` (default) or `option`. */
  noun?: string;
  /** The message for any key when no key is allowed (e.g. `en/hedging takes no options`). */
  none?: string;
  /** At most this many keys, checked before anything else (`has 51 options; the limit is 50`). */
  maxKeys?: number;
}

function isOptional(schema: AnySchema): boolean {
  return schema.type === 'optional' || schema.type === 'exact_optional' || schema.type === 'nullish';
}

/**
 * An object with exactly these properties (Valibot's `strictObject`, so the JSON Schema says
 * `additionalProperties: false`), checked as a pack needs: arrays are not objects, every unknown key
 * is reported (with a "did you mean"), then every missing required one, then each value.
 */
export function closedObject<const E extends v.ObjectEntries>(entries: E, options: ClosedObjectOptions = {}) {
  const base = v.strictObject(entries);
  const names = Object.keys(entries);
  const noun = options.noun ?? 'property';
  return {
    ...base,
    '~run'(dataset: Dataset, config: v.Config<Issue>) {
      const input = dataset.value;
      if (!isRecord(input)) {
        return { typed: false, value: input, issues: [makeIssue('schema', 'strict_object', input, `expected an object, got ${describeValue(input)}`)] };
      }
      const keys = Object.keys(input);
      const issues: Issue[] = [];
      if (options.maxKeys !== undefined && keys.length > options.maxKeys) {
        return { typed: false, value: input, issues: [makeIssue('schema', 'strict_object', input, `has ${keys.length} ${noun}s; the limit is ${options.maxKeys}`)] };
      }
      let typed = true;
      for (const key of keys) {
        if (Object.hasOwn(entries, key)) continue;
        typed = false;
        const message =
          names.length === 0 && options.none
            ? `unknown ${noun}; ${options.none}`
            : `unknown ${noun}; ${suggestion(key, names)}allowed: ${names.join(', ')}`;
        issues.push(makeIssue('schema', 'strict_object', input[key], message, key));
      }
      for (const key of names) {
        if (!Object.hasOwn(input, key) && !isOptional(entries[key]!)) {
          typed = false;
          issues.push(makeIssue('schema', 'strict_object', undefined, 'is required', key));
        }
      }
      const value: Record<string, unknown> = {};
      for (const key of names) {
        if (!Object.hasOwn(input, key)) continue;
        const out = (entries[key] as AnySchema)['~run']({ value: input[key] }, config) as Dataset;
        if (out.issues) issues.push(...prefix(out.issues, key, input, input[key]));
        if (!out.typed) typed = false;
        value[key] = out.value;
      }
      return issues.length > 0 ? { typed, value, issues } : { typed: true, value };
    },
  } as unknown as typeof base;
}

export interface KeyedMapOptions {
  /** The whole map's type error (`expected an object of rule id → level, got …`). */
  notObject: (input: unknown) => string;
  maxKeys: number;
  /** `has 501 rules; the limit is 500`. */
  tooMany: (count: number) => string;
  /** The value schema for one key, when it differs from the default (a rule with its own options). */
  valueFor?: (key: string) => AnySchema | undefined;
}

/**
 * An object used as a map (Valibot's `record`: the JSON Schema says `propertyNames` and
 * `additionalProperties`), checked as a pack needs: arrays refused, the size bounded first, every own
 * key checked (including ones like `constructor`, which `record` skips), a value checked only under a
 * valid key, and per-key value schemas.
 */
export function keyedMap<K extends v.GenericSchema<string>, V extends AnySchema>(key: K, value: V, options: KeyedMapOptions) {
  const base = v.pipe(v.record(key, value), v.maxEntries(options.maxKeys));
  return {
    ...base,
    '~run'(dataset: Dataset, config: v.Config<Issue>) {
      const input = dataset.value;
      if (!isRecord(input)) return { typed: false, value: input, issues: [makeIssue('schema', 'record', input, options.notObject(input))] };
      const keys = Object.keys(input);
      if (keys.length > options.maxKeys) return { typed: false, value: input, issues: [makeIssue('schema', 'record', input, options.tooMany(keys.length))] };
      const issues: Issue[] = [];
      const out: Record<string, unknown> = {};
      for (const k of keys) {
        const keyResult = key['~run']({ value: k }, config) as Dataset;
        if (keyResult.issues) {
          issues.push(...keyResult.issues.map((i) => ({ ...i, path: [{ type: 'object', origin: 'key', input, key: k, value: input[k] }] }) as Issue));
          continue;
        }
        const schema = options.valueFor?.(k) ?? value;
        const valueResult = schema['~run']({ value: input[k] }, config) as Dataset;
        if (valueResult.issues) issues.push(...prefix(valueResult.issues, k, input, input[k]));
        Object.defineProperty(out, k, { value: valueResult.value, enumerable: true, writable: true, configurable: true });
      }
      return issues.length > 0 ? { typed: false, value: out, issues } : { typed: true, value: out };
    },
  } as unknown as typeof base;
}

/**
 * One of several schemas, chosen by the value's shape (`pick` returns the option's index) rather than
 * by trying each, so the reason is the chosen option's (`level: is required`), not "matches none".
 * The JSON Schema says `anyOf` of the options.
 */
export function eitherOf<const O extends readonly [AnySchema, ...AnySchema[]]>(options: O, pick: (input: unknown) => number, mismatch: (input: unknown) => string) {
  const base = v.union(options);
  return {
    ...base,
    '~run'(dataset: Dataset, config: v.Config<Issue>) {
      const index = pick(dataset.value);
      const option = options[index];
      if (!option) return { typed: false, value: dataset.value, issues: [makeIssue('schema', 'union', dataset.value, mismatch(dataset.value))] };
      return option['~run']({ value: dataset.value }, config);
    },
  } as unknown as typeof base;
}

/** Resolves the `{parent}` placeholder `uniqueItems` leaves in its messages (it does not know its own path). */
export function resolveParents(issues: FieldIssue[]): FieldIssue[] {
  return issues.map((i) => {
    if (!i.message.includes('{parent}')) return i;
    const parent = i.path.replace(/\[\d+\]$/, '');
    return { path: i.path, message: i.message.replace('{parent}', parent) };
  });
}
