/**
 * How the contract's Valibot schemas are run at a boundary: one result shape, `{ ok, value }` or
 * `{ ok: false, error, path }`, the error naming the field (`patch.rules.ja/x.level`, `phrases[0]`).
 * Valibot validates with plain functions (no `new Function`), so it runs under MV3's CSP.
 */
import * as v from 'valibot';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
/** A parse failure with the field at fault ('' for the message itself). */
export type PathParsed<T> = { ok: true; value: T } | { ok: false; error: string; path: string };

/** A plain object (not null, not an array): the one `isRecord` of the code base. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The dotted path of an issue: object keys joined by `.`, array indexes as `[i]`. */
export function issuePath(issue: v.BaseIssue<unknown>, prefix = ''): string {
  let path = prefix;
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    if (typeof key === 'number') path += `[${key}]`;
    else path += path === '' ? String(key) : `.${String(key)}`;
  }
  return path;
}

/** Runs a schema; the first issue becomes the error, prefixed with its path. */
export function parseWith<S extends v.GenericSchema>(schema: S, value: unknown, prefix = ''): PathParsed<v.InferOutput<S>> {
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = issuePath(issue, prefix);
  return { ok: false, error: path ? `${path}: ${issue.message}` : issue.message, path };
}

/** A plain object (arrays refused, unlike `v.record` alone). */
export const plainObject = (message: string) => v.custom<Record<string, unknown>>(isRecord, message);

// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;

/** One line of text: at most `max` characters, no control characters, not blank unless `empty`. */
export function line(max: number, options: { empty?: boolean } = {}) {
  return v.pipe(
    v.string('expected a string'),
    v.maxLength(max, `is longer than ${max} characters`),
    v.check((s) => options.empty === true || s.trim() !== '', 'must not be empty'),
    v.check((s) => !CONTROL.test(s), 'must be one line without control characters'),
  );
}

/**
 * An object used as a map (`rules`, `sites`): at most `maxEntries` keys, each a usable key (not empty,
 * at most `maxKey` characters, no control characters, never `__proto__`, which `v.record` would skip
 * silently), each value checked by `value`.
 */
export function keyed<S extends v.GenericSchema>(value: S, limits: { maxEntries: number; maxKey: number }) {
  return v.pipe(
    plainObject('expected an object'),
    v.rawCheck<Record<string, unknown>>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const keys = Object.keys(dataset.value);
      if (keys.length > limits.maxEntries) {
        addIssue({ message: `has ${keys.length} entries; the limit is ${limits.maxEntries}` });
        return;
      }
      const bad = keys.find((k) => k === '' || k.length > limits.maxKey || CONTROL.test(k) || k === '__proto__' || k === 'constructor' || k === 'prototype');
      if (bad !== undefined)
        addIssue({
          message: 'is not a valid key',
          path: [{ type: 'object', origin: 'key', input: dataset.value, key: bad, value: dataset.value[bad] }],
        });
    }),
    v.record(v.string(), value),
  );
}

/**
 * `v.strictObject`, but an unexpected field is reported before any other problem (as a message with a
 * stray field is refused for that, whatever else is wrong with it), with the field as its path.
 */
export function strict<const E extends v.ObjectEntries>(entries: E, message = 'expected an object') {
  return v.pipe(
    plainObject(message),
    v.rawCheck<Record<string, unknown>>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const extra = Object.keys(dataset.value).find((k) => !Object.hasOwn(entries, k));
      if (extra !== undefined)
        addIssue({
          message: 'unexpected field',
          path: [{ type: 'object', origin: 'key', input: dataset.value, key: extra, value: dataset.value[extra] }],
        });
    }),
    v.strictObject(entries, message),
  );
}
