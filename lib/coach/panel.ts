/**
 * The background's side of the popup and options page (lib/panel/protocol.ts): the state they show,
 * and the changes they ask for — agent settings (validated, locks kept: lib/coach/policy.ts), pack
 * imports (a rejected file changes nothing; its slot shows why), URL subscriptions (https and a valid
 * Ed25519 key only) and refreshes of URL packs.
 */
import { hostOfOrigin } from '../messaging';
import { effectiveSettingsView, isEnabledFor, lockFor } from '../policy/agent-settings';
import type { PolicyService, RefreshOutcome } from '../policy/sources';
import { MANAGED_POLICY_SLOT } from '../policy/sources';
import type { PackStatus } from '../policy/sources/types';
import type { PolicyPack, RuleEntry } from '../policy/types';
import type { PanelAnswer, PanelPack, PanelRequest, PanelState, PanelUrlOutcome, SiteStatus } from '../panel/protocol';
import type { CoachPolicy } from './policy';
import type { CoachService } from './service';

function panelPack(status: PackStatus, pack: PolicyPack | undefined, fileName: string | undefined): PanelPack {
  const out: PanelPack = {
    ...status,
    markets: (pack?.markets ?? []).map((m) => m.id),
    rules: Object.entries(pack?.rules ?? {}).map(([id, entry]: [string, RuleEntry]) => ({ id, level: typeof entry === 'string' ? entry : entry.level })),
    phrases: (pack?.phrases ?? []).map((p) => ({
      id: p.id,
      type: p.type,
      phrases: [...p.phrases],
      level: p.level ?? 'warn',
      message: p.message,
      examples: { match: [...p.examples.match], noMatch: [...p.examples.noMatch] },
      ...(p.replacement !== undefined ? { replacement: p.replacement } : {}),
      ...(p.max !== undefined ? { max: p.max } : {}),
      ...(p.lang !== undefined ? { lang: p.lang } : {}),
      ...(p.markets !== undefined ? { markets: [...p.markets] } : {}),
    })),
    locked: [...(pack?.locked ?? [])],
  };
  if (pack?.description) out.description = pack.description;
  if (pack?.owner) out.owner = pack.owner;
  if (pack?.link) out.link = pack.link;
  if (pack?.sendGuard) out.sendGuard = pack.sendGuard;
  if (pack?.defaultMarket) out.defaultMarket = pack.defaultMarket;
  if (fileName) out.fileName = fileName;
  return out;
}

export interface PanelDeps {
  policy: CoachPolicy;
  service: PolicyService;
  /** A tab's URL, when the extension may read it (its host permissions). */
  tabUrl?: (tabId: number) => Promise<string | undefined>;
}

export function panelHandler({ policy, service, tabUrl }: PanelDeps) {
  const site = async (tabId: number | undefined): Promise<SiteStatus | undefined> => {
    if (tabId === undefined || !tabUrl) return undefined;
    const url = await tabUrl(tabId).catch(() => undefined);
    if (!url) return undefined;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return undefined;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    const host = parsed.hostname.toLowerCase();
    return { host, supported: hostOfOrigin(parsed.origin) !== undefined, enabled: isEnabledFor(policy.effective(), host) };
  };

  const state = async (coach: CoachService, tabId?: number): Promise<PanelState> => {
    const effective = policy.effective();
    const resolved = service.store.policy();
    const guard = effective.policy.sendGuard;
    const guardLock = lockFor(resolved, 'sendGuard');
    const agentOff = policy.agent.sendGuardOff && !guardLock;
    const siteStatus = await site(tabId);
    const box = tabId === undefined ? undefined : coach.boxStatus(tabId);
    const managedError = service.store.get(MANAGED_POLICY_SLOT)?.error;
    const langs = coach.langs();
    return {
      effective: effectiveSettingsView(effective),
      agent: policy.agent,
      packs: service.store
        .status()
        .map((s) => panelPack(s, service.store.heldPack(s.slot), s.source === 'file' && s.id ? service.files.fileName(s.id) : undefined)),
      markets: [...effective.policy.markets.values()].map((m) => ({ id: m.id, name: { en: m.name.en, ja: m.name.ja } })),
      sendGuard: {
        value: effective.sendGuard,
        setBy: agentOff ? 'agent' : guard.packId ? 'policy' : 'default',
        ...(guard.packId && !agentOff ? { packId: guard.packId } : {}),
        ...(guard.source && !agentOff ? { source: guard.source } : {}),
        ...(guardLock ? { lock: guardLock } : {}),
      },
      langs,
      uiLang: coach.uiLangOf(effective.uiLang),
      subscriptions: service.urls.list().map((s) => ({ url: s.url, publicKey: s.publicKey, slot: service.urls.slotFor(s.url) })),
      managedIssues: managedError ? managedError.issues : [],
      ...(siteStatus ? { site: siteStatus } : {}),
      ...(box && (!siteStatus || box.host === siteStatus.host) ? { box } : {}),
    };
  };

  const outcomes = (list: RefreshOutcome[]): PanelUrlOutcome[] => list.map((o) => ({ ...o }));

  return async (request: PanelRequest, coach: CoachService): Promise<PanelAnswer> => {
    switch (request.type) {
      case 'tonebridge/panel/state':
        return { ok: true, state: await state(coach, request.tabId) };
      case 'tonebridge/panel/settings': {
        const result = await policy.update(request.patch);
        if (!result.ok) return { ok: false, code: result.code, error: result.error, path: result.path, ...(result.lock ? { lock: result.lock } : {}) };
        return { ok: true, state: await state(coach) };
      }
      case 'tonebridge/panel/import': {
        const result = await service.files.import(request.text, request.fileName);
        return {
          ok: true,
          result: result.ok
            ? { accepted: true, slot: result.slot ?? '', packId: result.pack.id, version: result.pack.version, warnings: result.warnings, changed: result.changed }
            : { accepted: false, failure: result.failure, ...(result.slot ? { slot: result.slot } : {}), ...(result.kept ? { kept: result.kept } : {}) },
          state: await state(coach),
        };
      }
      case 'tonebridge/panel/remove-import':
        if (!(await service.files.remove(request.packId)))
          return { ok: false, code: 'invalid', error: `packId: no imported pack "${request.packId}"`, path: 'packId' };
        return { ok: true, state: await state(coach) };
      case 'tonebridge/panel/subscribe': {
        const outcome = await service.urls.subscribe({ url: request.url, publicKey: request.publicKey });
        // Subscribed (a failed first download shows on the pack's row and is retried), or refused outright.
        return { ok: true, results: outcomes([outcome]), state: await state(coach) };
      }
      case 'tonebridge/panel/unsubscribe':
        await service.urls.unsubscribe(request.url);
        return { ok: true, state: await state(coach) };
      case 'tonebridge/panel/refresh': {
        const results = request.url
          ? [await service.urls.refresh(request.url)]
          : [...(await service.urls.refreshAll()), ...(await service.managedUrls.refreshAll())];
        return { ok: true, results: outcomes(results), state: await state(coach) };
      }
    }
  };
}
