/**
 * The protocol between the extension's own pages (popup, options) and the background coach: the
 * requests as Valibot schemas (types inferred), what the background answers, and runtime checks for
 * both directions.
 *
 * Only extension pages may send these (the background checks `checkSender(...).kind === 'extension'`);
 * a content script that tries gets `{ ok: false, code: 'forbidden' }`. Every request is parsed field by
 * field before use; the deep checks of agent settings (rule ids, host names, stored limits) are
 * `sanitizeAgentSettings`'s, run by the background on the merged result, which answers a bad field with
 * `{ ok: false, code: 'invalid', error, path }`.
 *
 * Imported by the popup and options bundles: types only from the engine and policy modules (no
 * detector code, no registry) — keep it that way.
 *
 * Messages (type → request fields → answer):
 * - `tonebridge/panel/state`          { tabId? }                  → PanelStateAnswer
 * - `tonebridge/panel/settings`       { patch: AgentSettingsPatch } → PanelStateAnswer | PanelFailure
 *     patch semantics: lib/contract/settings.ts `AgentSettingsPatchSchema`. A locked key is refused
 *     with `code: 'locked'`, the path and the lock's pack name.
 * - `tonebridge/panel/import`         { text, fileName? }         → PanelImportAnswer (accepted or rejected, always with state)
 * - `tonebridge/panel/remove-import`  { packId }                  → PanelStateAnswer | PanelFailure
 * - `tonebridge/panel/subscribe`      { url, publicKey }          → PanelUrlAnswer | PanelFailure (https only)
 * - `tonebridge/panel/unsubscribe`    { url }                     → PanelStateAnswer | PanelFailure
 * - `tonebridge/panel/refresh`        { url? }                    → PanelUrlAnswer (every URL pack when absent)
 */
import * as v from 'valibot';
import type { LocalizedText } from '../engine/detector';
import type { Coverage, FindingKind, Lang, Level, Scores } from '../engine/types';
import type { AgentSettings, EffectiveSettingsView, LockInfo, SetBy } from '../policy/agent-settings';
import type { FailureKind, PackFailure, PackIssue, PackStatus } from '../policy/sources/types';
import type { PackSource, SendGuard } from '../policy/types';
import type { MarketChoice } from './messages';
import { isRecord, line, parseWith, strict, type Parsed, type PathParsed } from './parse';
import { AgentSettingsPatchSchema, PATCH_LIMITS, type AgentSettingsPatch } from './settings';

export type { AgentSettingsPatch };

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

/** Whether a message claims to be a panel message (then only `parsePanelRequest` may accept it). */
export function isPanelMessage(message: unknown): boolean {
  return isRecord(message) && typeof message.type === 'string' && message.type.startsWith('tonebridge/panel/');
}

export const PANEL_LIMITS = {
  /** An imported pack file's text (the store's own size limit is smaller and says so by field). */
  importText: 1024 * 1024,
  fileName: 255,
  url: 2048,
  publicKey: 200,
  packId: 100,
  ...PATCH_LIMITS,
} as const;

const httpsUrl = v.pipe(
  line(PANEL_LIMITS.url),
  v.rawCheck<string>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    let parsed: URL;
    try {
      parsed = new URL(dataset.value);
    } catch {
      addIssue({ message: 'is not a URL' });
      return;
    }
    if (parsed.protocol !== 'https:') addIssue({ message: `only https:// pack URLs are allowed (got ${parsed.protocol}//)` });
  }),
);

export const PanelRequestSchemas = {
  'tonebridge/panel/state': strict({
    type: v.literal('tonebridge/panel/state'),
    /** The popup's active tab: the answer then says whether that site is coached and its box status. */
    tabId: v.optional(v.pipe(v.number('expected a tab id (a non-negative integer)'), v.safeInteger('expected a tab id (a non-negative integer)'), v.minValue(0, 'expected a tab id (a non-negative integer)'))),
  }),
  'tonebridge/panel/settings': strict({
    type: v.literal('tonebridge/panel/settings'),
    patch: AgentSettingsPatchSchema,
  }),
  'tonebridge/panel/import': strict({
    type: v.literal('tonebridge/panel/import'),
    text: v.pipe(v.string('expected the file text as a string'), v.maxLength(PANEL_LIMITS.importText, `is longer than ${PANEL_LIMITS.importText} characters`)),
    fileName: v.optional(line(PANEL_LIMITS.fileName)),
  }),
  'tonebridge/panel/remove-import': strict({
    type: v.literal('tonebridge/panel/remove-import'),
    packId: line(PANEL_LIMITS.packId),
  }),
  'tonebridge/panel/subscribe': strict({
    type: v.literal('tonebridge/panel/subscribe'),
    url: httpsUrl,
    /** Base64 Ed25519 public key (32 bytes) the pack's signature must verify with. */
    publicKey: v.pipe(line(PANEL_LIMITS.publicKey), v.trim()),
  }),
  'tonebridge/panel/unsubscribe': strict({
    type: v.literal('tonebridge/panel/unsubscribe'),
    // No https check: an unsubscribe must work for whatever is stored.
    url: line(PANEL_LIMITS.url),
  }),
  'tonebridge/panel/refresh': strict({
    type: v.literal('tonebridge/panel/refresh'),
    /** One subscription; absent: every URL pack (the agent's and enterprise policy's). */
    url: v.optional(line(PANEL_LIMITS.url)),
  }),
} as const;

/** The message types an extension page may send: exactly those with a schema. */
export type PanelMessageType = keyof typeof PanelRequestSchemas;
export const PANEL_MESSAGE_TYPES = Object.keys(PanelRequestSchemas) as readonly PanelMessageType[];

type RequestOf<T extends PanelMessageType> = v.InferOutput<(typeof PanelRequestSchemas)[T]>;
export type PanelStateRequest = RequestOf<'tonebridge/panel/state'>;
export type PanelSettingsRequest = RequestOf<'tonebridge/panel/settings'>;
export type PanelImportRequest = RequestOf<'tonebridge/panel/import'>;
export type PanelRemoveImportRequest = RequestOf<'tonebridge/panel/remove-import'>;
export type PanelSubscribeRequest = RequestOf<'tonebridge/panel/subscribe'>;
export type PanelUnsubscribeRequest = RequestOf<'tonebridge/panel/unsubscribe'>;
export type PanelRefreshRequest = RequestOf<'tonebridge/panel/refresh'>;
export type PanelRequest = { [T in PanelMessageType]: RequestOf<T> }[PanelMessageType];

/** A parse failure with the field at fault. */
export type PanelParsed<T> = PathParsed<T>;

/**
 * Checks a panel message: type on the allowlist, no unknown fields, every field's type and size.
 * Errors name the field (`path`) so the page can point at it.
 */
export function parsePanelRequest(message: unknown): PanelParsed<PanelRequest> {
  if (!isRecord(message)) return { ok: false, error: 'message must be an object', path: '' };
  const type = message.type;
  if (typeof type !== 'string' || !(PANEL_MESSAGE_TYPES as readonly string[]).includes(type))
    return { ok: false, error: `type: unknown panel message type ${JSON.stringify(String(type)).slice(0, 80)}`, path: 'type' };
  return parseWith(PanelRequestSchemas[type as PanelMessageType], message) as PanelParsed<PanelRequest>;
}

/** Checks a settings patch's shape (the background then runs `sanitizeAgentSettings` on the result). */
export function parseSettingsPatch(value: unknown, path = 'patch'): PanelParsed<AgentSettingsPatch> {
  return parseWith(AgentSettingsPatchSchema, value, path);
}

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

/** One phrase rule of a pack, as the options page lists it. */
export interface PhraseRuleSummary {
  id: string;
  type: 'require' | 'forbid' | 'substitute' | 'maxCount';
  phrases: string[];
  replacement?: string;
  max?: number;
  lang?: Lang;
  markets?: string[];
  level: Exclude<Level, 'off'>;
  message: LocalizedText;
  examples: { match: string[]; noMatch: string[] };
}

/** A pack slot with what the pack in it says (untrusted text: render as text only). */
export interface PanelPack extends PackStatus {
  owner?: string;
  link?: string;
  description?: string;
  /** The file name an imported pack came from. */
  fileName?: string;
  /** Market ids the pack defines. */
  markets: string[];
  /** Rule levels the pack sets (`level` is the entry's level; options are not shown). */
  rules: { id: string; level: Level }[];
  phrases: PhraseRuleSummary[];
  locked: string[];
  sendGuard?: SendGuard;
  defaultMarket?: string;
}

/** The agent's own URL subscriptions (options page). */
export interface PanelSubscription {
  url: string;
  publicKey: string;
  slot: string;
}

/** What the coach last reported for a compose box in the popup's tab. */
export interface BoxStatus {
  host: string;
  market: MarketChoice;
  findings: {
    total: number;
    byKind: Partial<Record<FindingKind, number>>;
    byLevel: Partial<Record<Exclude<Level, 'off'>, number>>;
  };
  scores: Scores;
  coverage: Coverage;
  /** When it was analysed (ms since epoch). */
  at: number;
}

/**
 * A box status as kept in storage.session across service-worker restarts: our own writing, but another
 * version may have written it, so it is checked on the way back (lib/coach/service.ts).
 */
const BoxStatusSchema = v.looseObject({
  host: v.string(),
  at: v.number(),
  market: v.looseObject({ id: v.string(), name: v.string() }),
  findings: v.looseObject({ total: v.number(), byKind: v.looseObject({}), byLevel: v.looseObject({}) }),
  scores: v.looseObject({}),
  coverage: v.looseObject({}),
});

export function isBoxStatus(value: unknown): value is BoxStatus {
  return v.is(BoxStatusSchema, value);
}

/**
 * The popup's tab, when `tabId` was given and its URL is readable: the extension may read the URL of
 * the hosts it has permission for (Gmail, Zendesk); on any other site `site` is absent.
 */
export interface SiteStatus {
  host: string;
  /** A host Tonebridge coaches (Gmail, Zendesk). */
  supported: boolean;
  /** Coaching runs there under the current settings (global switch and the site's own). */
  enabled: boolean;
}

/**
 * A built-in rule as the options page describes it (its own words, from the detector's meta).
 * Added by the options page's author: optional, so a state without it still parses.
 */
export interface RuleInfo {
  id: string;
  kind: FindingKind;
  description: LocalizedText;
  defaultLevel: Exclude<Level, 'off'>;
  fixable: boolean;
  languages: Lang[];
}

export interface PanelState {
  /** The effective settings: agent choices over the policy, locks with who locked them. */
  effective: EffectiveSettingsView;
  /** The agent's stored settings as they are (a locked choice stays stored but does not apply). */
  agent: AgentSettings;
  /** Every pack slot, strongest source first (managed, url, file, builtin). */
  packs: PanelPack[];
  /** Every market of the effective policy (built-in and pack markets). */
  markets: { id: string; name: LocalizedText }[];
  sendGuard: { value: SendGuard; setBy: SetBy; packId?: string; source?: PackSource; lock?: LockInfo };
  langs: { ready: Lang[]; loading: Lang[] };
  /** The UI language to show (the agent's setting, `auto` resolved with the browser's language). */
  uiLang: 'en' | 'ja';
  subscriptions: PanelSubscription[];
  /** Problems in the enterprise policy itself (storage.managed), by field. */
  managedIssues: PackIssue[];
  site?: SiteStatus;
  box?: BoxStatus;
  /** Every built-in rule's description, for the options page's rule list. */
  ruleInfo?: RuleInfo[];
}

export interface PanelStateAnswer {
  ok: true;
  state: PanelState;
}

export type PanelFailureCode = 'invalid' | 'forbidden' | 'failed' | 'locked';

export interface PanelFailure {
  ok: false;
  code: PanelFailureCode;
  error: string;
  /** The request field at fault (`patch.market`, `url`, `patch.rules.ja/x.level`, …). */
  path?: string;
  /** For `locked`: who locked it. */
  lock?: LockInfo;
}

/** An import's outcome; a rejected pack changes nothing (the previous version stays in effect). */
export type PanelImportOutcome =
  | { accepted: true; slot: string; packId: string; version: string; warnings: PackIssue[]; changed: boolean }
  | { accepted: false; slot?: string; failure: PackFailure; kept?: { id: string; version: string } };

export interface PanelImportAnswer {
  ok: true;
  result: PanelImportOutcome;
  state: PanelState;
}

export type PanelUrlOutcome =
  | { status: 'updated' | 'unchanged' | 'not-modified'; slot: string }
  | { status: 'failed'; slot: string; kind: FailureKind; issues: PackIssue[] };

export interface PanelUrlAnswer {
  ok: true;
  results: PanelUrlOutcome[];
  state: PanelState;
}

export interface PanelResponseOf {
  'tonebridge/panel/state': PanelStateAnswer | PanelFailure;
  'tonebridge/panel/settings': PanelStateAnswer | PanelFailure;
  'tonebridge/panel/import': PanelImportAnswer | PanelFailure;
  'tonebridge/panel/remove-import': PanelStateAnswer | PanelFailure;
  'tonebridge/panel/subscribe': PanelUrlAnswer | PanelFailure;
  'tonebridge/panel/unsubscribe': PanelStateAnswer | PanelFailure;
  'tonebridge/panel/refresh': PanelUrlAnswer | PanelFailure;
}

export type PanelAnswer = PanelResponseOf[PanelMessageType];

// ---------------------------------------------------------------------------------------------
// Answer parsing (the page side): the background is this extension, but it may be an older
// version after an update, or have failed — check the envelope before the UI trusts it.
// ---------------------------------------------------------------------------------------------

const PanelFailureSchema = v.object({
  ok: v.literal(false),
  code: v.picklist(['invalid', 'forbidden', 'failed', 'locked']),
  error: v.string(),
  path: v.fallback(v.optional(v.string()), undefined),
  lock: v.fallback(v.optional(v.looseObject({})), undefined),
});

/** The state's envelope: the fields every page reads first (deeper fields are the background's own writing). */
const PanelStateSchema = v.looseObject({
  effective: v.looseObject({ market: v.string() }),
  agent: v.looseObject({}),
  packs: v.array(v.unknown()),
  markets: v.array(v.unknown()),
  sendGuard: v.looseObject({}),
  langs: v.looseObject({}),
  uiLang: v.picklist(['en', 'ja']),
  subscriptions: v.array(v.unknown()),
  managedIssues: v.array(v.unknown()),
});

const ANSWER_EXTRAS: Partial<Record<PanelMessageType, [string, v.GenericSchema]>> = {
  'tonebridge/panel/import': ['import answer has no result', v.looseObject({ result: v.looseObject({ accepted: v.boolean() }) })],
  'tonebridge/panel/subscribe': ['answer has no results', v.looseObject({ results: v.array(v.unknown()) })],
  'tonebridge/panel/refresh': ['answer has no results', v.looseObject({ results: v.array(v.unknown()) })],
};

/** Checks an answer's envelope for a request type: a failure, or `ok: true` with the fields that type carries. */
export function parsePanelAnswer<T extends PanelMessageType>(type: T, value: unknown): Parsed<PanelResponseOf[T]> {
  if (!isRecord(value) || typeof value.ok !== 'boolean') return { ok: false, error: 'answer is not an object' };
  if (!value.ok) {
    const r = v.safeParse(PanelFailureSchema, value);
    if (!r.success) return { ok: false, error: 'malformed failure' };
    const f: PanelFailure = { ok: false, code: r.output.code, error: r.output.error };
    if (r.output.path !== undefined) f.path = r.output.path;
    if (r.output.lock !== undefined) f.lock = r.output.lock as unknown as LockInfo;
    return { ok: true, value: f as PanelResponseOf[T] };
  }
  if (!v.is(PanelStateSchema, value.state)) return { ok: false, error: 'answer has no valid state' };
  const extra = ANSWER_EXTRAS[type];
  if (extra && !v.is(extra[1], value)) return { ok: false, error: extra[0] };
  return { ok: true, value: value as unknown as PanelResponseOf[T] };
}
