/**
 * The agent's own settings (market, UI language, display name, per-rule on/off and level, personal
 * phrases, send guard off, on/off globally and per site) laid over the resolved policy. A setting a
 * pack locks (`market`, `sendGuard`, `uiLang`, `agentName`, `enabled`, `sites`, `rules.<id>`, `rules.*`) keeps the
 * policy's value whatever the agent stored; the result names, for each locked setting, the pack and
 * source that locked it, so the popup and options page can show a lock and why.
 *
 * Enterprise policy's plain settings (locked market, send guard, disabled rules) arrive here already
 * as the synthetic `enterprise/policy` pack, so one precedence rule serves every source.
 *
 * Settings come from `storage.sync` and from the options page: `sanitizeAgentSettings` checks every
 * field before use (a context boundary), keeping what is valid and reporting the rest.
 */
import type { Detector } from '../engine/detector';
import { detectors as builtinDetectors } from '../engine/registry';
import * as v from 'valibot';
import {
  AGENT_LIMITS,
  STORED_FIELDS,
  UI_LANG_SETTINGS,
  type AgentSettings,
  type PersonalPhrase,
  type RuleOverride,
  type UiLangSetting,
} from '../contract/settings';
import { isRecord } from '../contract/parse';
import type { Level } from '../engine/types';
import type { PackIssue } from './sources/types';
import { SOURCE_STRENGTH, type Lock, type PackSource, type PhraseRule, type ResolvedMarket, type ResolvedPolicy, type ResolvedRule, type SendGuard } from './types';

export type UiLang = UiLangSetting;
export const UI_LANGS: readonly UiLang[] = UI_LANG_SETTINGS;
export type { AgentSettings, PersonalPhrase, RuleOverride };
export { AGENT_LIMITS };

export const DEFAULT_AGENT_SETTINGS: Readonly<AgentSettings> = Object.freeze({
  uiLang: 'auto',
  agentName: '',
  rules: {},
  phrases: [],
  sendGuardOff: false,
  enabled: true,
  sites: {},
});

/** Who locked a setting: the pack and source of the lock entry that applies (`rules.*` covers every rule). */
export interface LockInfo {
  /** The lock entry that applies: `market`, `rules.*`, `rules.ja/missing-apology`, … */
  key: string;
  packId: string;
  packName: string;
  source: PackSource;
}

/** Where an effective value came from. */
export type SetBy = 'agent' | 'policy' | 'default';

export interface EffectiveRule {
  ruleId: string;
  /** Level per market id ('off' where it does not run). */
  levels: Record<string, Level>;
  setBy: SetBy;
  /** The pack that last set the rule (for the default market, or the first market that has it). */
  packId?: string;
  source?: PackSource;
  lock?: LockInfo;
}

export interface EffectiveSettings {
  market: string;
  uiLang: UiLang;
  agentName: string;
  sendGuard: SendGuard;
  enabled: boolean;
  sites: Record<string, boolean>;
  /** The agent's personal phrase rules (also merged into `policy`). */
  phrases: PhraseRule[];
  /** Every built-in rule with its effective levels and lock. */
  rules: EffectiveRule[];
  /** Locked settings by key: `market`, `sendGuard`, `uiLang`, `agentName`, `enabled`, `sites`, `rules.<id>` (expanded from `rules.*`). */
  locks: Map<string, LockInfo>;
  /** The agent's stored choices that do not apply, and why (locked, unknown market, unknown rule). */
  ignored: PackIssue[];
  /** The policy for the engine: agent rule levels and personal phrases applied. */
  policy: ResolvedPolicy;
}

export interface ApplyAgentOptions {
  /** Detectors whose rules the agent may tune (default: the registry). */
  detectors?: readonly Detector[];
}

/**
 * The pack id recorded on rules the agent set (`ResolvedRule.packId`). Such rules carry source
 * `file` — the agent's own, local, weakest-but-one layer — since `PackSource` has no agent member;
 * `EffectiveRule.setBy` says 'agent' for them.
 */
export const AGENT_PACK_ID = 'agent';
const PERSONAL_PREFIX = 'personal:';

export function lockFor(policy: ResolvedPolicy, key: string): LockInfo | undefined {
  const direct = policy.locks.get(key);
  const wildcard = key.startsWith('rules.') ? policy.locks.get('rules.*') : undefined;
  const pick = (lockKey: string, lock: Lock): LockInfo => ({
    key: lockKey,
    packId: lock.packId,
    packName: policy.packs.find((p) => p.id === lock.packId)?.name ?? lock.packId,
    source: lock.source,
  });
  if (direct && wildcard) {
    // Both apply: name the stronger source's lock.
    return SOURCE_STRENGTH[wildcard.source] > SOURCE_STRENGTH[direct.source] ? pick('rules.*', wildcard) : pick(key, direct);
  }
  if (direct) return pick(key, direct);
  if (wildcard) return pick('rules.*', wildcard);
  return undefined;
}

function serves(detector: Detector, market: ResolvedMarket): boolean {
  return detector.meta.markets === '*' || detector.meta.markets.some((m) => market.lineage.includes(m));
}

function personalRule(p: PersonalPhrase, index: number): PhraseRule {
  const shown = JSON.stringify(p.phrase);
  const rule: PhraseRule = {
    id: `${PERSONAL_PREFIX}${index}`,
    type: p.replacement !== undefined ? 'substitute' : 'forbid',
    phrases: [p.phrase],
    match: 'surface',
    ignoreCase: true,
    level: 'info',
    kind: 'policy',
    message:
      p.replacement !== undefined
        ? { en: `On your personal list: ${shown} → ${JSON.stringify(p.replacement)}`, ja: `個人リストの表現です：「${p.phrase}」→「${p.replacement}」` }
        : { en: `On your personal list: ${shown}`, ja: `個人リストの表現です：「${p.phrase}」` },
    examples: { match: [p.phrase], noMatch: [] },
  };
  if (p.replacement !== undefined) rule.replacement = p.replacement;
  if (p.lang) rule.lang = p.lang;
  return rule;
}

/** Lays the agent's settings over the resolved policy, respecting every lock. */
export function applyAgentSettings(policy: ResolvedPolicy, agent: AgentSettings, options: ApplyAgentOptions = {}): EffectiveSettings {
  const list = options.detectors ?? builtinDetectors;
  const locks = new Map<string, LockInfo>();
  const ignored: PackIssue[] = [];
  for (const key of ['market', 'sendGuard', 'uiLang', 'agentName', 'enabled', 'sites'] as const) {
    const lock = lockFor(policy, key);
    if (lock) locks.set(key, lock);
  }
  const lockedReason = (lock: LockInfo) => `locked by ${lock.packName} (${lock.packId}, ${lock.source})`;

  // Market: a lock pins the policy's default; otherwise the agent's choice if it still exists.
  const fallbackMarket = policy.defaultMarket ?? 'auto';
  let market = fallbackMarket;
  const marketLock = locks.get('market');
  if (agent.market !== undefined) {
    if (marketLock) {
      if (agent.market !== fallbackMarket) ignored.push({ path: 'market', message: lockedReason(marketLock) });
    } else if (agent.market === 'auto' || policy.markets.has(agent.market)) market = agent.market;
    else ignored.push({ path: 'market', message: `market "${agent.market}" is not defined by any active pack` });
  }

  // Packs cannot give these a value, only lock them: locked means the default.
  const uiLangLock = locks.get('uiLang');
  const uiLang = uiLangLock ? DEFAULT_AGENT_SETTINGS.uiLang : agent.uiLang;
  if (uiLangLock && agent.uiLang !== uiLang) ignored.push({ path: 'uiLang', message: lockedReason(uiLangLock) });
  const nameLock = locks.get('agentName');
  const agentName = nameLock ? DEFAULT_AGENT_SETTINGS.agentName : agent.agentName;
  if (nameLock && agent.agentName !== agentName) ignored.push({ path: 'agentName', message: lockedReason(nameLock) });

  // Coaching on (issue 14.4): an admin who locks `enabled` or `sites` keeps coaching on, globally or
  // on every site; the agent's off switches stay stored but are ignored, with the reason.
  const enabledLock = locks.get('enabled');
  const enabled = enabledLock ? DEFAULT_AGENT_SETTINGS.enabled : agent.enabled;
  if (enabledLock && agent.enabled !== enabled) ignored.push({ path: 'enabled', message: lockedReason(enabledLock) });
  const sitesLock = locks.get('sites');
  const sites = sitesLock ? { ...DEFAULT_AGENT_SETTINGS.sites } : { ...agent.sites };
  if (sitesLock) for (const host of Object.keys(agent.sites)) ignored.push({ path: `sites.${host}`, message: lockedReason(sitesLock) });

  const guardLock = locks.get('sendGuard');
  let sendGuard = policy.sendGuard.value;
  if (agent.sendGuardOff) {
    if (guardLock) ignored.push({ path: 'sendGuardOff', message: lockedReason(guardLock) });
    else sendGuard = 'off';
  }

  // Rules: copy the markets, then apply each unlocked override where the rule runs (or would by default).
  const markets = new Map<string, ResolvedMarket>();
  for (const [id, m] of policy.markets) markets.set(id, { ...m, rules: new Map(m.rules), phrases: [...m.phrases] });
  const byId = new Map(list.map((d) => [d.meta.id, d]));
  for (const [ruleId, override] of Object.entries(agent.rules)) {
    const detector = byId.get(ruleId);
    if (!detector) {
      ignored.push({ path: `rules.${ruleId}`, message: 'no such rule in this version of Tonebridge' });
      continue;
    }
    const lock = lockFor(policy, `rules.${ruleId}`);
    if (lock) {
      ignored.push({ path: `rules.${ruleId}`, message: lockedReason(lock) });
      continue;
    }
    if (override.enabled === undefined && override.level === undefined) continue;
    for (const m of markets.values()) {
      const configured = m.rules.get(ruleId);
      const current: Level = configured?.level ?? (serves(detector, m) ? detector.meta.defaultLevel : 'off');
      if (!serves(detector, m) && current === 'off') continue; // not a rule of this market
      const level: Level = override.enabled === false ? 'off' : (override.level ?? (current === 'off' ? detector.meta.defaultLevel : current));
      const rule: ResolvedRule = { level, packId: AGENT_PACK_ID, source: 'file' };
      if (configured?.options) rule.options = configured.options;
      m.rules.set(ruleId, rule);
    }
  }

  const phrases = agent.phrases.map(personalRule);
  for (const m of markets.values()) m.phrases.push(...phrases);

  const effectivePolicy: ResolvedPolicy = {
    ...policy,
    markets,
    sendGuard: sendGuard === policy.sendGuard.value ? policy.sendGuard : { value: sendGuard },
  };

  const rules: EffectiveRule[] = list.map((d) => {
    const id = d.meta.id;
    const levels: Record<string, Level> = {};
    for (const [marketId, m] of markets) levels[marketId] = m.rules.get(id)?.level ?? (serves(d, m) ? d.meta.defaultLevel : 'off');
    const home = (market !== 'auto' && markets.get(market)?.rules.get(id)) || [...markets.values()].map((m) => m.rules.get(id)).find(Boolean);
    const lock = lockFor(policy, `rules.${id}`);
    if (lock) locks.set(`rules.${id}`, lock);
    const setBy: SetBy = home ? (home.packId === AGENT_PACK_ID ? 'agent' : 'policy') : 'default';
    const entry: EffectiveRule = { ruleId: id, levels, setBy };
    if (home && setBy === 'policy') {
      entry.packId = home.packId;
      entry.source = home.source;
    }
    if (lock) entry.lock = lock;
    return entry;
  });

  return {
    market,
    uiLang,
    agentName,
    sendGuard,
    enabled,
    sites,
    phrases,
    rules,
    locks,
    ignored,
    policy: effectivePolicy,
  };
}

/** What the popup and options page need, as plain JSON (no Maps, no policy) for messaging. */
export interface EffectiveSettingsView {
  market: string;
  uiLang: UiLang;
  agentName: string;
  sendGuard: SendGuard;
  enabled: boolean;
  sites: Record<string, boolean>;
  rules: EffectiveRule[];
  locks: Record<string, LockInfo>;
  ignored: PackIssue[];
  markets: { id: string; name: { en: string; ja: string } }[];
}

export function effectiveSettingsView(e: EffectiveSettings): EffectiveSettingsView {
  return {
    market: e.market,
    uiLang: e.uiLang,
    agentName: e.agentName,
    sendGuard: e.sendGuard,
    enabled: e.enabled,
    sites: { ...e.sites },
    rules: e.rules.map((r) => ({ ...r, levels: { ...r.levels } })),
    locks: Object.fromEntries(e.locks),
    ignored: [...e.ignored],
    markets: [...e.policy.markets.values()].map((m) => ({ id: m.id, name: { en: m.name.en, ja: m.name.ja } })),
  };
}

/** Whether coaching runs on a site (host name) under these settings. */
export function isEnabledFor(settings: Pick<EffectiveSettings, 'enabled' | 'sites'>, host: string): boolean {
  return settings.enabled && (settings.sites[host.toLowerCase()] ?? true);
}

// ── validation of stored / messaged settings ─────────────────────────────────────────────────────

const ok = <S extends v.GenericSchema>(schema: S, value: unknown): value is v.InferOutput<S> => v.is(schema, value);
const out = <S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> | undefined => {
  const r = v.safeParse(schema, value);
  return r.success ? r.output : undefined;
};

/**
 * Checks settings read from storage or received from the options page, field by field with the
 * contract's schemas (lib/contract/settings.ts STORED_FIELDS). Valid fields are kept, invalid ones
 * fall back to the default and are reported by path; unknown keys are dropped.
 */
export function sanitizeAgentSettings(input: unknown): { settings: AgentSettings; issues: PackIssue[] } {
  const issues: PackIssue[] = [];
  const settings: AgentSettings = { ...DEFAULT_AGENT_SETTINGS, rules: {}, phrases: [], sites: {} };
  if (input === undefined || input === null) return { settings, issues };
  if (!isRecord(input)) return { settings, issues: [{ path: '', message: 'expected an object' }] };
  const bad = (path: string, message: string) => issues.push({ path, message });
  const F = STORED_FIELDS;

  if (input.market !== undefined) {
    if (ok(F.market, input.market)) settings.market = input.market;
    else bad('market', 'expected "auto" or a market id');
  }
  if (input.uiLang !== undefined) {
    if (ok(F.uiLang, input.uiLang)) settings.uiLang = input.uiLang;
    else bad('uiLang', `expected one of ${UI_LANGS.join(', ')}`);
  }
  if (input.agentName !== undefined) {
    const name = out(F.agentName, input.agentName);
    if (name !== undefined) settings.agentName = name;
    else bad('agentName', `expected one line of at most ${AGENT_LIMITS.agentName} characters`);
  }
  for (const key of ['sendGuardOff', 'enabled'] as const) {
    if (input[key] === undefined) continue;
    const value = input[key];
    if (ok(F[key], value)) settings[key] = value;
    else bad(key, 'expected true or false');
  }
  if (input.rules !== undefined) {
    if (!isRecord(input.rules)) bad('rules', 'expected an object of rule id → { enabled, level }');
    else {
      const entries = Object.entries(input.rules);
      if (entries.length > AGENT_LIMITS.rules) bad('rules', `has ${entries.length} entries; the limit is ${AGENT_LIMITS.rules}`);
      for (const [id, value] of entries.slice(0, AGENT_LIMITS.rules)) {
        const path = `rules.${id}`;
        if (!ok(F.ruleId, id) || !isRecord(value)) {
          bad(path, 'expected a rule id → { enabled?: boolean, level?: "info" | "warn" | "block" }');
          continue;
        }
        const o: RuleOverride = {};
        if (value.enabled !== undefined) {
          if (ok(F.ruleEnabled, value.enabled)) o.enabled = value.enabled;
          else bad(`${path}.enabled`, 'expected true or false');
        }
        if (value.level !== undefined) {
          if (ok(F.ruleLevel, value.level)) o.level = value.level;
          else bad(`${path}.level`, 'expected "info", "warn" or "block"');
        }
        settings.rules[id] = o;
      }
    }
  }
  if (input.phrases !== undefined) {
    if (!Array.isArray(input.phrases)) bad('phrases', 'expected a list');
    else {
      if (input.phrases.length > AGENT_LIMITS.phrases) bad('phrases', `has ${input.phrases.length} entries; the limit is ${AGENT_LIMITS.phrases}`);
      input.phrases.slice(0, AGENT_LIMITS.phrases).forEach((p: unknown, i) => {
        const path = `phrases[${i}]`;
        if (!isRecord(p)) return bad(path, 'expected { phrase, replacement?, lang? }');
        const phrase = out(F.phrase, p.phrase);
        if (phrase === undefined) return bad(`${path}.phrase`, `expected one non-blank line of at most ${AGENT_LIMITS.phraseLength} characters`);
        const entry: PersonalPhrase = { phrase };
        if (p.replacement !== undefined) {
          if (!ok(F.replacement, p.replacement)) return bad(`${path}.replacement`, `expected one line of at most ${AGENT_LIMITS.phraseLength} characters`);
          entry.replacement = p.replacement;
        }
        if (p.lang !== undefined) {
          if (!ok(F.lang, p.lang)) return bad(`${path}.lang`, 'expected "ja" or "en"');
          entry.lang = p.lang;
        }
        settings.phrases.push(entry);
      });
    }
  }
  if (input.sites !== undefined) {
    if (!isRecord(input.sites)) bad('sites', 'expected an object of host → true/false');
    else {
      const entries = Object.entries(input.sites);
      if (entries.length > AGENT_LIMITS.sites) bad('sites', `has ${entries.length} entries; the limit is ${AGENT_LIMITS.sites}`);
      for (const [host, on] of entries.slice(0, AGENT_LIMITS.sites)) {
        const h = host.toLowerCase();
        if (ok(F.host, h) && ok(F.siteOn, on)) settings.sites[h] = on;
        else bad(`sites.${host}`, 'expected a host name → true/false');
      }
    }
  }
  return { settings, issues };
}
