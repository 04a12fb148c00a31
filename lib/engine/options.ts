/**
 * Rule options, declared the way ESLint rules declare `meta.schema`: every detector states in
 * `meta.schema` the options it reads (a Valibot object schema; `NO_OPTIONS` when it reads none), and
 * `meta.options` holds their defaults. Packs are checked against the schema (`rules.<id>.options.<name>`
 * with the reason), the published pack JSON Schema includes it, and a meta-test keeps schema and
 * defaults in step.
 */
import * as v from 'valibot';
import { closedObject, wholeNumber } from '../contract/schema-kit';

/** A detector's options schema: an object of optional, described options. */
export type RuleOptionsSchema = v.StrictObjectSchema<v.ObjectEntries, undefined>;

/** The options a detector reads: every one optional (its default is in `meta.options`). */
export function ruleOptions<const E extends Record<string, v.GenericSchema>>(entries: E): RuleOptionsSchema {
  const optional = Object.fromEntries(Object.entries(entries).map(([k, s]) => [k, v.optional(s)]));
  return closedObject(optional, { noun: 'option' }) as unknown as RuleOptionsSchema;
}

/** For a detector that reads no options: any option a pack sets is an error. */
export const NO_OPTIONS: RuleOptionsSchema = ruleOptions({});

/** A whole-number option in [min, max], with its description for docs and editors. */
export function wholeNumberOption(min: number, max: number, description: string) {
  return v.pipe(wholeNumber(min, max), v.description(description));
}
