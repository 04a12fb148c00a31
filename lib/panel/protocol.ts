/**
 * The protocol between the extension's own pages (popup, options) and the background coach: the
 * messages a page may send, what the background answers, and runtime parsers for both directions.
 *
 * Only extension pages may send these (the background checks `checkSender(...).kind === 'extension'`);
 * a content script that tries gets `{ ok: false, code: 'forbidden' }`. Every request is parsed field by
 * field before use, like lib/messaging.ts `parseRequest`; the deep checks of agent settings (rule ids,
 * host names, phrase lengths) are `sanitizeAgentSettings`'s, run by the background on the merged result,
 * which answers a bad field with `{ ok: false, code: 'invalid', error, path }`.
 *
 * Imported by the popup and options bundles: types only from the engine and policy modules (no
 * detector code, no registry) — keep it that way.
 *
 * Messages (type → request fields → answer):
 * - `tonebridge/panel/state`          { tabId? }                  → PanelStateAnswer
 * - `tonebridge/panel/settings`       { patch: AgentSettingsPatch } → PanelStateAnswer | PanelFailure
 *     patch semantics: `market`, `uiLang`, `agentName`, `phrases`, `sendGuardOff`, `enabled` replace
 *     the stored value (`market: null` removes the agent's choice → the policy's default market);
 *     `rules` and `sites` MERGE per key (`null` removes that rule's override / site's switch).
 *     A locked key is refused with `code: 'locked'`, the path and the lock's pack name.
 * - `tonebridge/panel/import`         { text, fileName? }         → PanelImportAnswer (accepted or rejected, always with state)
 * - `tonebridge/panel/remove-import`  { packId }                  → PanelStateAnswer | PanelFailure
 * - `tonebridge/panel/subscribe`      { url, publicKey }          → PanelUrlAnswer | PanelFailure (https only)
 * - `tonebridge/panel/unsubscribe`    { url }                     → PanelStateAnswer | PanelFailure
 * - `tonebridge/panel/refresh`        { url? }                    → PanelUrlAnswer (every URL pack when absent)
 */
import type { Coverage, FindingKind, Lang, Level, Scores } from '../engine/types';
import type { MarketChoice, Parsed } from '../messaging';
import type { AgentSettings, EffectiveSettingsView, LockInfo, PersonalPhrase, RuleOverride, SetBy, UiLang } from '../policy/agent-settings';
import type { FailureKind, PackFailure, PackIssue, PackStatus } from '../policy/sources/types';
import type { LocalizedText } from '../engine/detector';
import type { PackSource, SendGuard } from '../policy/types';

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

export const PANEL_MESSAGE_TYPES = [
  'tonebridge/panel/state',
  'tonebridge/panel/settings',
  'tonebridge/panel/import',
  'tonebridge/panel/remove-import',
  'tonebridge/panel/subscribe',
  'tonebridge/panel/unsubscribe',
  'tonebridge/panel/refresh',
] as const;
export type PanelMessageType = (typeof PANEL_MESSAGE_TYPES)[number];

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
  agentName: 200,
  phrases: 200,
  phraseLength: 200,
  /** Keys in one `rules` or `sites` patch. */
  patchEntries: 600,
  key: 253,
  market: 100,
} as const;

export interface PanelStateRequest {
  type: 'tonebridge/panel/state';
  /** The popup's active tab: the answer then says whether that site is coached and its box status. */
  tabId?: number;
}

/** A partial update of the agent's settings; see the header for replace vs merge semantics. */
export interface AgentSettingsPatch {
  market?: string | null;
  uiLang?: UiLang;
  agentName?: string;
  rules?: Record<string, RuleOverride | null>;
  phrases?: PersonalPhrase[];
  sendGuardOff?: boolean;
  enabled?: boolean;
  sites?: Record<string, boolean | null>;
}

export interface PanelSettingsRequest {
  type: 'tonebridge/panel/settings';
  patch: AgentSettingsPatch;
}

export interface PanelImportRequest {
  type: 'tonebridge/panel/import';
  text: string;
  fileName?: string;
}

export interface PanelRemoveImportRequest {
  type: 'tonebridge/panel/remove-import';
  packId: string;
}

export interface PanelSubscribeRequest {
  type: 'tonebridge/panel/subscribe';
  url: string;
  /** Base64 Ed25519 public key (32 bytes) the pack's signature must verify with. */
  publicKey: string;
}

export interface PanelUnsubscribeRequest {
  type: 'tonebridge/panel/unsubscribe';
  url: string;
}

export interface PanelRefreshRequest {
  type: 'tonebridge/panel/refresh';
  /** One subscription; absent: every URL pack (the agent's and enterprise policy's). */
  url?: string;
}

export type PanelRequest =
  | PanelStateRequest
  | PanelSettingsRequest
  | PanelImportRequest
  | PanelRemoveImportRequest
  | PanelSubscribeRequest
  | PanelUnsubscribeRequest
  | PanelRefreshRequest;

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
// Request parsing
// ---------------------------------------------------------------------------------------------

/** A parse failure with the field at fault. */
export type PanelParsed<T> = { ok: true; value: T } | { ok: false; error: string; path: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(path: string, error: string): { ok: false; error: string; path: string } {
  return { ok: false, error: path ? `${path}: ${error}` : error, path };
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;

function extraKey(value: Record<string, unknown>, allowed: readonly string[]): string | undefined {
  return Object.keys(value).find((k) => !allowed.includes(k));
}

/** A required string: non-empty, at most `max` characters, one line. */
function line(value: unknown, max: number, path: string, options: { optional?: boolean; empty?: boolean } = {}): PanelParsed<string | undefined> {
  if (value === undefined && options.optional) return { ok: true, value: undefined };
  if (typeof value !== 'string') return fail(path, 'expected a string');
  if (value.length > max) return fail(path, `is longer than ${max} characters`);
  if (!options.empty && value.trim() === '') return fail(path, 'must not be empty');
  if (CONTROL.test(value)) return fail(path, 'must be one line without control characters');
  return { ok: true, value };
}

const UI_LANG_VALUES: readonly string[] = ['auto', 'en', 'ja'];
const RULE_LEVELS: readonly string[] = ['info', 'warn', 'block'];
const PATCH_KEYS = ['market', 'uiLang', 'agentName', 'rules', 'phrases', 'sendGuardOff', 'enabled', 'sites'] as const;

function parseRuleOverride(value: unknown, path: string): PanelParsed<RuleOverride | null> {
  if (value === null) return { ok: true, value: null };
  if (!isRecord(value)) return fail(path, 'expected { enabled?, level? } or null');
  const extra = extraKey(value, ['enabled', 'level']);
  if (extra !== undefined) return fail(`${path}.${extra}`, 'unexpected field');
  const o: RuleOverride = {};
  if (value.enabled !== undefined) {
    if (typeof value.enabled !== 'boolean') return fail(`${path}.enabled`, 'expected true or false');
    o.enabled = value.enabled;
  }
  if (value.level !== undefined) {
    if (typeof value.level !== 'string' || !RULE_LEVELS.includes(value.level)) return fail(`${path}.level`, 'expected "info", "warn" or "block"');
    o.level = value.level as RuleOverride['level'];
  }
  return { ok: true, value: o };
}

function parsePhrase(value: unknown, path: string): PanelParsed<PersonalPhrase> {
  if (!isRecord(value)) return fail(path, 'expected { phrase, replacement?, lang? }');
  const extra = extraKey(value, ['phrase', 'replacement', 'lang']);
  if (extra !== undefined) return fail(`${path}.${extra}`, 'unexpected field');
  const phrase = line(value.phrase, PANEL_LIMITS.phraseLength, `${path}.phrase`);
  if (!phrase.ok) return phrase;
  const replacement = line(value.replacement, PANEL_LIMITS.phraseLength, `${path}.replacement`, { optional: true, empty: true });
  if (!replacement.ok) return replacement;
  const p: PersonalPhrase = { phrase: phrase.value as string };
  if (replacement.value !== undefined) p.replacement = replacement.value;
  if (value.lang !== undefined) {
    if (value.lang !== 'ja' && value.lang !== 'en') return fail(`${path}.lang`, 'expected "ja" or "en"');
    p.lang = value.lang;
  }
  return { ok: true, value: p };
}

function parseKeyed<T>(value: unknown, path: string, each: (v: unknown, p: string) => PanelParsed<T>): PanelParsed<Record<string, T>> {
  if (!isRecord(value)) return fail(path, 'expected an object');
  const entries = Object.entries(value);
  if (entries.length > PANEL_LIMITS.patchEntries) return fail(path, `has ${entries.length} entries; the limit is ${PANEL_LIMITS.patchEntries}`);
  const out: Record<string, T> = {};
  for (const [key, v] of entries) {
    const p = `${path}.${key}`;
    if (key === '' || key.length > PANEL_LIMITS.key || CONTROL.test(key) || key === '__proto__') return fail(p, 'is not a valid key');
    const parsed = each(v, p);
    if (!parsed.ok) return parsed;
    out[key] = parsed.value;
  }
  return { ok: true, value: out };
}

/** Checks a settings patch's shape (the background then runs `sanitizeAgentSettings` on the result). */
export function parseSettingsPatch(value: unknown, path = 'patch'): PanelParsed<AgentSettingsPatch> {
  if (!isRecord(value)) return fail(path, 'expected an object');
  const extra = extraKey(value, PATCH_KEYS);
  if (extra !== undefined) return fail(`${path}.${extra}`, 'unexpected field');
  if (Object.keys(value).length === 0) return fail(path, 'changes nothing');
  const patch: AgentSettingsPatch = {};
  if (value.market !== undefined) {
    if (value.market === null) patch.market = null;
    else {
      if (typeof value.market !== 'string' || value.market.length > PANEL_LIMITS.market || !/^[a-z0-9][a-z0-9._-]*$/.test(value.market))
        return fail(`${path}.market`, 'expected "auto", a market id or null');
      patch.market = value.market;
    }
  }
  if (value.uiLang !== undefined) {
    if (typeof value.uiLang !== 'string' || !UI_LANG_VALUES.includes(value.uiLang)) return fail(`${path}.uiLang`, 'expected "auto", "en" or "ja"');
    patch.uiLang = value.uiLang as UiLang;
  }
  if (value.agentName !== undefined) {
    const name = line(value.agentName, PANEL_LIMITS.agentName, `${path}.agentName`, { empty: true });
    if (!name.ok) return name;
    patch.agentName = name.value as string;
  }
  for (const key of ['sendGuardOff', 'enabled'] as const) {
    if (value[key] === undefined) continue;
    if (typeof value[key] !== 'boolean') return fail(`${path}.${key}`, 'expected true or false');
    patch[key] = value[key];
  }
  if (value.rules !== undefined) {
    const rules = parseKeyed(value.rules, `${path}.rules`, parseRuleOverride);
    if (!rules.ok) return rules;
    patch.rules = rules.value;
  }
  if (value.sites !== undefined) {
    const sites = parseKeyed<boolean | null>(value.sites, `${path}.sites`, (v, p) =>
      v === null || typeof v === 'boolean' ? { ok: true, value: v } : fail(p, 'expected true, false or null'),
    );
    if (!sites.ok) return sites;
    patch.sites = sites.value;
  }
  if (value.phrases !== undefined) {
    const list = value.phrases;
    if (!Array.isArray(list)) return fail(`${path}.phrases`, 'expected a list');
    if (list.length > PANEL_LIMITS.phrases) return fail(`${path}.phrases`, `has ${list.length} entries; the limit is ${PANEL_LIMITS.phrases}`);
    const phrases: PersonalPhrase[] = [];
    for (let i = 0; i < list.length; i++) {
      const p = parsePhrase(list[i], `${path}.phrases[${i}]`);
      if (!p.ok) return p;
      phrases.push(p.value);
    }
    patch.phrases = phrases;
  }
  return { ok: true, value: patch };
}

function parseUrl(value: unknown, path: string): PanelParsed<string> {
  const url = line(value, PANEL_LIMITS.url, path);
  if (!url.ok) return url;
  let parsed: URL;
  try {
    parsed = new URL(url.value as string);
  } catch {
    return fail(path, 'is not a URL');
  }
  if (parsed.protocol !== 'https:') return fail(path, `only https:// pack URLs are allowed (got ${parsed.protocol}//)`);
  return { ok: true, value: url.value as string };
}

/**
 * Checks a panel message: type on the allowlist, no unknown fields, every field's type and size.
 * Errors name the field (`path`) so the page can point at it.
 */
export function parsePanelRequest(message: unknown): PanelParsed<PanelRequest> {
  if (!isRecord(message)) return fail('', 'message must be an object');
  const type = message.type;
  if (typeof type !== 'string' || !(PANEL_MESSAGE_TYPES as readonly string[]).includes(type))
    return fail('type', `unknown panel message type ${JSON.stringify(String(type)).slice(0, 80)}`);
  const only = (allowed: readonly string[]) => {
    const extra = extraKey(message, ['type', ...allowed]);
    return extra === undefined ? undefined : fail(extra, 'unexpected field');
  };
  switch (type as PanelMessageType) {
    case 'tonebridge/panel/state': {
      const bad = only(['tabId']);
      if (bad) return bad;
      if (message.tabId === undefined) return { ok: true, value: { type: 'tonebridge/panel/state' } };
      if (!Number.isSafeInteger(message.tabId) || (message.tabId as number) < 0) return fail('tabId', 'expected a tab id (a non-negative integer)');
      return { ok: true, value: { type: 'tonebridge/panel/state', tabId: message.tabId as number } };
    }
    case 'tonebridge/panel/settings': {
      const bad = only(['patch']);
      if (bad) return bad;
      const patch = parseSettingsPatch(message.patch);
      if (!patch.ok) return patch;
      return { ok: true, value: { type: 'tonebridge/panel/settings', patch: patch.value } };
    }
    case 'tonebridge/panel/import': {
      const bad = only(['text', 'fileName']);
      if (bad) return bad;
      if (typeof message.text !== 'string') return fail('text', 'expected the file text as a string');
      if (message.text.length > PANEL_LIMITS.importText) return fail('text', `is longer than ${PANEL_LIMITS.importText} characters`);
      const fileName = line(message.fileName, PANEL_LIMITS.fileName, 'fileName', { optional: true });
      if (!fileName.ok) return fileName;
      const value: PanelImportRequest = { type: 'tonebridge/panel/import', text: message.text };
      if (fileName.value !== undefined) value.fileName = fileName.value;
      return { ok: true, value };
    }
    case 'tonebridge/panel/remove-import': {
      const bad = only(['packId']);
      if (bad) return bad;
      const packId = line(message.packId, PANEL_LIMITS.packId, 'packId');
      if (!packId.ok) return packId;
      return { ok: true, value: { type: 'tonebridge/panel/remove-import', packId: packId.value as string } };
    }
    case 'tonebridge/panel/subscribe': {
      const bad = only(['url', 'publicKey']);
      if (bad) return bad;
      const url = parseUrl(message.url, 'url');
      if (!url.ok) return url;
      const key = line(message.publicKey, PANEL_LIMITS.publicKey, 'publicKey');
      if (!key.ok) return key;
      return { ok: true, value: { type: 'tonebridge/panel/subscribe', url: url.value, publicKey: (key.value as string).trim() } };
    }
    case 'tonebridge/panel/unsubscribe': {
      const bad = only(['url']);
      if (bad) return bad;
      // No https check: an unsubscribe must work for whatever is stored.
      const url = line(message.url, PANEL_LIMITS.url, 'url');
      if (!url.ok) return url;
      return { ok: true, value: { type: 'tonebridge/panel/unsubscribe', url: url.value as string } };
    }
    case 'tonebridge/panel/refresh': {
      const bad = only(['url']);
      if (bad) return bad;
      if (message.url === undefined) return { ok: true, value: { type: 'tonebridge/panel/refresh' } };
      const url = line(message.url, PANEL_LIMITS.url, 'url');
      if (!url.ok) return url;
      return { ok: true, value: { type: 'tonebridge/panel/refresh', url: url.value as string } };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Answer parsing (the page side): the background is this extension, but it may be an older
// version after an update, or have failed — check the envelope before the UI trusts it.
// ---------------------------------------------------------------------------------------------

const FAILURE_CODES: readonly string[] = ['invalid', 'forbidden', 'failed', 'locked'];

function isState(value: unknown): value is PanelState {
  return (
    isRecord(value) &&
    isRecord(value.effective) &&
    typeof value.effective.market === 'string' &&
    isRecord(value.agent) &&
    Array.isArray(value.packs) &&
    Array.isArray(value.markets) &&
    isRecord(value.sendGuard) &&
    isRecord(value.langs) &&
    (value.uiLang === 'en' || value.uiLang === 'ja') &&
    Array.isArray(value.subscriptions) &&
    Array.isArray(value.managedIssues)
  );
}

/** Checks an answer's envelope for a request type: a failure, or `ok: true` with the fields that type carries. */
export function parsePanelAnswer<T extends PanelMessageType>(type: T, value: unknown): Parsed<PanelResponseOf[T]> {
  if (!isRecord(value) || typeof value.ok !== 'boolean') return { ok: false, error: 'answer is not an object' };
  if (!value.ok) {
    if (typeof value.code !== 'string' || !FAILURE_CODES.includes(value.code) || typeof value.error !== 'string')
      return { ok: false, error: 'malformed failure' };
    const f: PanelFailure = { ok: false, code: value.code as PanelFailureCode, error: value.error };
    if (typeof value.path === 'string') f.path = value.path;
    if (isRecord(value.lock)) f.lock = value.lock as unknown as LockInfo;
    return { ok: true, value: f as PanelResponseOf[T] };
  }
  if (!isState(value.state)) return { ok: false, error: 'answer has no valid state' };
  if (type === 'tonebridge/panel/import' && (!isRecord(value.result) || typeof value.result.accepted !== 'boolean'))
    return { ok: false, error: 'import answer has no result' };
  if ((type === 'tonebridge/panel/subscribe' || type === 'tonebridge/panel/refresh') && !Array.isArray(value.results))
    return { ok: false, error: 'answer has no results' };
  return { ok: true, value: value as unknown as PanelResponseOf[T] };
}
