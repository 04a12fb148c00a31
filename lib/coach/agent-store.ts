/**
 * Where the agent's settings live: storage.sync, so they follow the agent to every browser.
 *
 * Two keys keep their own place because content scripts, the coach and the e2e tests have read them
 * since the first release: `market` and `uiLang` (lib/messaging.ts SETTINGS_KEYS). Everything else
 * the options page sets (display name, rule overrides, personal phrases, send guard, on/off globally
 * and per site) is one object under `tonebridge.agent`. Reads merge the three and run them through
 * `sanitizeAgentSettings` (storage is written by other contexts, and by older versions); writes split
 * them the same way. A patch (lib/panel/protocol.ts) replaces top-level fields, merges `rules` and
 * `sites` per key, and `null` removes.
 */
import { SETTINGS_KEYS } from '../messaging';
import type { AgentSettingsPatch } from '../panel/protocol';
import { sanitizeAgentSettings, type AgentSettings } from '../policy/agent-settings';
import type { PackIssue } from '../policy/sources/types';

export const AGENT_SETTINGS_KEY = 'tonebridge.agent';

/** The storage.sync keys that hold agent settings (a change to any of them changes the effective settings). */
export const AGENT_STORAGE_KEYS: readonly string[] = [AGENT_SETTINGS_KEY, SETTINGS_KEYS.market, SETTINGS_KEYS.uiLang];

/** The part of a `browser.storage` area used. */
export interface SyncArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** Merges the stored keys into one candidate object (not yet validated). */
export function storedToCandidate(values: Record<string, unknown>): Record<string, unknown> {
  const blob = values[AGENT_SETTINGS_KEY];
  const base: Record<string, unknown> = blob !== null && typeof blob === 'object' && !Array.isArray(blob) ? { ...(blob as Record<string, unknown>) } : {};
  // The two legacy keys win over anything an older blob might hold.
  delete base.market;
  delete base.uiLang;
  if (values[SETTINGS_KEYS.market] !== undefined) base.market = values[SETTINGS_KEYS.market];
  if (values[SETTINGS_KEYS.uiLang] !== undefined) base.uiLang = values[SETTINGS_KEYS.uiLang];
  return base;
}

export async function readAgentSettings(area: SyncArea): Promise<{ settings: AgentSettings; issues: PackIssue[] }> {
  let values: Record<string, unknown> = {};
  try {
    values = await area.get([...AGENT_STORAGE_KEYS]);
  } catch {
    // No sync storage (e.g. disabled by policy): defaults.
  }
  return sanitizeAgentSettings(storedToCandidate(values));
}

/** The settings after a patch, before validation (`sanitizeAgentSettings` checks the result). */
export function applyPatch(current: AgentSettings, patch: AgentSettingsPatch): Record<string, unknown> {
  const next: Record<string, unknown> = { ...current, rules: { ...current.rules }, sites: { ...current.sites }, phrases: [...current.phrases] };
  if (patch.market === null) delete next.market;
  else if (patch.market !== undefined) next.market = patch.market;
  for (const key of ['uiLang', 'agentName', 'sendGuardOff', 'enabled', 'phrases'] as const) if (patch[key] !== undefined) next[key] = patch[key];
  const rules = next.rules as Record<string, unknown>;
  for (const [id, o] of Object.entries(patch.rules ?? {})) {
    if (o === null) delete rules[id];
    else rules[id] = o;
  }
  const sites = next.sites as Record<string, unknown>;
  for (const [host, on] of Object.entries(patch.sites ?? {})) {
    if (on === null) delete sites[host.toLowerCase()];
    else sites[host.toLowerCase()] = on;
  }
  return next;
}

/** Writes validated settings back, split over the three keys. */
export async function writeAgentSettings(area: SyncArea, settings: AgentSettings): Promise<void> {
  const { market, uiLang, ...rest } = settings;
  await area.set({ [AGENT_SETTINGS_KEY]: rest, [SETTINGS_KEYS.uiLang]: uiLang, ...(market !== undefined ? { [SETTINGS_KEYS.market]: market } : {}) });
  if (market === undefined) await area.remove(SETTINGS_KEYS.market);
}
