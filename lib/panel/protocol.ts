/**
 * What the extension's own pages (popup, options) ask the background, and what it answers. Only
 * extension pages may send these (the coach checks the sender's origin); content scripts use
 * lib/messaging.ts. Requests are parsed field by field on arrival like every other message.
 *
 * The pages never write settings or packs themselves: they send a patch or a pack text, the
 * background validates it (sanitizeAgentSettings, the pack validator, locks) and answers with the
 * new state or the reason it refused — so a locked or malformed value changes nothing.
 */
import type { FindingKind, Scores, UiLang } from '../engine/types';
import type { Parsed } from '../messaging';
import type { AgentSettings, EffectiveSettingsView, LockInfo } from '../policy/agent-settings';
import type { PackIssue, PackStatus } from '../policy/sources/types';
import type { PackSource, PhraseRule, SendGuard } from '../policy/types';

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

export const PANEL_LIMITS = {
  /** A pack file larger than this is refused before parsing (the validator has its own, lower limit). */
  packText: 512 * 1024,
  fileName: 255,
  url: 2048,
  publicKey: 200,
  packId: 200,
  patchKeys: 20,
} as const;

/** Everything the popup and options page show. `tabId`: the tab whose compose box status to include. */
export interface StateRequest {
  type: 'tonebridge/panel/state';
  tabId?: number;
}

/** Changes some of the agent's settings (a partial AgentSettings); answered with the new state. */
export interface SettingsRequest {
  type: 'tonebridge/panel/settings';
  patch: Partial<Record<keyof AgentSettings, unknown>>;
  tabId?: number;
}

export interface ImportRequest {
  type: 'tonebridge/panel/import';
  fileName: string;
  text: string;
}

export interface RemoveImportRequest {
  type: 'tonebridge/panel/remove-import';
  packId: string;
}

export interface SubscribeRequest {
  type: 'tonebridge/panel/subscribe';
  url: string;
  publicKey: string;
}

export interface UnsubscribeRequest {
  type: 'tonebridge/panel/unsubscribe';
  url: string;
}

export interface RefreshRequest {
  type: 'tonebridge/panel/refresh';
}

export type PanelRequest =
  | StateRequest
  | SettingsRequest
  | ImportRequest
  | RemoveImportRequest
  | SubscribeRequest
  | UnsubscribeRequest
  | RefreshRequest;

/** The last analysis of a compose box in a tab (what the popup's status line shows). */
export interface BoxStatus {
  host: string;
  market: { id: string; name: string };
  findings: number;
  byKind: Partial<Record<FindingKind, number>>;
  scores: Scores;
  at: number;
}

/** A pack as the pages show it: its status plus what it sets (all of it untrusted text, rendered as text). */
export interface PanelPack extends PackStatus {
  description?: string;
  owner?: string;
  link?: string;
  fileName?: string;
  markets: { id: string; name: { en: string; ja: string } }[];
  rules: { ruleId: string; level: string }[];
  phrases: Pick<PhraseRule, 'id' | 'type' | 'phrases' | 'replacement' | 'max' | 'level' | 'message' | 'examples'>[];
  locked: string[];
  sendGuard?: SendGuard;
  defaultMarket?: string;
}

export interface RuleInfo {
  id: string;
  kind: FindingKind;
  description: { en: string; ja: string };
}

export interface PanelState {
  ok: true;
  /** The pages' language: the agent's setting, or the browser's for `auto`. */
  uiLang: UiLang;
  /** The agent's stored settings (what the controls edit). */
  agent: AgentSettings;
  /** What applies after packs and locks. */
  effective: EffectiveSettingsView;
  sendGuard: { value: SendGuard; setBy?: { packId: string; packName: string; source: PackSource } };
  packs: PanelPack[];
  subscriptions: { url: string; publicKey: string }[];
  /** Every built-in rule with its description (the options page's rule table). */
  ruleInfo: RuleInfo[];
  /** The tab's compose box status, when the request named a tab with a coached box. */
  box?: BoxStatus;
}

export interface PanelRefusal {
  ok: false;
  code: 'invalid' | 'forbidden' | 'failed' | 'locked' | 'rejected';
  error: string;
  /** Problems by field path (a rejected pack's validation errors, an invalid setting). */
  issues?: PackIssue[];
  lock?: LockInfo;
}

export type PanelAnswer = PanelState | PanelRefusal;

// ── parsing ─────────────────────────────────────────────────────────────────────────────────────

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(value: Record<string, unknown>, key: string, max: number): Parsed<string> {
  const v = value[key];
  if (typeof v !== 'string') return { ok: false, error: `${key} must be a string` };
  if (v.length > max) return { ok: false, error: `${key} is longer than ${max} characters` };
  return { ok: true, value: v };
}

function tabIdField(value: Record<string, unknown>): Parsed<number | undefined> {
  if (value.tabId === undefined) return { ok: true, value: undefined };
  if (!Number.isInteger(value.tabId) || (value.tabId as number) < 0) return { ok: false, error: 'tabId must be a non-negative integer' };
  return { ok: true, value: value.tabId as number };
}

const EXPECTED: Record<PanelMessageType, readonly string[]> = {
  'tonebridge/panel/state': ['type', 'tabId'],
  'tonebridge/panel/settings': ['type', 'patch', 'tabId'],
  'tonebridge/panel/import': ['type', 'fileName', 'text'],
  'tonebridge/panel/remove-import': ['type', 'packId'],
  'tonebridge/panel/subscribe': ['type', 'url', 'publicKey'],
  'tonebridge/panel/unsubscribe': ['type', 'url'],
  'tonebridge/panel/refresh': ['type'],
};

const AGENT_KEYS: readonly (keyof AgentSettings)[] = ['market', 'uiLang', 'agentName', 'rules', 'phrases', 'sendGuardOff', 'enabled', 'sites'];

export function isPanelMessage(message: unknown): boolean {
  return isRecord(message) && typeof message.type === 'string' && message.type.startsWith('tonebridge/panel/');
}

/** Checks a page's request: known type, only known fields, right types and sizes. */
export function parsePanelRequest(message: unknown): Parsed<PanelRequest> {
  if (!isRecord(message)) return { ok: false, error: 'message must be an object' };
  const type = message.type as PanelMessageType;
  if (!PANEL_MESSAGE_TYPES.includes(type)) return { ok: false, error: `unknown message type ${JSON.stringify(message.type)}` };
  for (const key of Object.keys(message))
    if (!EXPECTED[type].includes(key)) return { ok: false, error: `${type}: unexpected field "${key}"` };
  switch (type) {
    case 'tonebridge/panel/state':
    case 'tonebridge/panel/settings': {
      const tab = tabIdField(message);
      if (!tab.ok) return tab;
      const tabPart = tab.value === undefined ? {} : { tabId: tab.value };
      if (type === 'tonebridge/panel/state') return { ok: true, value: { type, ...tabPart } };
      const patch = message.patch;
      if (!isRecord(patch)) return { ok: false, error: 'patch must be an object' };
      const keys = Object.keys(patch);
      if (keys.length === 0) return { ok: false, error: 'patch is empty' };
      for (const key of keys)
        if (!AGENT_KEYS.includes(key as keyof AgentSettings)) return { ok: false, error: `patch: unknown setting "${key}"` };
      // The values themselves are checked by sanitizeAgentSettings in the background.
      return { ok: true, value: { type, patch, ...tabPart } };
    }
    case 'tonebridge/panel/import': {
      const fileName = stringField(message, 'fileName', PANEL_LIMITS.fileName);
      if (!fileName.ok) return fileName;
      const text = stringField(message, 'text', PANEL_LIMITS.packText);
      if (!text.ok) return text;
      return { ok: true, value: { type, fileName: fileName.value, text: text.value } };
    }
    case 'tonebridge/panel/remove-import': {
      const packId = stringField(message, 'packId', PANEL_LIMITS.packId);
      if (!packId.ok) return packId;
      return { ok: true, value: { type, packId: packId.value } };
    }
    case 'tonebridge/panel/subscribe': {
      const url = stringField(message, 'url', PANEL_LIMITS.url);
      if (!url.ok) return url;
      const publicKey = stringField(message, 'publicKey', PANEL_LIMITS.publicKey);
      if (!publicKey.ok) return publicKey;
      return { ok: true, value: { type, url: url.value, publicKey: publicKey.value } };
    }
    case 'tonebridge/panel/unsubscribe': {
      const url = stringField(message, 'url', PANEL_LIMITS.url);
      if (!url.ok) return url;
      return { ok: true, value: { type, url: url.value } };
    }
    case 'tonebridge/panel/refresh':
      return { ok: true, value: { type } };
  }
}

/** Checks the background's answer on the page's side (the background may be another version). */
export function parsePanelAnswer(value: unknown): Parsed<PanelAnswer> {
  if (!isRecord(value)) return { ok: false, error: 'the background sent no answer' };
  if (value.ok === false) {
    if (typeof value.error !== 'string' || typeof value.code !== 'string') return { ok: false, error: 'malformed refusal' };
    return { ok: true, value: value as unknown as PanelRefusal };
  }
  if (
    value.ok !== true ||
    (value.uiLang !== 'en' && value.uiLang !== 'ja') ||
    !isRecord(value.agent) ||
    !isRecord(value.effective) ||
    !Array.isArray(value.packs) ||
    !isRecord(value.sendGuard) ||
    !Array.isArray(value.ruleInfo) ||
    !Array.isArray(value.subscriptions)
  )
    return { ok: false, error: 'malformed state' };
  return { ok: true, value: value as unknown as PanelState };
}
