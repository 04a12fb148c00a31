/**
 * The background coach: one engine per browser, answering the content scripts' and extension pages'
 * messages (lib/messaging.ts). Every message is validated (sender, type, shape) before use.
 *
 * Japanese loads lazily: an analysis that needs a language still loading answers `loading` at once
 * (the page shows "loading", never findings computed without the language) and starts the load; the
 * page then waits on `tonebridge/warm` and asks again. A compose box's focus sends `warm` early.
 */
import type { Engine } from '../engine/engine';
import { detectLang } from '../engine/language';
import type { Lang, Report, UiLang } from '../engine/types';
import {
  checkSender,
  parseRequest,
  type AnalyzeRequest,
  type AnalyzeResponse,
  type Failure,
  type GuardInfo,
  type MarketChoice,
  type RenderedFinding,
  type SenderLike,
  type StatusResponse,
  type WarmResponse,
} from '../messaging';
import { isPanelMessage, parsePanelRequest, type BoxStatus, type PanelAnswer, type PanelRequest } from '../panel/protocol';
import { isEnabledFor } from '../policy/agent-settings';
import { resolveMarket } from './market';
import type { CoachPolicy } from './policy';

/** Raw settings as stored (validated here: storage is another context's writing). */
export interface StoredSettings {
  market?: unknown;
  uiLang?: unknown;
}

export interface CoachOptions {
  engine: Engine;
  extensionId: string;
  /** `originOf(runtime.getURL('/'))`. */
  extensionOrigin: string;
  readSettings: () => Promise<StoredSettings>;
  /** The browser's UI language (`i18n.getUILanguage()`), for `uiLang: auto`. */
  browserUiLang: () => string;
  /**
   * Packs and the agent's settings (lib/coach/policy.ts). Without it the coach runs on the engine's
   * policy and the `market`/`uiLang` settings alone (the unit tests' set-up).
   */
  policy?: () => CoachPolicy | undefined;
  /** Settles when the stored policy is back after a (re)start; the first answers wait for it, briefly. */
  policyReady?: Promise<unknown>;
  /** Answers the popup's and options page's requests (lib/coach/panel.ts). */
  panel?: () => ((request: PanelRequest, coach: CoachService) => Promise<PanelAnswer>) | undefined;
}

/** How long an analysis waits for the stored policy after a service-worker start. */
const POLICY_WAIT_MS = 1500;

export type CoachAnswer = AnalyzeResponse | WarmResponse | StatusResponse | Failure | PanelAnswer;

const ALL_LANGS: readonly Lang[] = ['ja', 'en'];

function hostNameOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function failure(code: Failure['code'], error: string): Failure {
  return { ok: false, code, error };
}

export class CoachService {
  private readonly engine: Engine;
  private readonly loading = new Map<Lang, Promise<void>>();
  /** The last analysis per tab, for the popup's status line (bounded; tabs come and go). */
  private readonly boxes = new Map<number, BoxStatus>();
  private policyWait: Promise<unknown> | undefined;

  constructor(private readonly options: CoachOptions) {
    this.engine = options.engine;
  }

  /** Answers one message; never throws (a failure is an answer). */
  async handle(message: unknown, sender: SenderLike | undefined): Promise<CoachAnswer> {
    const who = checkSender(sender, this.options.extensionId, this.options.extensionOrigin);
    if (!who.ok) return failure('forbidden', who.error);
    if (isPanelMessage(message)) {
      // Settings and packs: the extension's own pages only, never a content script.
      if (who.value.kind !== 'extension') return failure('forbidden', 'only extension pages may change settings');
      const panel = parsePanelRequest(message);
      if (!panel.ok) return failure('invalid', panel.error);
      try {
        await this.policyLoaded();
        const handler = this.options.panel?.();
        if (!handler) return failure('failed', 'settings are not available yet');
        return await handler(panel.value, this);
      } catch (error) {
        return failure('failed', error instanceof Error ? error.message : String(error));
      }
    }
    const parsed = parseRequest(message);
    if (!parsed.ok) return failure('invalid', parsed.error);
    const request = parsed.value;
    try {
      switch (request.type) {
        case 'tonebridge/analyze':
          return await this.analyze(request, sender);
        case 'tonebridge/warm':
          return await this.warm(request.langs ?? ['ja']);
        case 'tonebridge/status':
          return await this.status();
      }
    } catch (error) {
      return failure('failed', error instanceof Error ? error.message : String(error));
    }
  }

  /** Starts loading a language (once); resolves when it is ready. */
  private load(lang: Lang): Promise<void> {
    if (this.engine.isReady(lang)) return Promise.resolve();
    let pending = this.loading.get(lang);
    if (!pending) {
      pending = this.engine.prepare([lang]).finally(() => this.loading.delete(lang));
      this.loading.set(lang, pending);
    }
    return pending;
  }

  async warm(langs: Lang[]): Promise<WarmResponse | Failure> {
    try {
      await Promise.all(langs.map((l) => this.load(l)));
    } catch (error) {
      return failure('failed', `could not load the analyser: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { ok: true, ready: ALL_LANGS.filter((l) => this.engine.isReady(l)) };
  }

  /** Waits (at most POLICY_WAIT_MS) for the stored packs and settings after a worker start. */
  private async policyLoaded(): Promise<void> {
    if (!this.options.policyReady) return;
    this.policyWait ??= Promise.race([
      this.options.policyReady.catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, POLICY_WAIT_MS)),
    ]);
    await this.policyWait;
  }

  /** The settings that apply: the agent's over the packs when the policy is wired, else storage's. */
  private async settings(): Promise<StoredSettings & { marketLocked?: boolean; agentName?: string; enabledFor?: (host: string) => boolean }> {
    await this.policyLoaded();
    const policy = this.options.policy?.();
    if (!policy) return this.options.readSettings();
    const e = policy.effective();
    return {
      market: e.market,
      uiLang: e.uiLang,
      marketLocked: e.locks.has('market'),
      agentName: e.agentName,
      enabledFor: (host) => isEnabledFor(e, host),
    };
  }

  uiLangOf(setting: unknown): UiLang {
    if (setting === 'en' || setting === 'ja') return setting;
    return this.options.browserUiLang().toLowerCase().startsWith('ja') ? 'ja' : 'en';
  }

  private async uiLang(stored: StoredSettings): Promise<UiLang> {
    return this.uiLangOf(stored.uiLang);
  }

  /** Languages loaded and loading. */
  langs(): { ready: Lang[]; loading: Lang[] } {
    return { ready: ALL_LANGS.filter((l) => this.engine.isReady(l)), loading: [...this.loading.keys()] };
  }

  /** The last analysis in a tab, if any (the popup's status line). */
  boxStatus(tabId: number): BoxStatus | undefined {
    return this.boxes.get(tabId);
  }

  private recordBox(sender: SenderLike | undefined, status: BoxStatus | undefined): void {
    const tab = sender?.tab as { id?: unknown } | undefined;
    if (!tab || !Number.isInteger(tab.id)) return;
    this.boxes.delete(tab.id as number);
    if (status) this.boxes.set(tab.id as number, status);
    if (this.boxes.size > 200) this.boxes.delete(this.boxes.keys().next().value!);
  }

  private async analyze(request: AnalyzeRequest, sender?: SenderLike): Promise<AnalyzeResponse> {
    const stored = await this.settings();
    const uiLang = await this.uiLang(stored);
    const policy = this.engine.activePolicy;
    const { context } = request;
    const setting = stored.marketLocked
      ? { value: typeof stored.market === 'string' ? stored.market : undefined, source: 'locked' as const }
      : request.market !== undefined
        ? { value: request.market, source: 'request' as const }
        : { value: typeof stored.market === 'string' ? stored.market : undefined, source: 'setting' as const };
    const chosen = resolveMarket(policy, setting, {
      recipients: context.recipients,
      customerLang: context.customerMessage ? detectLang(context.customerMessage) : undefined,
      draftLang: detectLang(request.text),
    });
    const resolved = this.engine.market(chosen.id);
    const market: MarketChoice = { id: chosen.id, name: resolved.name[uiLang], source: chosen.source };
    const host = sender?.url ? hostNameOf(sender.url) : undefined;
    if (host && stored.enabledFor && !stored.enabledFor(host)) {
      this.recordBox(sender, undefined);
      return { ok: true, state: 'disabled', market, uiLang };
    }

    const needed = new Set(this.engine.languagesOf(request.text));
    if (context.customerMessage) for (const l of this.engine.languagesOf(context.customerMessage)) needed.add(l);
    const missing = [...needed].filter((l) => !this.engine.isReady(l));
    if (missing.length > 0) {
      // Start the load and answer at once; the page waits on `warm` and asks again.
      for (const lang of missing) this.load(lang).catch(() => undefined);
      return { ok: true, state: 'loading', langs: missing, market, uiLang };
    }

    const report = this.engine.analyze(request.text, {
      market: chosen.id,
      uiLang,
      ...(context.customerMessage ? { customerMessage: context.customerMessage } : {}),
      ...(context.customerName ? { customerName: context.customerName } : {}),
      ...(stored.agentName ? { agentName: stored.agentName } : {}),
    });
    if (host) {
      const byKind: BoxStatus['findings']['byKind'] = {};
      const byLevel: BoxStatus['findings']['byLevel'] = {};
      for (const f of report.findings) {
        byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
        byLevel[f.level] = (byLevel[f.level] ?? 0) + 1;
      }
      this.recordBox(sender, {
        host,
        market,
        findings: { total: report.findings.length, byKind, byLevel },
        scores: report.scores,
        coverage: report.coverage,
        at: Date.now(),
      });
    }
    return { ok: true, state: 'ready', market, uiLang, report, rendered: this.render(report, uiLang), guard: this.guardInfo() };
  }

  /** The pre-send check's mode (the agent's off switch and the admin's lock already folded in) and who set it. */
  guardInfo(): GuardInfo {
    const { sendGuard, packs } = this.engine.activePolicy;
    const info: GuardInfo = { mode: sendGuard.value };
    if (sendGuard.packId && sendGuard.source) {
      const name = packs.find((p) => p.id === sendGuard.packId)?.name;
      info.setBy = { packId: sendGuard.packId, source: sendGuard.source, ...(name ? { packName: name } : {}) };
    }
    return info;
  }

  /** The findings' texts in the UI language, so the content script carries no message catalog. */
  render(report: Report, uiLang: UiLang): RenderedFinding[] {
    const catalog = this.engine.messages;
    return report.findings.map((f) => ({
      message: catalog.format(f.message, uiLang),
      reason: catalog.format(f.reason, uiLang),
      fixes: f.fixes.map((fix) => catalog.format(fix.label, uiLang)),
    }));
  }

  private async status(): Promise<StatusResponse> {
    const uiLang = await this.uiLang(await this.options.readSettings());
    return {
      ok: true,
      ready: ALL_LANGS.filter((l) => this.engine.isReady(l)),
      loading: [...this.loading.keys()],
      markets: [...this.engine.activePolicy.markets.values()].map((m) => ({ id: m.id, name: m.name[uiLang] })),
      uiLang,
    };
  }
}
