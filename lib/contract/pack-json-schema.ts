/**
 * `dictionaries/pack.schema.json`, generated from the pack's Valibot schemas (`npm run schema`; a
 * unit test checks the committed file is current). Each built-in rule is listed under `ruleMap` with
 * the options it takes, so editors complete rule ids and option names and flag a bad value.
 */
import { toJsonSchema, type ConversionConfig, type JsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import {
  ExampleSchema,
  LevelSchema,
  LocalizedTextSchema,
  MarketSchema,
  PhraseExamplesSchema,
  PhraseRuleSchema,
  PolicyPackSchema,
  RuleEntrySchema,
  RuleMapSchema,
  RuleSettingSchema,
} from './pack';
import { NO_OPTIONS, type RuleOptionsSchema } from '../engine/options';
import { ruleEntryFor, type OptionSchemas } from './rule-options';

/** Named definitions (`#/$defs/<name>`), referenced wherever the same schema is used. */
const DEFINITIONS = {
  level: LevelSchema,
  localizedText: LocalizedTextSchema,
  example: ExampleSchema,
  ruleMap: RuleMapSchema,
  ruleEntry: RuleEntrySchema,
  ruleSetting: RuleSettingSchema,
  market: MarketSchema,
  phraseRule: PhraseRuleSchema,
  phraseExamples: PhraseExamplesSchema,
} satisfies Record<string, v.GenericSchema>;

const CONFIG: ConversionConfig = {
  target: 'draft-2020-12',
  definitions: DEFINITIONS,
  // The kit's `uniqueItems` check has no Valibot counterpart; its JSON Schema word is `uniqueItems`.
  overrideAction: ({ valibotAction, jsonSchema }) => (valibotAction.type === 'unique_items' ? { ...jsonSchema, uniqueItems: true } : undefined),
};

/** The published JSON Schema of a pack; with `optionSchemas`, each rule's entry names its options. */
export function packJsonSchema(optionSchemas?: OptionSchemas): JsonSchema {
  const schema = toJsonSchema(PolicyPackSchema, CONFIG) as Record<string, unknown> & { $defs: Record<string, Record<string, unknown>> };
  if (optionSchemas && optionSchemas.size > 0) {
    const entryJson = (id: string, options: RuleOptionsSchema) => {
      const entry = toJsonSchema(ruleEntryFor(id, options), { ...CONFIG, definitions: { level: LevelSchema } }) as Record<string, unknown>;
      delete entry.$schema;
      delete entry.$defs;
      return entry;
    };
    // Rules without options share one definition; a rule with options states them.
    const properties: Record<string, unknown> = {};
    for (const id of [...optionSchemas.keys()].sort()) {
      const options = optionSchemas.get(id)!;
      properties[id] = Object.keys(options.entries).length === 0 ? { $ref: '#/$defs/ruleEntryWithoutOptions' } : entryJson(id, options);
    }
    const ruleMap = schema.$defs.ruleMap!;
    schema.$defs.ruleMap = { ...ruleMap, properties };
    schema.$defs.ruleEntryWithoutOptions = { ...entryJson('', NO_OPTIONS), description: 'A level, or a level with no options (the rule takes none).' };
  }
  // Keywords in the order people read them: what it is first, then its parts.
  const { $schema, $id, title, description, ...rest } = schema;
  return { $schema, $id, title, description, ...rest } as JsonSchema;
}

/** The file's text: two-space JSON and a final newline. */
export function packJsonSchemaText(optionSchemas?: OptionSchemas): string {
  return `${JSON.stringify(packJsonSchema(optionSchemas), null, 2)}\n`;
}
