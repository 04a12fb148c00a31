/**
 * Rule options in packs: each detector's `meta.schema` (lib/engine/options.ts) becomes that rule's
 * entry schema in a pack, so `"en/long-sentence": { "level": "info", "options": { "maxWords": "ten" } }`
 * fails with `rules.en/long-sentence.options.maxWords: expected a whole number from 5 to 200, …` and an
 * unknown option is named with the ones allowed. The same schemas go into the published JSON Schema.
 */
import type * as v from 'valibot';
import type { Detector } from '../engine/detector';
import type { RuleOptionsSchema } from '../engine/options';
import { packSchemas, PACK_LIMITS, ruleEntrySchema, ruleSettingSchema } from './pack';
import { closedObject } from './schema-kit';

/** Rule id → its options schema, for `validatePack`'s `optionSchemas`. */
export type OptionSchemas = ReadonlyMap<string, RuleOptionsSchema>;

/** The options schemas of these detectors, by rule id. */
export function optionSchemasOf(detectors: readonly Pick<Detector, 'meta'>[]): OptionSchemas {
  return new Map(detectors.map((d) => [d.meta.id, d.meta.schema]));
}

/** What a pack validator needs to know of the rules: their ids and their options. */
export function ruleContract(detectors: readonly Pick<Detector, 'meta'>[]): { knownRuleIds: ReadonlySet<string>; optionSchemas: OptionSchemas } {
  return { knownRuleIds: new Set(detectors.map((d) => d.meta.id)), optionSchemas: optionSchemasOf(detectors) };
}

/** One rule's entry in a pack: a level, or a level with exactly the options the rule declares. */
export function ruleEntryFor(ruleId: string, options: RuleOptionsSchema) {
  const closed = closedObject(options.entries, { noun: 'option', none: `${ruleId} takes no options`, maxKeys: PACK_LIMITS.ruleOptions });
  return ruleEntrySchema(ruleSettingSchema(closed));
}

const cache = new WeakMap<OptionSchemas, ReturnType<typeof packSchemas>>();

/** The pack schemas that check each known rule's options (cached per map). */
export function packSchemasFor(optionSchemas: OptionSchemas): ReturnType<typeof packSchemas> {
  let schemas = cache.get(optionSchemas);
  if (!schemas) {
    const entries = new Map<string, v.GenericSchema>();
    for (const [id, schema] of optionSchemas) entries.set(id, ruleEntryFor(id, schema));
    schemas = packSchemas((id) => entries.get(id));
    cache.set(optionSchemas, schemas);
  }
  return schemas;
}
