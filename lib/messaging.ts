/**
 * The one protocol between Tonebridge's contexts: content scripts (Gmail, Zendesk), extension pages
 * (popup, options) and the background coach. Types, validation and a retrying client live here.
 *
 * Every message that crosses a context boundary is checked on arrival: its `type` is on an allowlist,
 * its shape and sizes are checked field by field, and its sender must be this extension (`sender.id`)
 * running on a supported host (mail.google.com, *.zendesk.com) or on one of the extension's own pages.
 * Anything else is answered with `{ ok: false, code: 'invalid' | 'forbidden' }` and never used.
 *
 * This module is imported by the content scripts: it must stay free of engine code (types only).
 */
import { FINDING_KINDS, LEVELS, type Edit, type FindingKind, type Lang, type Level, type Report, type UiLang } from './engine/types';
import type { SendGuard } from './policy/types';

// ---------------------------------------------------------------------------------------------
// Settings shared by the contexts (storage.sync). The popup and options page write them; the
// background reads them for every analysis; content scripts watch them to re-analyse at once.
// ---------------------------------------------------------------------------------------------

export const SETTINGS_AREA = 'sync' as const;

export const SETTINGS_KEYS = {
  /** Target market: `auto` (from the recipient, the ticket or the language) or a market id. */
  market: 'market',
  /** UI language for messages: `auto` (the browser's), `en` or `ja`. */
  uiLang: 'uiLang',
  /** Coach Zendesk internal notes too (off by default: notes are for colleagues, not customers). */
  coachInternalNotes: 'coachInternalNotes',
} as const;

/**
 * The agent's settings in storage.sync, one key per field of AgentSettings (lib/policy/agent-settings.ts).
 * Only the background writes them, after validation (lib/coach/policy.ts); `market` and `uiLang` are the
 * same keys as above.
 */
export const AGENT_SETTINGS_KEYS = ['market', 'uiLang', 'agentName', 'rules', 'phrases', 'sendGuardOff', 'enabled', 'sites'] as const;

/** storage.local: changes whenever the effective policy does (packs, locks, agent settings). */
export const POLICY_REVISION_KEY = 'tonebridge.policyRevision';

export type MarketSetting = 'auto' | string;
export type UiLangSetting = 'auto' | UiLang;

// ---------------------------------------------------------------------------------------------
// Hosts
// ---------------------------------------------------------------------------------------------

export type HostId = 'gmail' | 'zendesk';

/** Which supported host an origin belongs to, if any. Only https, only these exact host shapes. */
export function hostOfOrigin(origin: string): HostId | undefined {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') return undefined;
  if (url.hostname === 'mail.google.com') return 'gmail';
  // One DNS label before zendesk.com: acme.zendesk.com, not evil.com.zendesk.com.evil or zendesk.com itself.
  if (/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.zendesk\.com$/.test(url.hostname)) return 'zendesk';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

export const MESSAGE_TYPES = ['tonebridge/analyze', 'tonebridge/warm', 'tonebridge/status'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Limits on what a content script may send (a reply longer than this is not a support reply). */
export const LIMITS = {
  text: 20_000,
  customerMessage: 8_000,
  name: 200,
  recipients: 50,
  address: 320,
  marketId: 64,
} as const;

/** What the page tells the coach besides the draft. */
export interface DraftContext {
  /** The customer's last message in the thread (Gmail) or last public comment (Zendesk). */
  customerMessage?: string;
  /** The customer's name as the host shows it. */
  customerName?: string;
  /** Recipient addresses (a `.jp` domain suggests the Japanese market when the setting is Auto). */
  recipients?: string[];
}

export interface AnalyzeRequest {
  type: 'tonebridge/analyze';
  /** The draft, as the compose session reads it (offsets in the answer index into this text). */
  text: string;
  context: DraftContext;
  /** Overrides the stored market setting (e.g. a test or the demo); absent = use the setting. */
  market?: MarketSetting;
}

export interface WarmRequest {
  type: 'tonebridge/warm';
  /** Languages to load now; absent = Japanese (the one with a large dictionary). */
  langs?: Lang[];
}

export interface StatusRequest {
  type: 'tonebridge/status';
}

export type Request = AnalyzeRequest | WarmRequest | StatusRequest;

/** A finding's texts rendered in the UI language, index-aligned with `report.findings`. */
export interface RenderedFinding {
  message: string;
  reason: string;
  /** One label per fix, index-aligned with the finding's `fixes`. */
  fixes: string[];
}

export type MarketSource = 'setting' | 'request' | 'recipient' | 'language' | 'default' | 'locked';

export interface MarketChoice {
  id: string;
  /** The market's name in the UI language. */
  name: string;
  source: MarketSource;
}

export interface AnalyzeReady {
  ok: true;
  state: 'ready';
  market: MarketChoice;
  uiLang: UiLang;
  report: Report;
  rendered: RenderedFinding[];
  /** The pre-send check's mode from the active policy, and the pack that set it (absent: off). */
  guard?: GuardInfo;
}

/** What the pre-send check does (lib/guard) and who set it. */
export interface GuardInfo {
  mode: SendGuard;
  setBy?: { packId: string; packName?: string; source: string };
}

const SEND_GUARDS: readonly SendGuard[] = ['off', 'warn', 'block'];

/** Checks the `guard` field of an answer; anything malformed means no guard (the send is never stopped by a bad answer). */
export function parseGuardInfo(value: unknown): GuardInfo | undefined {
  if (!isRecord(value) || !SEND_GUARDS.includes(value.mode as SendGuard)) return undefined;
  const info: GuardInfo = { mode: value.mode as SendGuard };
  const by = value.setBy;
  if (isRecord(by) && typeof by.packId === 'string' && typeof by.source === 'string') {
    info.setBy = { packId: by.packId.slice(0, 200), source: by.source.slice(0, 40) };
    if (typeof by.packName === 'string') info.setBy.packName = by.packName.slice(0, 200);
  }
  return info;
}

/** A language the text needs is still loading; ask again after `tonebridge/warm` answers. */
export interface AnalyzeLoading {
  ok: true;
  state: 'loading';
  langs: Lang[];
  market: MarketChoice;
  uiLang: UiLang;
}

/** The agent turned Tonebridge off (everywhere or on this site): no findings, no badge. */
export interface AnalyzeDisabled {
  ok: true;
  state: 'disabled';
  market: MarketChoice;
  uiLang: UiLang;
}

export interface Failure {
  ok: false;
  code: 'invalid' | 'forbidden' | 'failed';
  error: string;
}

export type AnalyzeResponse = AnalyzeReady | AnalyzeLoading | AnalyzeDisabled | Failure;

export interface WarmResponse {
  ok: true;
  ready: Lang[];
}

export interface StatusResponse {
  ok: true;
  ready: Lang[];
  loading: Lang[];
  markets: { id: string; name: string }[];
  uiLang: UiLang;
}

export interface ResponseOf {
  'tonebridge/analyze': AnalyzeResponse;
  'tonebridge/warm': WarmResponse | Failure;
  'tonebridge/status': StatusResponse | Failure;
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const LANGS: readonly Lang[] = ['ja', 'en'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], where: string): string | undefined {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) return `${where}: unexpected field "${key}"`;
  return undefined;
}

function optionalString(value: unknown, max: number, where: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return `${where} must be a string`;
  if (value.length > max) return `${where} is longer than ${max} characters`;
  return undefined;
}

function parseContext(value: unknown): Parsed<DraftContext> {
  if (value === undefined) return { ok: true, value: {} };
  if (!isRecord(value)) return { ok: false, error: 'context must be an object' };
  const extra = onlyKeys(value, ['customerMessage', 'customerName', 'recipients'], 'context');
  if (extra) return { ok: false, error: extra };
  const bad =
    optionalString(value.customerMessage, LIMITS.customerMessage, 'context.customerMessage') ??
    optionalString(value.customerName, LIMITS.name, 'context.customerName');
  if (bad) return { ok: false, error: bad };
  const context: DraftContext = {};
  if (typeof value.customerMessage === 'string' && value.customerMessage.trim() !== '')
    context.customerMessage = value.customerMessage;
  if (typeof value.customerName === 'string' && value.customerName.trim() !== '')
    context.customerName = value.customerName;
  if (value.recipients !== undefined) {
    const r = value.recipients;
    if (!Array.isArray(r) || r.length > LIMITS.recipients)
      return { ok: false, error: `context.recipients must be an array of at most ${LIMITS.recipients}` };
    if (!r.every((a) => typeof a === 'string' && a.length <= LIMITS.address))
      return { ok: false, error: 'context.recipients must hold addresses' };
    context.recipients = r as string[];
  }
  return { ok: true, value: context };
}

function parseMarket(value: unknown): Parsed<MarketSetting | undefined> {
  if (value === undefined) return { ok: true, value: undefined };
  if (typeof value !== 'string' || !/^[a-z0-9][\w-]*$/i.test(value) || value.length > LIMITS.marketId)
    return { ok: false, error: 'market must be "auto" or a market id' };
  return { ok: true, value };
}

/** Checks a message's type against the allowlist and its shape field by field. */
export function parseRequest(message: unknown): Parsed<Request> {
  if (!isRecord(message)) return { ok: false, error: 'message must be an object' };
  const type = message.type;
  if (typeof type !== 'string' || !(MESSAGE_TYPES as readonly string[]).includes(type))
    return { ok: false, error: `unknown message type ${JSON.stringify(String(type)).slice(0, 80)}` };
  switch (type as MessageType) {
    case 'tonebridge/analyze': {
      const extra = onlyKeys(message, ['type', 'text', 'context', 'market'], 'analyze');
      if (extra) return { ok: false, error: extra };
      if (typeof message.text !== 'string') return { ok: false, error: 'text must be a string' };
      if (message.text.length > LIMITS.text) return { ok: false, error: `text is longer than ${LIMITS.text} characters` };
      const context = parseContext(message.context);
      if (!context.ok) return context;
      const market = parseMarket(message.market);
      if (!market.ok) return market;
      const value: AnalyzeRequest = { type: 'tonebridge/analyze', text: message.text, context: context.value };
      if (market.value !== undefined) value.market = market.value;
      return { ok: true, value };
    }
    case 'tonebridge/warm': {
      const extra = onlyKeys(message, ['type', 'langs'], 'warm');
      if (extra) return { ok: false, error: extra };
      if (message.langs === undefined) return { ok: true, value: { type: 'tonebridge/warm' } };
      const langs = message.langs;
      if (!Array.isArray(langs) || langs.length > LANGS.length || !langs.every((l) => LANGS.includes(l as Lang)))
        return { ok: false, error: 'langs must list "ja" and/or "en"' };
      return { ok: true, value: { type: 'tonebridge/warm', langs: [...new Set(langs as Lang[])] } };
    }
    case 'tonebridge/status': {
      const extra = onlyKeys(message, ['type'], 'status');
      if (extra) return { ok: false, error: extra };
      return { ok: true, value: { type: 'tonebridge/status' } };
    }
  }
}

/** The parts of `runtime.MessageSender` we check. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
}

/** An URL's origin; for extension schemes, which some URL parsers give `null`, scheme and host. */
export function originOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.origin !== 'null') return parsed.origin;
  if (/^(?:chrome|moz|safari-web)-extension:$/.test(parsed.protocol) && parsed.host) return `${parsed.protocol}//${parsed.host}`;
  return undefined;
}

export type SenderKind = { kind: 'host'; host: HostId } | { kind: 'extension' };

/**
 * Who may talk to the coach: this extension (`sender.id`), from a supported host's page (a content
 * script) or from one of the extension's own pages (popup, options). `extensionOrigin` is
 * `originOf(runtime.getURL('/'))`.
 */
export function checkSender(
  sender: SenderLike | undefined,
  extensionId: string,
  extensionOrigin: string,
): Parsed<SenderKind> {
  if (!sender || sender.id !== extensionId) return { ok: false, error: 'sender is not this extension' };
  let origin = sender.origin;
  if (origin === undefined || origin === 'null') {
    if (!sender.url) return { ok: false, error: 'sender has no origin' };
    origin = originOf(sender.url);
    if (!origin) return { ok: false, error: 'sender URL has no origin' };
  }
  if (origin === extensionOrigin) return { ok: true, value: { kind: 'extension' } };
  const host = hostOfOrigin(origin);
  if (!host) return { ok: false, error: `origin ${origin} is not a supported host` };
  // A content script's URL, when given, must agree with its origin.
  if (sender.url && originOf(sender.url) !== origin) return { ok: false, error: 'sender URL and origin disagree' };
  return { ok: true, value: { kind: 'host', host } };
}

// ---------------------------------------------------------------------------------------------
// Answers, checked on the content-script side too (the background may be an older version).
// ---------------------------------------------------------------------------------------------

/** A finding is never 'off' (off rules do not run). */
const FINDING_LEVELS: readonly Level[] = LEVELS.filter((l) => l !== 'off');

function isEdit(e: unknown, textLength: number): e is Edit {
  return (
    isRecord(e) &&
    Number.isInteger(e.start) &&
    Number.isInteger(e.end) &&
    typeof e.text === 'string' &&
    (e.start as number) >= 0 &&
    (e.start as number) <= (e.end as number) &&
    (e.end as number) <= textLength
  );
}

/**
 * Checks an analysis answer against the text it was asked about: spans and edits inside the text,
 * rendered texts aligned with the findings. A bad answer is treated as a failure, never drawn.
 */
export function parseAnalyzeResponse(value: unknown, textLength: number): Parsed<AnalyzeResponse> {
  if (!isRecord(value) || typeof value.ok !== 'boolean') return { ok: false, error: 'answer is not an object' };
  if (!value.ok) {
    const code = value.code;
    if ((code === 'invalid' || code === 'forbidden' || code === 'failed') && typeof value.error === 'string')
      return { ok: true, value: { ok: false, code, error: value.error } };
    return { ok: false, error: 'malformed failure' };
  }
  const market = value.market;
  if (!isRecord(market) || typeof market.id !== 'string' || typeof market.name !== 'string')
    return { ok: false, error: 'malformed market' };
  const uiLang = value.uiLang === 'ja' ? 'ja' : 'en';
  const choice: MarketChoice = { id: market.id, name: market.name, source: market.source as MarketSource };
  if (value.state === 'loading') {
    const langs = Array.isArray(value.langs) ? (value.langs as unknown[]).filter((l): l is Lang => LANGS.includes(l as Lang)) : [];
    return { ok: true, value: { ok: true, state: 'loading', langs, market: choice, uiLang } };
  }
  if (value.state === 'disabled') return { ok: true, value: { ok: true, state: 'disabled', market: choice, uiLang } };
  if (value.state !== 'ready') return { ok: false, error: 'unknown state' };
  const report = value.report;
  const rendered = value.rendered;
  if (!isRecord(report) || !Array.isArray(report.findings) || !Array.isArray(rendered) || !isRecord(report.coverage))
    return { ok: false, error: 'malformed report' };
  if (rendered.length !== report.findings.length) return { ok: false, error: 'rendered texts do not match findings' };
  for (let i = 0; i < report.findings.length; i++) {
    const f: unknown = report.findings[i];
    const r: unknown = rendered[i];
    if (
      !isRecord(f) ||
      !Number.isInteger(f.start) ||
      !Number.isInteger(f.end) ||
      (f.start as number) < 0 ||
      (f.start as number) > (f.end as number) ||
      (f.end as number) > textLength ||
      typeof f.ruleId !== 'string' ||
      !FINDING_KINDS.includes(f.kind as FindingKind) ||
      !FINDING_LEVELS.includes(f.level as Level) ||
      !Array.isArray(f.fixes) ||
      !(f.fixes as unknown[]).every((fix) => isRecord(fix) && Array.isArray(fix.edits) && fix.edits.every((e) => isEdit(e, textLength)))
    )
      return { ok: false, error: `malformed finding ${i}` };
    if (
      !isRecord(r) ||
      typeof r.message !== 'string' ||
      typeof r.reason !== 'string' ||
      !Array.isArray(r.fixes) ||
      r.fixes.length !== (f.fixes as unknown[]).length ||
      !r.fixes.every((l) => typeof l === 'string')
    )
      return { ok: false, error: `malformed rendered text ${i}` };
  }
  return {
    ok: true,
    value: {
      ok: true,
      state: 'ready',
      market: choice,
      uiLang,
      report: report as unknown as Report,
      rendered: rendered as RenderedFinding[],
      ...guardOf(value.guard),
    },
  };
}

function guardOf(value: unknown): { guard?: GuardInfo } {
  const guard = parseGuardInfo(value);
  return guard ? { guard } : {};
}

// ---------------------------------------------------------------------------------------------
// Client: send with retry. A stopped service worker wakes on the next message; while it starts (or
// when it was stopped mid-answer) `sendMessage` rejects — try again with back-off, quietly.
// ---------------------------------------------------------------------------------------------

/** The extension was reloaded or updated: this content script is orphaned and must go quietly. */
export class ContextInvalidatedError extends Error {
  constructor(cause?: unknown) {
    super('extension context invalidated');
    this.name = 'ContextInvalidatedError';
    this.cause = cause;
  }
}

/** Errors that mean "the background is (re)starting": worth another try. */
export function isTransientError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /receiving end does not exist|could not establish connection|message port closed|message channel closed|no response/i.test(
    message,
  );
}

export function isInvalidatedError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /extension context invalidated|extension was reloaded|runtime\.id/i.test(message);
}

export interface RetryOptions {
  /** Attempts after the first. */
  retries?: number;
  /** First back-off delay in ms; doubles each time. */
  delayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Whether the extension is still there (`browser.runtime?.id`). */
  alive?: () => boolean;
  /**
   * Longest wait for one answer, in ms (default 15 s). A message sent while the extension reloads can
   * stay unanswered for ever; after the timeout the attempt counts as failed (and retried if alive).
   */
  timeoutMs?: number;
}

class TimeoutError extends Error {
  constructor(ms: number) {
    super(`no response from the background within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutError(ms)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends through `send` (e.g. `browser.runtime.sendMessage`), retrying transient failures and an
 * empty answer (the worker answered before its listener was attached). Throws ContextInvalidatedError
 * when the extension is gone, or the last error after the retries.
 */
export async function sendWithRetry<T, M = Request>(
  send: (message: M) => Promise<unknown>,
  message: M,
  options: RetryOptions = {},
): Promise<T> {
  const retries = options.retries ?? 5;
  const sleep = options.sleep ?? defaultSleep;
  let delay = options.delayMs ?? 100;
  let lastError: unknown;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (options.alive && !options.alive()) throw new ContextInvalidatedError();
    try {
      const answer = await withTimeout(send(message), options.timeoutMs ?? 15_000);
      if (answer !== undefined) return answer as T;
      lastError = new Error('no response from the background');
    } catch (error) {
      if (isInvalidatedError(error) || (options.alive && !options.alive())) throw new ContextInvalidatedError(error);
      if (!isTransientError(error) && !(error instanceof TimeoutError)) throw error;
      lastError = error;
    }
    if (attempt < retries) {
      await sleep(delay);
      delay *= 2;
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
