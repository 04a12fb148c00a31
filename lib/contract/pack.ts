/**
 * The policy pack, described once. These Valibot schemas are the runtime check of a pack's structure
 * (`lib/policy/validate.ts` adds only what a schema cannot say: unique ids, known rule ids, totals, and
 * every phrase rule's examples run through the real matcher), the TypeScript types (`PolicyPack`, …,
 * inferred below) and the published `dictionaries/pack.schema.json` (`npm run schema` writes it from
 * `packJsonSchema()`; a test checks the committed file is current).
 *
 * Limits keep a pack from ever making the analyser slow or the UI unusable: total size, counts of
 * rules, phrases and examples, and the length of every string. Phrases are literals, never patterns.
 */
import * as v from 'valibot';
import { FINDING_KINDS, LEVELS, type Lang } from '../engine/types';
import {
  arr,
  bool,
  closedObject,
  describeValue,
  eitherOf,
  isRecord,
  keyedMap,
  maxChars,
  maxItems,
  minChars,
  minItems,
  nonBlank,
  oneOf,
  pattern,
  str,
  uniqueItems,
  wholeNumber,
} from './schema-kit';

/** Bounds a pack must stay within (the JSON Schema states the same numbers: it is generated from here). */
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

// Patterns are stated without flags or shorthands such as \d, because the JSON Schema repeats them.
export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;
export const MARKET_ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
/** Dotted numbers with optional pre-release and build parts: 1, 1.2, 1.2.3, 1.2.3-beta.1+build. */
// eslint-disable-next-line regexp/prefer-d, regexp/use-ignore-case
export const VERSION_PATTERN = /^[0-9]+(\.[0-9]+){0,3}(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
export const LINK_PATTERN = /^https?:\/\/\S+$/;
/** Has a visible character. */
export const NON_BLANK_PATTERN = /\S/;
/** One line with a visible character: phrases match within a sentence, never across lines. */
export const PHRASE_PATTERN = /^[^\S\n\r\u2028\u2029]*\S.*$/;
export const LOCK_PATTERN = /^(market|sendGuard|uiLang|agentName|enabled|sites|rules\.\*|rules\.[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*)$/;

export const LOCKABLE_SETTINGS = ['market', 'sendGuard', 'uiLang', 'agentName', 'enabled', 'sites'] as const;
export const LANGS = ['ja', 'en'] as const satisfies readonly Lang[];
export const RULE_LEVELS = LEVELS;
export const PHRASE_LEVELS = ['info', 'warn', 'block'] as const;
export const SEND_GUARDS = ['off', 'warn', 'block'] as const;
export const PHRASE_TYPES = ['require', 'forbid', 'substitute', 'maxCount'] as const;
export const MATCH_MODES = ['surface', 'base'] as const;
export { FINDING_KINDS };

const described = <S extends v.GenericSchema>(schema: S, text: string) => v.pipe(schema, v.description(text));

function idOf(what: string, re: RegExp, hint: string) {
  return v.pipe(str(), minChars(1), maxChars(PACK_LIMITS.idLength), pattern(re, `is not a valid ${what}: ${hint}`));
}
const ID_HINT = `lower-case segments separated by "/", like "acme/support" (${ID_PATTERN.source})`;
const MARKET_HINT = 'lower-case letters, digits, ".", "_" and "-", starting with a letter or digit';
const packId = (what: string) => idOf(what, ID_PATTERN, ID_HINT);
const marketId = () => idOf('market id', MARKET_ID_PATTERN, MARKET_HINT);

/** A text shown to people: not empty, not blank, bounded. */
const text = (max: number) => v.pipe(str(), minChars(1), maxChars(max), nonBlank());

export const LevelSchema = described(
  oneOf(RULE_LEVELS),
  'How loudly a rule speaks: off (disabled), info, warn, block (can stop a send when the send guard says so).',
);
export const LangSchema = described(oneOf(LANGS), 'A language Tonebridge analyses: ja (Japanese) or en (English).');

export const LocalizedTextSchema = described(
  closedObject({
    en: described(text(PACK_LIMITS.messageLength), 'The English text.'),
    ja: described(text(PACK_LIMITS.messageLength), 'The Japanese text.'),
  }),
  'A text in English and Japanese (the UI speaks both).',
);

export const ExampleSchema = described(
  v.pipe(str(), minChars(1), maxChars(PACK_LIMITS.exampleLength), nonBlank()),
  'An example sentence or reply.',
);

/** Any rule's options as far as the pack format knows them: an object, at most 50 of them. */
export const AnyRuleOptionsSchema = keyedMap(v.string(), v.unknown(), {
  maxKeys: PACK_LIMITS.ruleOptions,
  notObject: (input) => `expected an object, got ${describeValue(input)}`,
  tooMany: (n) => `has ${n} options; the limit is ${PACK_LIMITS.ruleOptions}`,
});

/** `{ "level": …, "options": { … } }` with the given options schema. */
export function ruleSettingSchema<O extends v.GenericSchema>(options: O) {
  return described(
    closedObject({
      level: LevelSchema,
      options: v.optional(described(options, 'Options the rule documents (docs/rules.md), merged over its defaults.')),
    }),
    'A rule’s level and options.',
  );
}

export const RuleSettingSchema = ruleSettingSchema(AnyRuleOptionsSchema);

/** A level, or a level with options (the options schema given: a rule's own, or any). */
export function ruleEntrySchema<S extends v.GenericSchema>(setting: S) {
  return described(
    eitherOf(
      [LevelSchema, setting],
      (input) => (typeof input === 'string' ? 0 : isRecord(input) ? 1 : -1),
      (input) => `expected a level (${RULE_LEVELS.join(', ')}) or { "level": …, "options": { … } }, got ${describeValue(input)}`,
    ),
    'A level, or a level with the rule’s options.',
  );
}

export const RuleEntrySchema = ruleEntrySchema(RuleSettingSchema);

const RULE_ID_MESSAGE = (id: string) =>
  `rule id ${JSON.stringify(id.length > 60 ? `${id.slice(0, 60)}…` : id)} must be lower-case segments like "ja/missing-apology" (${ID_PATTERN.source}, at most ${PACK_LIMITS.idLength} characters)`;

const RuleIdKeySchema = v.pipe(
  v.string(),
  v.maxLength(PACK_LIMITS.idLength, (i) => RULE_ID_MESSAGE(i.input)),
  v.regex(ID_PATTERN, (i) => RULE_ID_MESSAGE(i.input)),
);

/** Rule id → entry; `entryFor` gives a rule its own entry schema (its options), when known. */
export function ruleMapSchema(entryFor?: (ruleId: string) => v.GenericSchema | undefined) {
  return described(
    keyedMap(RuleIdKeySchema, RuleEntrySchema, {
      maxKeys: PACK_LIMITS.rulesPerMap,
      notObject: (input) => `expected an object of rule id → level, got ${describeValue(input)}`,
      tooMany: (n) => `has ${n} rules; the limit is ${PACK_LIMITS.rulesPerMap}`,
      valueFor: entryFor,
    }),
    'Rule id → level, or → { level, options }.',
  );
}

const PhraseSchema = described(
  v.pipe(
    str(),
    minChars(1),
    maxChars(PACK_LIMITS.phraseLength),
    pattern(PHRASE_PATTERN, (input) => (/\S/.test(input) ? 'contains a line break; a phrase matches within one line' : 'must not be blank')),
  ),
  'A literal phrase on one line.',
);

const exampleList = (what: string) =>
  described(v.pipe(arr(ExampleSchema), minItems(1), maxItems(PACK_LIMITS.examplesPerList)), what);

export const PhraseExamplesSchema = described(
  closedObject({
    match: exampleList('Sentences the rule must match.'),
    noMatch: exampleList('Sentences the rule must not match.'),
  }),
  'Sentences the rule must and must not match; validation runs them through the real matcher.',
);

/** What the JSON Schema states of the rules between fields; `validate.ts` checks the same by hand. */
const PHRASE_RULE_CONDITIONS = [
  { if: { properties: { type: { const: 'substitute' } }, required: ['type'] }, then: { required: ['replacement'] } },
  { if: { properties: { type: { const: 'maxCount' } }, required: ['type'] }, then: { required: ['max'] } },
  {
    if: { properties: { match: { const: 'base' } }, required: ['match'] },
    then: { not: { properties: { lang: { const: 'en' } }, required: ['lang'] } },
  },
];

export const PhraseRuleSchema = v.pipe(
  closedObject({
    id: described(packId('rule id'), 'The rule’s id, unique in the pack, e.g. "acme/no-slang"; not a built-in rule’s id.'),
    type: described(
      oneOf(PHRASE_TYPES),
      'require: one of the phrases must appear; forbid: none may; substitute: each is replaced by `replacement` (a one-click fix); maxCount: together at most `max` times.',
    ),
    phrases: described(
      v.pipe(arr(PhraseSchema), minItems(1), maxItems(PACK_LIMITS.phrasesPerRule), uniqueItems()),
      'The phrases the rule looks for.',
    ),
    match: v.optional(
      described(oneOf(MATCH_MODES), 'surface (default): as written; base: Japanese by dictionary form, so 対応できる also catches 対応できません.'),
    ),
    ignoreCase: v.optional(described(bool(), 'Case-insensitive matching of English phrases (default true).')),
    replacement: v.optional(
      described(v.pipe(str(), maxChars(PACK_LIMITS.phraseLength)), 'What a `substitute` rule replaces each phrase with (required for substitute).'),
    ),
    max: v.optional(
      described(wholeNumber(0, PACK_LIMITS.maxCount), 'How many times a `maxCount` rule allows its phrases in all (required for maxCount).'),
    ),
    lang: v.optional(described(LangSchema, 'Only sentences in this language are checked; all when absent.')),
    markets: v.optional(
      described(
        v.pipe(arr(marketId()), minItems(1), maxItems(PACK_LIMITS.marketsPerRule), uniqueItems()),
        'Markets the rule applies to (and markets extending them); all when absent.',
      ),
    ),
    level: v.optional(described(oneOf(PHRASE_LEVELS), 'The findings’ level (default warn).')),
    kind: v.optional(described(oneOf(FINDING_KINDS), 'What the findings are about, for colours and grouping (default policy).')),
    // Definitions are referenced as they are (a description here would inline them in the JSON Schema).
    message: LocalizedTextSchema,
    examples: PhraseExamplesSchema,
  }),
  v.description('An admin’s phrase rule. Phrases are literals, never patterns.'),
  v.metadata({ allOf: PHRASE_RULE_CONDITIONS }),
);

function marketSchema<R extends v.GenericSchema>(ruleMap: R) {
  return described(
    closedObject({
      id: described(marketId(), 'The market’s id, e.g. "jp-vip".'),
      name: LocalizedTextSchema,
      extends: v.optional(described(marketId(), 'A market this one inherits detectors and rule levels from (not itself).')),
      languages: v.optional(
        described(
          v.pipe(arr(LangSchema), minItems(1), maxItems(LANGS.length), uniqueItems()),
          'Languages this market’s customers read; the first is the usual one.',
        ),
      ),
      rules: v.optional(ruleMap),
    }),
    'A target market: the culture of the customer who will read the reply.',
  );
}

function packSchemaWith<R extends v.GenericSchema, M extends v.GenericSchema>(ruleMap: R, market: M) {
  return v.pipe(
    closedObject({
      $schema: v.optional(described(v.pipe(str(), maxChars(1000)), 'Path or URL of this schema, for editors’ completion and checking.')),
      schemaVersion: described(
        v.literal(1, (i) => `expected 1, got ${describeValue(i.input)}; this version of Tonebridge reads schemaVersion 1`),
        'Version of the pack format. This format is version 1.',
      ),
      id: described(packId('pack id'), 'The pack’s id, unique among loaded packs: lower-case segments separated by "/", e.g. "acme/support-jp".'),
      name: described(text(PACK_LIMITS.nameLength), 'Name shown to agents in the popup and the options page.'),
      version: described(
        v.pipe(
          str(),
          minChars(1),
          maxChars(50),
          pattern(VERSION_PATTERN, 'is not a version like "1.2.0" (dotted numbers, optionally -pre-release and +build)'),
        ),
        'The pack’s version, e.g. "1.2.0" (dotted numbers, optionally -pre-release and +build). A signed URL pack never goes back to a lower version.',
      ),
      description: v.optional(described(v.pipe(str(), maxChars(PACK_LIMITS.descriptionLength)), 'What the pack is for, shown in the options page.')),
      owner: v.optional(described(v.pipe(str(), maxChars(PACK_LIMITS.nameLength)), 'Who maintains the pack (team or person), shown in the options page.')),
      link: v.optional(
        described(
          v.pipe(str(), maxChars(1000), pattern(LINK_PATTERN, 'is not an http(s) URL')),
          'An http(s) page about the pack (the team’s style guide, for example).',
        ),
      ),
      extends: v.optional(
        described(
          v.pipe(arr(packId('pack id')), maxItems(PACK_LIMITS.extends), uniqueItems()),
          'Ids of packs whose settings this one builds on; they apply just before it and must be loaded too.',
        ),
      ),
      markets: v.optional(
        described(
          v.pipe(arr(market), maxItems(PACK_LIMITS.markets)),
          'Markets this pack defines or changes (a market with the id of an existing one changes it).',
        ),
      ),
      rules: v.optional(ruleMap),
      phrases: v.optional(
        described(
          v.pipe(arr(PhraseRuleSchema), maxItems(PACK_LIMITS.phraseRules)),
          'The admin’s own phrase rules: require one of, forbid, substitute, at most N of.',
        ),
      ),
      locked: v.optional(
        described(
          v.pipe(
            arr(
              described(
                v.pipe(
                  str(),
                  maxChars(PACK_LIMITS.idLength + 6),
                  pattern(LOCK_PATTERN, `is not a lockable setting: ${LOCKABLE_SETTINGS.join(', ')}, rules.* or rules.<rule id>`),
                ),
                'A lockable setting: market, sendGuard, uiLang, agentName, enabled, sites, rules.* (every rule) or rules.<rule id>.',
              ),
            ),
            maxItems(PACK_LIMITS.locked),
            uniqueItems(),
          ),
          'Settings agents and weaker sources may not change.',
        ),
      ),
      sendGuard: v.optional(
        described(
          oneOf(SEND_GUARDS),
          'What happens on send when findings remain: off (nothing), warn (confirm before sending), block (block-level findings stop the send).',
        ),
      ),
      defaultMarket: v.optional(described(marketId(), 'The market selected when the agent has not chosen one.')),
    }),
    v.metadata({
      $id: 'urn:tonebridge:schema:pack:1',
      title: 'Tonebridge policy pack',
      description:
        'A policy pack: markets, rule levels and options, admins’ phrase rules, locks and the send guard. Built-in markets and admin packs use the same format. Limits keep a pack from ever slowing the analyser; `tonebridge pack validate FILE` also checks unique ids, known rule ids and runs every phrase rule’s examples.',
    }),
  );
}

/** The schemas of one pack format, with rule entries as `entryFor` gives them (rules with their own options). */
export function packSchemas(entryFor?: (ruleId: string) => v.GenericSchema | undefined) {
  const ruleMap = ruleMapSchema(entryFor);
  const market = marketSchema(ruleMap);
  return { pack: packSchemaWith(ruleMap, market), market, ruleMap };
}

/** The pack format without knowing any rule's options (each rule's options: any object of ≤ 50). */
export const { pack: PolicyPackSchema, market: MarketSchema, ruleMap: RuleMapSchema } = packSchemas();

export type PolicyPack = v.InferOutput<typeof PolicyPackSchema>;
export type MarketDefinition = v.InferOutput<typeof MarketSchema>;
export type PhraseRule = v.InferOutput<typeof PhraseRuleSchema>;
export type PhraseExamples = v.InferOutput<typeof PhraseExamplesSchema>;
export type RuleSetting = v.InferOutput<typeof RuleSettingSchema>;
/** `"ja/plain-ending": "warn"` or `{ "level": "warn", "options": { … } }`. */
export type RuleEntry = v.InferOutput<typeof RuleEntrySchema>;
export type SendGuard = (typeof SEND_GUARDS)[number];
