/**
 * The background coach: one engine per browser, answering the content scripts' and extension pages'
 * messages (lib/contract/messages.ts, lib/contract/panel.ts). Every message is validated (sender, type, shape) before use.
 *
 * Japanese loads lazily: an analysis that needs a language still loading answers `loading` at once
 * (the page shows "loading", never findings computed without the language) and starts the load; the
 * page then waits on `tonebridge/warm` and asks again. A compose box's focus sends `warm` early.
 */
import type { Engine } from '../engine/engine';
import type { ResolvedPolicy } from '../policy/types';
import { detectLang } from '../engine/language';
import type { Lang, Report, UiLang } from '../engine/types';
import { checkSender, type SenderLike } from '../contract/sender';
import { hostOfOrigin } from '../hosts/registry';
import { parseRequest, type AnalyzeRequest, type AnalyzeResponse, type Failure, type GuardInfo, type MarketChoice, type RenderedFinding, type StatusResponse, type WarmResponse } from '../contract/messages';
import { isBoxStatus, isPanelMessage, type BoxStatus, type PanelAnswer } from '../contract/panel';
import { resolveMarket } from './market';

/** The sender tab's host name (content scripts only; extension pages have none). */
function hostOf(sender: SenderLike | undefined): string | undefined {
  const url = sender?.url ?? sender?.origin;
  if (!url || !sender?.tab) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

function tabIdOf(sender: SenderLike | undefined): number | undefined {
  const tab = sender?.tab;
  if (typeof tab !== 'object' || tab === null) return undefined;
  const id = (tab as { id?: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : undefined;
}

/**
 * Settings for one analysis. Raw fields (`market`, `uiLang`) are validated here: storage is another
 * context's writing. The background passes the EFFECTIVE settings (agent settings over the policy,
 * locks applied — lib/coach/policy.ts); tests may pass raw ones.
 */
export interface StoredSettings {
  market?: unknown;
  uiLang?: unknown;
  /** The agent's display name (the ownership sentence). */
  agentName?: string;
  /** A pack locks the market: it wins over a market named in the request too. */
  marketLocked?: boolean;
  /** Whether coaching runs on a host (global switch and per-site switch); absent: everywhere. */
  siteEnabled?: (host: string) => 'on' | 'off' | 'site';
}

/** The part of `browser.storage.session` used for box statuses. */
export interface BoxArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export const BOX_KEY_PREFIX = 'tonebridge.box.';

/** Handles the extension pages' messages (lib/coach/panel.ts); the service has checked the sender. */
export interface PanelHandler {
  handle(message: unknown, coach: CoachService): Promise<PanelAnswer>;
}

export interface CoachOptions {
  engine: Engine<ResolvedPolicy>;
  extensionId: string;
  /** `originOf(runtime.getURL('/'))`. */
  extensionOrigin: string;
  readSettings: () => Promise<StoredSettings>;
  /** The browser's UI language (`i18n.getUILanguage()`), for `uiLang: auto`. */
  browserUiLang: () => string;
  /** Resolves when the stored policy is in the engine (bounded; MV3 restarts). */
  ready?: () => Promise<void>;
  /**
   * Where box statuses outlive the service worker (`browser.storage.session`: memory only, cleared
   * with the browser): the popup opened a minute after the last keystroke still shows the box.
   */
  boxArea?: BoxArea;
  panel?: PanelHandler;
  /**
   * How long an analysis that needs a language still loading waits for it before answering `loading`
   * (default 0: at once). The compiled dictionary loads in well under a second, so the extension waits
   * rather than make the page warm and ask again (two more round trips after every worker restart).
   */
  loadWaitMs?: number;
  /**
   * Where the languages that were loaded are remembered across service-worker restarts
   * (`browser.storage.session`): a restarted worker starts loading them at once, while the first
   * request is still on its way (it does not keep the worker alive).
   */
  langsArea?: LangsArea;
}

/** The session area's slice for the languages loaded (`storage.session`, memory only). */
export interface LangsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(values: Record<string, unknown>): Promise<void>;
}

const LANGS_KEY = 'tonebridge.loadedLangs';

export type CoachAnswer = AnalyzeResponse | WarmResponse | StatusResponse | Failure | PanelAnswer;

/** How long box statuses are kept per tab (the popup shows the box the agent just worked in). */
const MAX_BOXES = 50;

const ALL_LANGS: readonly Lang[] = ['ja', 'en'];

function failure(code: Failure['code'], error: string): Failure {
  return { ok: false, code, error };
}

export class CoachService {
  private readonly engine: Engine<ResolvedPolicy>;
  private readonly loading = new Map<Lang, Promise<void>>();
  private readonly boxes = new Map<number, BoxStatus>();

  constructor(private readonly options: CoachOptions) {
    this.engine = options.engine;
  }

  /** A restarted worker: loads again the languages the last one had loaded (see `langsArea`). */
  async resumeLangs(): Promise<void> {
    const area = this.options.langsArea;
    if (!area) return;
    try {
      const stored = (await area.get(LANGS_KEY))[LANGS_KEY];
      const langs = Array.isArray(stored) ? stored.filter((l): l is Lang => ALL_LANGS.includes(l as Lang)) : [];
      await Promise.all(langs.map((l) => this.load(l).catch(() => undefined)));
    } catch {
      // No session area (older browser): languages load on first use.
    }
  }

  /** Answers one message; never throws (a failure is an answer). */
  async handle(message: unknown, sender: SenderLike | undefined): Promise<CoachAnswer> {
    const who = checkSender(sender, this.options.extensionId, this.options.extensionOrigin, hostOfOrigin);
    if (!who.ok) return failure('forbidden', who.error);
    if (isPanelMessage(message)) {
      // Popup and options only: a content script (a web page's neighbour) may not change settings.
      if (who.value.kind !== 'extension') return failure('forbidden', 'only extension pages may send panel messages');
      if (!this.options.panel) return failure('invalid', 'panel messages are not served here');
      try {
        return await this.options.panel.handle(message, this);
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
      pending = this.engine
        .prepare([lang])
        .then(() => this.rememberLangs())
        .finally(() => this.loading.delete(lang));
      this.loading.set(lang, pending);
    }
    return pending;
  }

  private rememberLangs(): void {
    const langs = ALL_LANGS.filter((l) => l !== 'en' && this.engine.isReady(l));
    this.options.langsArea?.set({ [LANGS_KEY]: langs }).catch(() => undefined);
  }

  async warm(langs: Lang[]): Promise<WarmResponse | Failure> {
    try {
      await Promise.all(langs.map((l) => this.load(l)));
    } catch (error) {
      return failure('failed', `could not load the analyser: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { ok: true, ready: ALL_LANGS.filter((l) => this.engine.isReady(l)) };
  }

  /** Languages loaded and loading (the popup shows them). */
  langs(): { ready: Lang[]; loading: Lang[] } {
    return { ready: ALL_LANGS.filter((l) => this.engine.isReady(l)), loading: [...this.loading.keys()] };
  }

  /** What the coach last answered for a compose box in a tab. */
  boxFor(tabId: number): BoxStatus | undefined {
    return this.boxes.get(tabId);
  }

  /** The box status of a tab, from memory or, after a worker restart, from the session area. */
  async restoredBoxFor(tabId: number): Promise<BoxStatus | undefined> {
    const inMemory = this.boxes.get(tabId);
    if (inMemory || !this.options.boxArea) return inMemory;
    const key = `${BOX_KEY_PREFIX}${tabId}`;
    try {
      const stored = (await this.options.boxArea.get(key))[key];
      // Our own writing, but another version may have written it: the shape is checked.
      if (isBoxStatus(stored)) {
        this.boxes.set(tabId, stored);
        return stored;
      }
    } catch {
      // no session storage: memory only
    }
    return undefined;
  }

  /** The tab closed or navigated away: forget its box. */
  forgetTab(tabId: number): void {
    this.boxes.delete(tabId);
    void this.options.boxArea?.remove(`${BOX_KEY_PREFIX}${tabId}`).catch(() => undefined);
  }

  async uiLangOf(stored: StoredSettings): Promise<UiLang> {
    return this.uiLang(stored);
  }

  private async uiLang(stored: StoredSettings): Promise<UiLang> {
    if (stored.uiLang === 'en' || stored.uiLang === 'ja') return stored.uiLang;
    return this.options.browserUiLang().toLowerCase().startsWith('ja') ? 'ja' : 'en';
  }

  private async analyze(request: AnalyzeRequest, sender: SenderLike | undefined): Promise<AnalyzeResponse> {
    // Languages the draft and the customer's message need start loading before the policy is read.
    const needed = new Set(this.engine.languagesOf(request.text));
    if (request.context.customerMessage) for (const l of this.engine.languagesOf(request.context.customerMessage)) needed.add(l);
    const loads = [...needed].filter((l) => !this.engine.isReady(l)).map((l) => this.load(l).catch(() => undefined));
    await this.options.ready?.();
    const stored = await this.options.readSettings();
    const host = hostOf(sender);
    const uiLang = await this.uiLang(stored);
    const policy = this.engine.activePolicy;
    const { context } = request;
    // A locked market wins over a market named in the request too (source `locked`).
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

    if (host && stored.siteEnabled && stored.siteEnabled(host) !== 'on') {
      // Switched off (everywhere or on this site): no report, no badge.
      const tabId = tabIdOf(sender);
      if (tabId !== undefined) this.forgetTab(tabId);
      return { ok: true, state: 'disabled', market, uiLang };
    }

    const wait = this.options.loadWaitMs ?? 0;
    if (loads.length > 0 && wait > 0) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([Promise.all(loads), new Promise((resolve) => (timer = setTimeout(resolve, wait)))]);
      clearTimeout(timer);
    }
    const missing = [...needed].filter((l) => !this.engine.isReady(l));
    if (missing.length > 0) {
      // Still loading (or failed): answer at once; the page shows "loading", waits on `warm` and asks again.
      return { ok: true, state: 'loading', langs: missing, market, uiLang };
    }

    const report = this.engine.analyze(request.text, {
      market: chosen.id,
      uiLang,
      ...(context.customerMessage ? { customerMessage: context.customerMessage } : {}),
      ...(context.customerName ? { customerName: context.customerName } : {}),
      ...(stored.agentName ? { agentName: stored.agentName } : {}),
    });
    const tabId = tabIdOf(sender);
    if (tabId !== undefined && host) this.remember(tabId, host, market, report);
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

  private remember(tabId: number, host: string, market: MarketChoice, report: Report): void {
    const byKind: BoxStatus['findings']['byKind'] = {};
    const byLevel: BoxStatus['findings']['byLevel'] = {};
    for (const f of report.findings) {
      byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
      byLevel[f.level] = (byLevel[f.level] ?? 0) + 1;
    }
    const box: BoxStatus = {
      host,
      market,
      findings: { total: report.findings.length, byKind, byLevel },
      scores: { ...report.scores },
      coverage: { ...report.coverage },
      at: Date.now(),
    };
    this.boxes.delete(tabId);
    this.boxes.set(tabId, box);
    if (this.boxes.size > MAX_BOXES) this.forgetTab(this.boxes.keys().next().value!);
    void this.options.boxArea?.set({ [`${BOX_KEY_PREFIX}${tabId}`]: box }).catch(() => undefined);
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
    await this.options.ready?.();
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
