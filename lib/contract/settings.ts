/**
 * The settings contract: where settings live in storage, and the schemas of the agent's settings, of
 * a settings patch sent by the options page or popup, and the helpers that check what storage holds.
 *
 * storage.sync, one key per field of AgentSettings (`market` and `uiLang` are the keys content scripts
 * and the e2e tests have always used; one key per field also gives each field sync's own per-item
 * quota). Only the background writes them, after validation (lib/coach/panel.ts).
 *
 * Why not `@wxt-dev/storage`'s `defineItem`: its items have a fallback and version migrations but no
 * validation hook, and every reader here takes its storage area as a parameter (the background's
 * sync area, tests' fakes). Values are checked with the schemas below on every read instead
 * (`sanitizeAgentSettings` in lib/policy/agent-settings.ts): another context, or an older version,
 * may have written them.
 *
 * Imported by content scripts (the keys): no engine or policy code here, types only.
 */
import * as v from 'valibot';
import { LEVELS, type Lang, type Level } from '../engine/types';
import { keyed, line, strict } from './parse';

// ── where ───────────────────────────────────────────────────────────────────────────────────────

export const SETTINGS_AREA = 'sync' as const;

/** The keys content scripts read (and watch, to re-analyse at once). */
export const SETTINGS_KEYS = {
  /** Target market: `auto` (from the recipient, the ticket or the language) or a market id. */
  market: 'market',
  /** UI language for messages: `auto` (the browser's), `en` or `ja`. */
  uiLang: 'uiLang',
  /** Coach Zendesk internal notes too (off by default: notes are for colleagues, not customers). */
  coachInternalNotes: 'coachInternalNotes',
} as const;

/** The agent's settings in storage.sync, one key per field of AgentSettings. */
export const AGENT_SETTINGS_KEYS = ['market', 'uiLang', 'agentName', 'rules', 'phrases', 'sendGuardOff', 'enabled', 'sites'] as const;

/** storage.local: changes whenever the effective policy does (packs, locks, agent settings). */
export const POLICY_REVISION_KEY = 'tonebridge.policyRevision';

export type MarketSetting = 'auto' | string;

// ── the agent's settings ────────────────────────────────────────────────────────────────────────

export const UI_LANG_SETTINGS = ['auto', 'en', 'ja'] as const;
export type UiLangSetting = (typeof UI_LANG_SETTINGS)[number];

/** Limits on what storage may hold (reads keep the first entries and report the rest). */
export const AGENT_LIMITS = { agentName: 80, rules: 500, phrases: 100, phraseLength: 100, sites: 500, hostLength: 253 };

const MARKET_ID = /^[a-z0-9][a-z0-9._-]*$/;
const RULE_ID = /^[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)*$/;
const HOST = /^(?=.{1,253}$)[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?$/;
const RULE_LEVELS = LEVELS.filter((l): l is Exclude<Level, 'off'> => l !== 'off');

export const UiLangSettingSchema = v.picklist(UI_LANG_SETTINGS, `expected one of ${UI_LANG_SETTINGS.join(', ')}`);
const flag = v.boolean('expected true or false');
const ruleLevel = v.picklist(RULE_LEVELS, 'expected "info", "warn" or "block"');
const lang = v.picklist(['ja', 'en'] as const satisfies readonly Lang[], 'expected "ja" or "en"');

/** The agent's choice for one rule: off, or on at a level (absent fields leave the policy's choice). */
export const RuleOverrideSchema = strict({ enabled: v.optional(flag), level: v.optional(ruleLevel) }, 'expected { enabled?, level? } or null');
export type RuleOverride = v.InferOutput<typeof RuleOverrideSchema>;

/**
 * The stored fields, one schema each: `sanitizeAgentSettings` runs them field by field (and entry by
 * entry for `rules`, `phrases`, `sites`), keeping what is valid and reporting the rest by path.
 */
export const STORED_FIELDS = {
  market: v.pipe(v.string(), v.maxLength(100), v.regex(MARKET_ID, 'expected "auto" or a market id')),
  uiLang: UiLangSettingSchema,
  agentName: v.pipe(line(AGENT_LIMITS.agentName, { empty: true }), v.trim()),
  sendGuardOff: flag,
  enabled: flag,
  ruleId: v.pipe(v.string(), v.regex(RULE_ID)),
  ruleEnabled: flag,
  ruleLevel,
  phrase: v.pipe(line(AGENT_LIMITS.phraseLength), v.trim()),
  replacement: line(AGENT_LIMITS.phraseLength, { empty: true }),
  lang,
  /** A site key, lower-cased before the check. */
  host: v.pipe(v.string(), v.regex(HOST)),
  siteOn: flag,
} as const;

const F = STORED_FIELDS;

/** A phrase the agent wants flagged (and, with a replacement, offered as a one-click fix). */
export const PersonalPhraseSchema = v.object({ phrase: F.phrase, replacement: v.optional(F.replacement), lang: v.optional(F.lang) });
export type PersonalPhrase = v.InferOutput<typeof PersonalPhraseSchema>;

/**
 * The agent's settings, as the background holds them after `sanitizeAgentSettings` (which reads
 * storage leniently with the same field schemas). A setting a pack locks keeps the policy's value
 * whatever is stored here (lib/policy/agent-settings.ts).
 */
export const AgentSettingsSchema = v.object({
  /** A market id, or 'auto' (from the recipient or ticket); absent: the policy's default market. */
  market: v.optional(F.market),
  uiLang: F.uiLang,
  /** Display name used in the ownership sentence. */
  agentName: F.agentName,
  rules: v.record(F.ruleId, v.object({ enabled: v.optional(F.ruleEnabled), level: v.optional(F.ruleLevel) })),
  phrases: v.pipe(v.array(PersonalPhraseSchema), v.maxLength(AGENT_LIMITS.phrases)),
  /** The agent turned the send guard off for themself (ignored when a pack locks `sendGuard`). */
  sendGuardOff: F.sendGuardOff,
  /** Coaching on at all (ignored when a pack locks `enabled`). */
  enabled: F.enabled,
  /** Per-site switch by host name (`mail.google.com`); absent hosts follow `enabled`. Ignored when a pack locks `sites`. */
  sites: v.record(F.host, F.siteOn),
});
export type AgentSettings = v.InferOutput<typeof AgentSettingsSchema>;

// ── a settings patch (options page, popup → background) ────────────────────────────────────────

/** Limits on a patch message (the stored settings' own limits, above, apply after the merge). */
export const PATCH_LIMITS = {
  agentName: 200,
  phrases: 200,
  phraseLength: 200,
  /** Keys in one `rules` or `sites` patch. */
  patchEntries: 600,
  key: 253,
  market: 100,
} as const;

const PATCH_KEYS = ['market', 'uiLang', 'agentName', 'rules', 'phrases', 'sendGuardOff', 'enabled', 'sites'] as const;

const PersonalPhrasePatchSchema = strict(
  {
    phrase: line(PATCH_LIMITS.phraseLength),
    replacement: v.optional(line(PATCH_LIMITS.phraseLength, { empty: true })),
    lang: v.optional(lang),
  },
  'expected { phrase, replacement?, lang? }',
);

/**
 * A partial update of the agent's settings. `market`, `uiLang`, `agentName`, `phrases`,
 * `sendGuardOff`, `enabled` replace the stored value (`market: null` removes the agent's choice → the
 * policy's default market); `rules` and `sites` MERGE per key (`null` removes that rule's override /
 * site's switch). Deep checks (rule ids, host names, stored limits) run on the merged result.
 */
export const AgentSettingsPatchSchema = v.pipe(
  strict(
    {
      market: v.optional(
        v.nullable(
          v.pipe(
            v.string('expected "auto", a market id or null'),
            v.maxLength(PATCH_LIMITS.market, 'expected "auto", a market id or null'),
            v.regex(MARKET_ID, 'expected "auto", a market id or null'),
          ),
        ),
      ),
      uiLang: v.optional(v.picklist(UI_LANG_SETTINGS, 'expected "auto", "en" or "ja"')),
      agentName: v.optional(line(PATCH_LIMITS.agentName, { empty: true })),
      rules: v.optional(keyed(v.nullable(RuleOverrideSchema), { maxEntries: PATCH_LIMITS.patchEntries, maxKey: PATCH_LIMITS.key })),
      phrases: v.optional(
        v.pipe(
          v.array(PersonalPhrasePatchSchema, 'expected a list'),
          v.check((list) => list.length <= PATCH_LIMITS.phrases, (issue) => `has ${(issue.input as unknown[]).length} entries; the limit is ${PATCH_LIMITS.phrases}`),
        ),
      ),
      sendGuardOff: v.optional(flag),
      enabled: v.optional(flag),
      sites: v.optional(keyed(v.nullable(v.boolean('expected true, false or null')), { maxEntries: PATCH_LIMITS.patchEntries, maxKey: PATCH_LIMITS.key })),
    },
    'expected an object',
  ),
  v.check((patch) => Object.keys(patch).length > 0, 'changes nothing'),
);
export type AgentSettingsPatch = v.InferOutput<typeof AgentSettingsPatchSchema>;
export const AGENT_PATCH_KEYS: readonly (keyof AgentSettingsPatch)[] = PATCH_KEYS;
