/**
 * The messages between a content script (Gmail, Zendesk) and the background coach, as Valibot
 * schemas: the requests (`tonebridge/analyze`, `tonebridge/warm`, `tonebridge/status`) checked by the
 * background on arrival, and the analysis answer checked by the content script before anything is
 * drawn (the background may be an older version after an update). Types are inferred from the schemas
 * where the schema is the whole truth; the report's own types stay the engine's.
 *
 * Imported by the content scripts: no engine code here (types and constants from lib/engine/types).
 */
import * as v from 'valibot';
import { FINDING_KINDS, LEVELS, type Lang, type Level, type Report, type UiLang } from '../engine/types';
import type { SendGuard } from '../policy/types';
import { isRecord, parseWith, strict, type Parsed } from './parse';
import type { MarketSetting } from './settings';

export type { Parsed };

/** Limits on what a content script may send (a reply longer than this is not a support reply). */
export const LIMITS = {
  text: 20_000,
  customerMessage: 8_000,
  name: 200,
  recipients: 50,
  address: 320,
  marketId: 64,
} as const;

const LANGS = ['ja', 'en'] as const satisfies readonly Lang[];

const optionalText = (max: number, where: string) =>
  v.optional(v.pipe(v.string(`${where} must be a string`), v.maxLength(max, `${where} is longer than ${max} characters`)));

/** What the page tells the coach besides the draft; blank fields are dropped. */
export const DraftContextSchema = v.pipe(
  v.optional(
    strict(
      {
        /** The customer's last message in the thread (Gmail) or last public comment (Zendesk). */
        customerMessage: optionalText(LIMITS.customerMessage, 'context.customerMessage'),
        /** The customer's name as the host shows it. */
        customerName: optionalText(LIMITS.name, 'context.customerName'),
        /** Recipient addresses (a `.jp` domain suggests the Japanese market when the setting is Auto). */
        recipients: v.optional(
          v.pipe(
            v.array(v.pipe(v.string(), v.maxLength(LIMITS.address)), 'context.recipients must hold addresses'),
            v.maxLength(LIMITS.recipients, `context.recipients must be an array of at most ${LIMITS.recipients}`),
          ),
        ),
      },
      'context must be an object',
    ),
    {},
  ),
  v.transform((c) => {
    const context: { customerMessage?: string; customerName?: string; recipients?: string[] } = {};
    if (c.customerMessage !== undefined && c.customerMessage.trim() !== '') context.customerMessage = c.customerMessage;
    if (c.customerName !== undefined && c.customerName.trim() !== '') context.customerName = c.customerName;
    if (c.recipients !== undefined) context.recipients = c.recipients;
    return context;
  }),
);
export type DraftContext = v.InferOutput<typeof DraftContextSchema>;

const MarketRequestSchema = v.pipe(
  v.string('market must be "auto" or a market id'),
  v.maxLength(LIMITS.marketId, 'market must be "auto" or a market id'),
  v.regex(/^[a-z0-9][\w-]*$/i, 'market must be "auto" or a market id'),
);

export const AnalyzeRequestSchema = strict({
  type: v.literal('tonebridge/analyze'),
  /** The draft, as the compose session reads it (offsets in the answer index into this text). */
  text: v.pipe(v.string('text must be a string'), v.maxLength(LIMITS.text, `text is longer than ${LIMITS.text} characters`)),
  context: DraftContextSchema,
  /** Overrides the stored market setting (e.g. a test or the demo); absent = use the setting. */
  market: v.optional(MarketRequestSchema),
});

export const WarmRequestSchema = strict({
  type: v.literal('tonebridge/warm'),
  /** Languages to load now; absent = Japanese (the one with a large dictionary). */
  langs: v.optional(
    v.pipe(
      v.array(v.picklist(LANGS), 'langs must list "ja" and/or "en"'),
      v.maxLength(LANGS.length, 'langs must list "ja" and/or "en"'),
      v.transform((langs) => [...new Set(langs)]),
    ),
  ),
});

export const StatusRequestSchema = strict({ type: v.literal('tonebridge/status') });

const REQUEST_SCHEMAS = {
  'tonebridge/analyze': AnalyzeRequestSchema,
  'tonebridge/warm': WarmRequestSchema,
  'tonebridge/status': StatusRequestSchema,
} as const;

/** The message types a content script may send: exactly those with a schema. */
export type MessageType = keyof typeof REQUEST_SCHEMAS;
export const MESSAGE_TYPES = Object.keys(REQUEST_SCHEMAS) as readonly MessageType[];

export type AnalyzeRequest = v.InferOutput<typeof AnalyzeRequestSchema> & { market?: MarketSetting };
export type WarmRequest = v.InferOutput<typeof WarmRequestSchema>;
export type StatusRequest = v.InferOutput<typeof StatusRequestSchema>;
export type Request = AnalyzeRequest | WarmRequest | StatusRequest;

/** Checks a message's type against the allowlist and its shape field by field. */
export function parseRequest(message: unknown): Parsed<Request> {
  if (!isRecord(message)) return { ok: false, error: 'message must be an object' };
  const type = message.type;
  if (typeof type !== 'string' || !(MESSAGE_TYPES as readonly string[]).includes(type))
    return { ok: false, error: `unknown message type ${JSON.stringify(String(type)).slice(0, 80)}` };
  const parsed = parseWith(REQUEST_SCHEMAS[type as MessageType], message);
  return parsed.ok ? parsed : { ok: false, error: parsed.error };
}

// ── answers ─────────────────────────────────────────────────────────────────────────────────────

export type MarketSource = 'setting' | 'request' | 'recipient' | 'language' | 'default' | 'locked';

export interface MarketChoice {
  id: string;
  /** The market's name in the UI language. */
  name: string;
  source: MarketSource;
}

/** A finding's texts rendered in the UI language, index-aligned with `report.findings`. */
export interface RenderedFinding {
  message: string;
  reason: string;
  /** One label per fix, index-aligned with the finding's `fixes`. */
  fixes: string[];
}

/** What the pre-send check does (lib/guard) and who set it. */
export interface GuardInfo {
  mode: SendGuard;
  setBy?: { packId: string; packName?: string; source: string };
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

export const FailureSchema = v.object({
  ok: v.literal(false),
  code: v.picklist(['invalid', 'forbidden', 'failed']),
  error: v.string(),
});
export type Failure = v.InferOutput<typeof FailureSchema>;

export type AnalyzeResponse = AnalyzeReady | AnalyzeLoading | AnalyzeDisabled | Failure;

export const WarmResponseSchema = v.object({ ok: v.literal(true), ready: v.array(v.picklist(LANGS)) });
export type WarmResponse = v.InferOutput<typeof WarmResponseSchema>;

/** Whether a warm-up answer says the languages loaded (anything else: they did not). */
export function isWarmResponse(value: unknown): value is WarmResponse {
  return v.is(WarmResponseSchema, value);
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

const cut = (max: number) => v.pipe(v.string(), v.transform((s) => s.slice(0, max)));

/** The `guard` field: anything malformed means no guard (the send is never stopped by a bad answer). */
const GuardInfoSchema = v.object({
  mode: v.picklist(['off', 'warn', 'block'] as const satisfies readonly SendGuard[]),
  // A malformed `setBy` is dropped, the mode kept.
  setBy: v.fallback(v.optional(v.object({ packId: cut(200), source: cut(40), packName: v.fallback(v.optional(cut(200)), undefined) })), undefined),
});

export function parseGuardInfo(value: unknown): GuardInfo | undefined {
  const r = v.safeParse(GuardInfoSchema, value);
  if (!r.success) return undefined;
  const info: GuardInfo = { mode: r.output.mode };
  const by = r.output.setBy;
  if (by) info.setBy = { packId: by.packId, source: by.source, ...(by.packName !== undefined ? { packName: by.packName } : {}) };
  return info;
}

/** A finding is never 'off' (off rules do not run). */
const FINDING_LEVELS = LEVELS.filter((l): l is Exclude<Level, 'off'> => l !== 'off');

/** The answer's shape, its spans and edits checked against the length of the text it was asked about. */
function answerSchema(textLength: number) {
  const offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(textLength));
  const span = <T extends { start: number; end: number }>(s: T) => s.start <= s.end;
  const edit = v.pipe(v.object({ start: offset, end: offset, text: v.string() }), v.check(span));
  const finding = v.pipe(
    v.looseObject({
      start: offset,
      end: offset,
      ruleId: v.string(),
      kind: v.picklist(FINDING_KINDS),
      level: v.picklist(FINDING_LEVELS),
      fixes: v.array(v.looseObject({ edits: v.array(edit) })),
    }),
    v.check(span),
  );
  const rendered = v.object({ message: v.string(), reason: v.string(), fixes: v.array(v.string()) });
  const market = v.looseObject({ id: v.string(), name: v.string(), source: v.unknown() });
  const uiLang = v.pipe(v.unknown(), v.transform((l): UiLang => (l === 'ja' ? 'ja' : 'en')));
  return v.variant('state', [
    v.looseObject({
      ok: v.literal(true),
      state: v.literal('ready'),
      market,
      uiLang,
      report: v.looseObject({ findings: v.array(finding, 'malformed report'), coverage: v.looseObject({}) }, 'malformed report'),
      rendered: v.array(rendered, 'malformed report'),
      guard: v.optional(v.unknown()),
    }),
    v.looseObject({
      ok: v.literal(true),
      state: v.literal('loading'),
      market,
      uiLang,
      langs: v.pipe(v.optional(v.unknown()), v.transform((l) => (Array.isArray(l) ? l.filter((x): x is Lang => (LANGS as readonly unknown[]).includes(x)) : []))),
    }),
    v.looseObject({ ok: v.literal(true), state: v.literal('disabled'), market, uiLang }),
  ]);
}

/**
 * Checks an analysis answer against the text it was asked about: spans and edits inside the text,
 * rendered texts aligned with the findings. A bad answer is treated as a failure, never drawn.
 *
 * Why not `@webext-core/messaging`: its typed `sendMessage` wraps each message in its own envelope
 * (changing the wire format the e2e tests and older content scripts speak), checks nothing on
 * arrival, and neither retries a sleeping service worker nor checks an answer against the request
 * (spans within this text) — the three things this layer exists for.
 */
export function parseAnalyzeResponse(value: unknown, textLength: number): Parsed<AnalyzeResponse> {
  if (!isRecord(value) || typeof value.ok !== 'boolean') return { ok: false, error: 'answer is not an object' };
  if (!value.ok) {
    const failure = v.safeParse(FailureSchema, value);
    return failure.success ? { ok: true, value: { ok: false, code: failure.output.code, error: failure.output.error } } : { ok: false, error: 'malformed failure' };
  }
  const market = value.market;
  if (!isRecord(market) || typeof market.id !== 'string' || typeof market.name !== 'string') return { ok: false, error: 'malformed market' };
  const parsed = parseWith(answerSchema(textLength), value);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const a = parsed.value;
  const choice: MarketChoice = { id: a.market.id, name: a.market.name, source: a.market.source as MarketSource };
  if (a.state === 'loading') return { ok: true, value: { ok: true, state: 'loading', langs: a.langs ?? [], market: choice, uiLang: a.uiLang } };
  if (a.state === 'disabled') return { ok: true, value: { ok: true, state: 'disabled', market: choice, uiLang: a.uiLang } };
  const findings = a.report.findings;
  if (a.rendered.length !== findings.length) return { ok: false, error: 'rendered texts do not match findings' };
  for (let i = 0; i < findings.length; i++)
    if (a.rendered[i]!.fixes.length !== findings[i]!.fixes.length) return { ok: false, error: `malformed rendered text ${i}` };
  const guard = parseGuardInfo(a.guard);
  return {
    ok: true,
    value: {
      ok: true,
      state: 'ready',
      market: choice,
      uiLang: a.uiLang,
      // The checked original (looseObject keeps every field): the report is the engine's type.
      report: value.report as unknown as Report,
      rendered: a.rendered,
      ...(guard ? { guard } : {}),
    },
  };
}
