/**
 * The background's side of the popup and options page (lib/panel/protocol.ts): the state they show,
 * and the changes they ask for — agent settings (validated, locks kept: lib/coach/policy.ts), pack
 * imports (a rejected file changes nothing; the slot shows why), URL subscriptions (https and a valid
 * Ed25519 key only) and a refresh of URL packs.
 */
import { detectors } from '../engine/registry';
import { effectiveSettingsView, lockFor } from '../policy/agent-settings';
import type { PolicyService } from '../policy/sources';
import type { PackStatus } from '../policy/sources/types';
import type { PanelAnswer, PanelPack, PanelRequest, PanelState, RuleInfo } from '../panel/protocol';
import type { PolicyPack, RuleEntry } from '../policy/types';
import type { CoachService } from './service';
import type { CoachPolicy } from './policy';

const RULE_INFO: RuleInfo[] = detectors.map((d) => ({ id: d.meta.id, kind: d.meta.kind, description: { en: d.meta.description.en, ja: d.meta.description.ja } }));

function levelOf(entry: RuleEntry): string {
  return typeof entry === 'string' ? entry : entry.level;
}

function panelPack(status: PackStatus, pack: PolicyPack | undefined, fileName: string | undefined): PanelPack {
  const out: PanelPack = {
    ...status,
    markets: (pack?.markets ?? []).map((m) => ({ id: m.id, name: { en: m.name.en, ja: m.name.ja } })),
    rules: Object.entries(pack?.rules ?? {}).map(([ruleId, entry]) => ({ ruleId, level: levelOf(entry) })),
    phrases: (pack?.phrases ?? []).map((p) => ({
      id: p.id,
      type: p.type,
      phrases: [...p.phrases],
      message: p.message,
      examples: p.examples,
      ...(p.replacement !== undefined ? { replacement: p.replacement } : {}),
      ...(p.max !== undefined ? { max: p.max } : {}),
      ...(p.level !== undefined ? { level: p.level } : {}),
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

export function panelHandler(policy: CoachPolicy, service: PolicyService) {
  const state = (coach: CoachService, tabId?: number): PanelState => {
    const effective = policy.effective();
    const resolved = service.store.policy();
    const guard = effective.policy.sendGuard;
    const guardLock = lockFor(resolved, 'sendGuard');
    const setBy = guard.packId
      ? {
          packId: guard.packId,
          packName: resolved.packs.find((p) => p.id === guard.packId)?.name ?? guard.packId,
          source: guard.source ?? guardLock?.source ?? 'builtin',
        }
      : undefined;
    const box = tabId === undefined ? undefined : coach.boxStatus(tabId);
    return {
      ok: true,
      uiLang: coach.uiLangOf(effective.uiLang),
      agent: policy.agent,
      effective: effectiveSettingsView(effective),
      sendGuard: { value: effective.sendGuard, ...(setBy && effective.sendGuard !== 'off' ? { setBy } : {}) },
      packs: service.store
        .status()
        .map((s) => panelPack(s, service.store.heldPack(s.slot), s.source === 'file' && s.id ? service.files.fileName(s.id) : undefined)),
      subscriptions: service.urls.list(),
      ruleInfo: RULE_INFO,
      ...(box ? { box } : {}),
    };
  };

  return async (request: PanelRequest, coach: CoachService): Promise<PanelAnswer> => {
    switch (request.type) {
      case 'tonebridge/panel/state':
        return state(coach, request.tabId);
      case 'tonebridge/panel/settings': {
        const result = await policy.update(request.patch);
        if (!result.ok)
          return { ok: false, code: result.code, error: result.error, issues: result.issues, ...(result.lock ? { lock: result.lock } : {}) };
        return state(coach, request.tabId);
      }
      case 'tonebridge/panel/import': {
        const result = await service.files.import(request.text, request.fileName);
        if (!result.ok) {
          const kept = result.kept ? ` The active version ${result.kept.version} of ${result.kept.id} stays in use.` : '';
          return {
            ok: false,
            code: 'rejected',
            error: `${request.fileName} was not imported: ${result.failure.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}.${kept}`,
            issues: result.failure.issues,
          };
        }
        return state(coach);
      }
      case 'tonebridge/panel/remove-import':
        await service.files.remove(request.packId);
        return state(coach);
      case 'tonebridge/panel/subscribe': {
        const outcome = await service.urls.subscribe({ url: request.url, publicKey: request.publicKey });
        if (outcome.status === 'failed' && (outcome.kind === 'insecure-url' || !service.urls.list().some((s) => s.url === request.url)))
          return {
            ok: false,
            code: 'rejected',
            error: outcome.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '),
            issues: outcome.issues,
          };
        // Subscribed; a failed first download shows on the pack's row and is retried on schedule.
        return state(coach);
      }
      case 'tonebridge/panel/unsubscribe':
        await service.urls.unsubscribe(request.url);
        return state(coach);
      case 'tonebridge/panel/refresh':
        await Promise.all([service.urls.refreshAll(), service.managedUrls.refreshAll()]);
        return state(coach);
    }
  };
}
