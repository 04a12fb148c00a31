/**
 * The background's side of the extension-page protocol (lib/contract/panel.ts): the popup's and
 * options page's state, settings changes (refused when a pack locks them), pack import/removal and
 * URL subscriptions. CoachService has already checked that the sender is an extension page; every
 * message is parsed again here, field by field, and agent settings pass `sanitizeAgentSettings`.
 */
import { detectors } from '../engine/registry';
import { hostOfOrigin } from '../hosts/registry';
import { parsePanelRequest, type AgentSettingsPatch, type PanelAnswer, type PanelFailure, type PanelImportOutcome, type PanelPack, type PanelRequest, type PanelState, type PanelUrlOutcome, type PhraseRuleSummary } from '../contract/panel';
import { effectiveSettingsView, isEnabledFor, lockFor, sanitizeAgentSettings, type LockInfo, type SetBy } from '../policy/agent-settings';
import { packUrlProblem, publicKeyProblem, type PolicyService } from '../policy/sources';
import type { PackStatus } from '../policy/sources/types';
import { SOURCE_STRENGTH, type PhraseRule, type PolicyPack, type RuleEntry } from '../policy/types';
import { applyPatch, writeAgentSettings, type SyncArea } from './agent-store';
import type { CoachPolicy } from './policy';
import type { CoachService, PanelHandler } from './service';

export interface PanelBackendOptions {
  policy: CoachPolicy;
  sync: SyncArea;
  /** A tab's URL (`browser.tabs.get(id).url`), when the extension may read it. */
  tabUrl?: (tabId: number) => Promise<string | undefined>;
}

function failure(code: PanelFailure['code'], error: string, path?: string, lock?: LockInfo): PanelFailure {
  return { ok: false, code, error, ...(path !== undefined ? { path } : {}), ...(lock ? { lock } : {}) };
}

function ruleLevel(entry: RuleEntry): PanelPack['rules'][number]['level'] {
  return typeof entry === 'string' ? entry : entry.level;
}

function phraseSummary(p: PhraseRule): PhraseRuleSummary {
  const s: PhraseRuleSummary = {
    id: p.id,
    type: p.type,
    phrases: [...p.phrases],
    level: p.level ?? 'warn',
    message: { en: p.message.en, ja: p.message.ja },
    examples: { match: [...(p.examples.match ?? [])], noMatch: [...(p.examples.noMatch ?? [])] },
  };
  if (p.replacement !== undefined) s.replacement = p.replacement;
  if (p.max !== undefined) s.max = p.max;
  if (p.lang) s.lang = p.lang;
  if (p.markets) s.markets = [...p.markets];
  return s;
}

function panelPack(status: PackStatus, pack: PolicyPack | undefined, fileName: string | undefined): PanelPack {
  const view: PanelPack = {
    ...status,
    markets: (pack?.markets ?? []).map((m) => m.id),
    rules: Object.entries(pack?.rules ?? {}).map(([id, entry]) => ({ id, level: ruleLevel(entry) })),
    phrases: (pack?.phrases ?? []).map(phraseSummary),
    locked: [...(pack?.locked ?? [])],
  };
  if (pack?.owner) view.owner = pack.owner;
  if (pack?.link) view.link = pack.link;
  if (pack?.description) view.description = pack.description;
  if (pack?.sendGuard) view.sendGuard = pack.sendGuard;
  if (pack?.defaultMarket) view.defaultMarket = pack.defaultMarket;
  if (fileName) view.fileName = fileName;
  return view;
}

/** The lock key a patch field is governed by. */
function lockKeys(patch: AgentSettingsPatch): { key: string; path: string }[] {
  const keys: { key: string; path: string }[] = [];
  if (patch.market !== undefined) keys.push({ key: 'market', path: 'patch.market' });
  if (patch.uiLang !== undefined) keys.push({ key: 'uiLang', path: 'patch.uiLang' });
  if (patch.agentName !== undefined) keys.push({ key: 'agentName', path: 'patch.agentName' });
  if (patch.sendGuardOff !== undefined) keys.push({ key: 'sendGuard', path: 'patch.sendGuardOff' });
  if (patch.enabled !== undefined) keys.push({ key: 'enabled', path: 'patch.enabled' });
  if (patch.sites !== undefined) keys.push({ key: 'sites', path: 'patch.sites' });
  for (const id of Object.keys(patch.rules ?? {})) keys.push({ key: `rules.${id}`, path: `patch.rules.${id}` });
  return keys;
}

export class PanelBackend implements PanelHandler {
  /** Settings patches apply one after another: each starts from the settings the last one left. */
  private settingsQueue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: PanelBackendOptions) {}

  async handle(message: unknown, coach: CoachService): Promise<PanelAnswer> {
    const parsed = parsePanelRequest(message);
    if (!parsed.ok) return failure('invalid', parsed.error, parsed.path);
    await this.options.policy.whenReady();
    const service = await this.options.policy.policyService();
    const request: PanelRequest = parsed.value;
    switch (request.type) {
      case 'tonebridge/panel/state':
        return { ok: true, state: await this.state(coach, service, request.tabId) };
      case 'tonebridge/panel/settings': {
        const run = this.settingsQueue.then(() => this.settings(request.patch, coach, service));
        this.settingsQueue = run.catch(() => undefined);
        return run;
      }
      case 'tonebridge/panel/import': {
        const r = await service.files.import(request.text, request.fileName);
        const result: PanelImportOutcome = r.ok
          ? { accepted: true, slot: r.slot ?? `file:${r.pack.id}`, packId: r.pack.id, version: r.pack.version, warnings: r.warnings, changed: r.changed }
          : { accepted: false, failure: r.failure, ...(r.slot ? { slot: r.slot } : {}), ...(r.kept ? { kept: r.kept } : {}) };
        return { ok: true, result, state: await this.state(coach, service) };
      }
      case 'tonebridge/panel/remove-import': {
        if (!(await service.files.remove(request.packId))) return failure('invalid', `no imported pack has the id "${request.packId}"`, 'packId');
        return { ok: true, state: await this.state(coach, service) };
      }
      case 'tonebridge/panel/subscribe': {
        const urlProblem = packUrlProblem(request.url);
        if (urlProblem) return failure('invalid', urlProblem, 'url');
        const keyProblem = publicKeyProblem(request.publicKey);
        if (keyProblem) return failure('invalid', `public key: ${keyProblem}`, 'publicKey');
        const outcome = await service.urls.subscribe({ url: request.url, publicKey: request.publicKey });
        return { ok: true, results: [outcome as PanelUrlOutcome], state: await this.state(coach, service) };
      }
      case 'tonebridge/panel/unsubscribe': {
        if (!service.urls.list().some((s) => s.url === request.url)) return failure('invalid', 'not subscribed to this URL', 'url');
        await service.urls.unsubscribe(request.url);
        return { ok: true, state: await this.state(coach, service) };
      }
      case 'tonebridge/panel/refresh': {
        let results: PanelUrlOutcome[];
        if (request.url === undefined) results = [...(await service.managedUrls.refreshAll()), ...(await service.urls.refreshAll())];
        else if (service.urls.list().some((s) => s.url === request.url)) results = [await service.urls.refresh(request.url)];
        else if (service.managedUrls.list().some((s) => s.url === request.url)) results = [await service.managedUrls.refresh(request.url)];
        else return failure('invalid', 'no pack comes from this URL', 'url');
        return { ok: true, results, state: await this.state(coach, service) };
      }
    }
  }

  private async settings(patch: AgentSettingsPatch, coach: CoachService, service: PolicyService): Promise<PanelAnswer> {
    const { policy } = this.options;
    const resolved = service.store.policy();
    for (const { key, path } of lockKeys(patch)) {
      const lock = lockFor(resolved, key);
      if (lock) return failure('locked', `${path.slice('patch.'.length)} is locked by ${lock.packName} (${lock.source})`, path, lock);
    }
    if (typeof patch.market === 'string' && patch.market !== 'auto' && !resolved.markets.has(patch.market))
      return failure('invalid', `no active pack defines the market "${patch.market}"`, 'patch.market');
    const { settings, issues } = sanitizeAgentSettings(applyPatch(policy.agentSettings(), patch));
    if (issues.length > 0) {
      const first = issues[0]!;
      return failure('invalid', `${first.path}: ${first.message}`, `patch.${first.path}`);
    }
    try {
      await writeAgentSettings(this.options.sync, settings, Object.keys(patch));
    } catch (error) {
      // e.g. storage.sync's per-item quota: nothing changed.
      return failure('failed', `could not save the settings: ${error instanceof Error ? error.message : String(error)}`);
    }
    policy.setAgent(settings);
    return { ok: true, state: await this.state(coach, service) };
  }

  /** Everything the popup and options page show. */
  async state(coach: CoachService, service: PolicyService, tabId?: number): Promise<PanelState> {
    const { policy } = this.options;
    const effective = policy.effective();
    const agent = policy.agentSettings();
    const statuses = [...service.store.status()].sort((a, b) => SOURCE_STRENGTH[b.source] - SOURCE_STRENGTH[a.source]);
    const packs = statuses.map((s) => {
      const held = service.store.heldPack(s.slot);
      return panelPack(s, held, s.source === 'file' && held ? service.files.fileName(held.id) : undefined);
    });
    const view = effectiveSettingsView(effective);
    const guardLock = effective.locks.get('sendGuard');
    const resolvedGuard = service.store.policy().sendGuard;
    const agentOff = agent.sendGuardOff && !guardLock;
    const setBy: SetBy = agentOff ? 'agent' : resolvedGuard.packId ? 'policy' : 'default';
    const sendGuard: PanelState['sendGuard'] = { value: effective.sendGuard, setBy };
    if (setBy === 'policy') {
      if (resolvedGuard.packId) sendGuard.packId = resolvedGuard.packId;
      if (resolvedGuard.source) sendGuard.source = resolvedGuard.source;
    }
    if (guardLock) sendGuard.lock = guardLock;
    const uiLang = await coach.uiLangOf({ uiLang: effective.uiLang });
    const state: PanelState = {
      effective: view,
      agent,
      packs,
      markets: view.markets,
      sendGuard,
      langs: coach.langs(),
      uiLang,
      subscriptions: service.urls.list().map((s) => ({ url: s.url, publicKey: s.publicKey, slot: service.urls.slotFor(s.url) })),
      managedIssues: [...service.managed.policyIssues()],
      ruleInfo: detectors.map(({ meta }) => ({
        id: meta.id,
        kind: meta.kind,
        description: { en: meta.description.en, ja: meta.description.ja },
        defaultLevel: meta.defaultLevel,
        fixable: meta.fixable,
        languages: [...meta.languages],
      })),
    };
    if (tabId !== undefined) {
      const url = await this.options.tabUrl?.(tabId).catch(() => undefined);
      if (url) {
        try {
          const parsed = new URL(url);
          if (parsed.protocol === 'https:' || parsed.protocol === 'http:') {
            const host = parsed.hostname.toLowerCase();
            state.site = { host, supported: hostOfOrigin(parsed.origin) !== undefined, enabled: isEnabledFor(effective, host) };
          }
        } catch {
          // not a web page (chrome://, about:): no site
        }
      }
      const box = await coach.restoredBoxFor(tabId);
      if (box) state.box = box;
    }
    return state;
  }
}
