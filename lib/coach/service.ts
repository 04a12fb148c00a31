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
  type MarketChoice,
  type RenderedFinding,
  type SenderLike,
  type StatusResponse,
  type WarmResponse,
} from '../messaging';
import { resolveMarket } from './market';

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
}

export type CoachAnswer = AnalyzeResponse | WarmResponse | StatusResponse | Failure;

const ALL_LANGS: readonly Lang[] = ['ja', 'en'];

function failure(code: Failure['code'], error: string): Failure {
  return { ok: false, code, error };
}

export class CoachService {
  private readonly engine: Engine;
  private readonly loading = new Map<Lang, Promise<void>>();

  constructor(private readonly options: CoachOptions) {
    this.engine = options.engine;
  }

  /** Answers one message; never throws (a failure is an answer). */
  async handle(message: unknown, sender: SenderLike | undefined): Promise<CoachAnswer> {
    const who = checkSender(sender, this.options.extensionId, this.options.extensionOrigin);
    if (!who.ok) return failure('forbidden', who.error);
    const parsed = parseRequest(message);
    if (!parsed.ok) return failure('invalid', parsed.error);
    const request = parsed.value;
    try {
      switch (request.type) {
        case 'tonebridge/analyze':
          return await this.analyze(request);
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

  private async uiLang(stored: StoredSettings): Promise<UiLang> {
    if (stored.uiLang === 'en' || stored.uiLang === 'ja') return stored.uiLang;
    return this.options.browserUiLang().toLowerCase().startsWith('ja') ? 'ja' : 'en';
  }

  private async analyze(request: AnalyzeRequest): Promise<AnalyzeResponse> {
    const stored = await this.options.readSettings();
    const uiLang = await this.uiLang(stored);
    const policy = this.engine.activePolicy;
    const { context } = request;
    const setting =
      request.market !== undefined
        ? { value: request.market, source: 'request' as const }
        : { value: typeof stored.market === 'string' ? stored.market : undefined, source: 'setting' as const };
    const chosen = resolveMarket(policy, setting, {
      recipients: context.recipients,
      customerLang: context.customerMessage ? detectLang(context.customerMessage) : undefined,
      draftLang: detectLang(request.text),
    });
    const resolved = this.engine.market(chosen.id);
    const market: MarketChoice = { id: chosen.id, name: resolved.name[uiLang], source: chosen.source };

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
    });
    return { ok: true, state: 'ready', market, uiLang, report, rendered: this.render(report, uiLang) };
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
