/**
 * Where the agent's settings live: storage.sync (they follow the agent to every browser), one key
 * per field of AgentSettings (lib/contract/settings.ts AGENT_SETTINGS_KEYS: `market`, `uiLang`, `agentName`,
 * `rules`, `phrases`, `sendGuardOff`, `enabled`, `sites`). `market` and `uiLang` are the keys content
 * scripts, the coach and the e2e tests have used since the first release; one key per field also gives
 * each field storage.sync's own per-item quota (8 KB), so a long phrase list does not crowd out the rest.
 *
 * Reads run the values through `sanitizeAgentSettings` (storage is written by other contexts, and by
 * older versions); only the background writes, after validation. A patch (lib/contract/panel.ts)
 * replaces top-level fields, merges `rules` and `sites` per key, and `null` removes.
 */
import { AGENT_SETTINGS_KEYS } from '../contract/settings';
import type { AgentSettingsPatch } from '../contract/panel';
import { sanitizeAgentSettings, type AgentSettings } from '../policy/agent-settings';
import type { PackIssue } from '../policy/sources/types';

/** The storage.sync keys that hold agent settings (a change to any of them changes the effective settings). */
export const AGENT_STORAGE_KEYS: readonly string[] = AGENT_SETTINGS_KEYS;

/** The part of a `browser.storage` area used. */
export interface SyncArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** The stored keys as one candidate object (not yet validated). */
export function storedToCandidate(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of AGENT_SETTINGS_KEYS) if (values[key] !== undefined) out[key] = values[key];
  return out;
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

/** Writes validated settings back: the fields a patch touched (all of them when `keys` is absent). */
export async function writeAgentSettings(area: SyncArea, settings: AgentSettings, keys: readonly string[] = AGENT_SETTINGS_KEYS): Promise<void> {
  const items: Record<string, unknown> = {};
  for (const key of keys) {
    const value = settings[key as keyof AgentSettings];
    if (value !== undefined) items[key] = value;
  }
  if (Object.keys(items).length > 0) await area.set(items);
  if (keys.includes('market') && settings.market === undefined) await area.remove('market');
}
