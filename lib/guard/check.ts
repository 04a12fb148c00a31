/**
 * The pre-send check's part of a compose session: its own state (the last answer's check, "don't ask
 * again", the reasons given in block mode) and the one interface the interceptor uses (`GuardSession`).
 * The compose session owns one `SessionSendCheck` and hands it a narrow port (`CheckPort`); nothing in
 * lib/guard imports lib/compose.
 *
 * Why a remembered answer. Chrome stops an idle MV3 service worker after 30 s and agents pause longer
 * than that all the time. The session keeps the last answer for the exact text it analysed; Send with
 * that text unchanged decides from it at once, with no round trip to a worker that may be asleep. Only
 * a changed text (typed after the last answer) or no answer yet needs the worker: then the check waits
 * for it (a stopped worker wakes on the message and loads the dictionary), while the interceptor shows
 * that it is checking.
 */
import type { Lang, UiLang } from '../engine/types';
import type { GuardInfo } from '../contract/messages';
import type { SendGuard } from '../policy/types';
import type { GuardFinding } from './decide';

/** What the pre-send check knows about one text: the guard mode and its open findings. */
export interface PreSendCheck {
  text: string;
  uiLang: UiLang;
  /** The market's name in the UI language. */
  market?: string;
  guard: GuardInfo;
  /** The open (not dismissed) findings, in text order. */
  findings: GuardFinding[];
}

/** What the interceptor (./interceptor.ts) needs of a compose box. */
export interface GuardSession {
  readonly editable: HTMLElement;
  readonly isCoached: boolean;
  /** The guard mode as of the last answer (undefined before the first); `off` lets sends through unheld. */
  readonly guardMode: SendGuard | undefined;
  /** The UI language of the last answer (for the "checking" note). */
  readonly uiLang: UiLang;
  /** "Don't ask again for this message" (warn-level findings). */
  skipAsk: boolean;
  /** The check of the text as it is now when the last answer was for exactly this text: no round trip. */
  lastCheck(): PreSendCheck | undefined;
  /**
   * A fresh check of the text as it is now, waiting for the worker (woken by the request) and for a
   * language it must load; undefined when Tonebridge failed (an error, a dead extension).
   */
  checkNow(): Promise<PreSendCheck | undefined>;
  /** Opens the card of an open finding (Review); whether it exists. */
  reviewFinding(key: string): boolean;
  /** Dismisses an open finding with the agent's typed reason (block mode). */
  dismissWithReason(key: string, reason: string): boolean;
}

/** How one analysis for the pre-send check went (the session draws the answer as usual). */
export type CheckAnswer =
  | { status: 'ready' }
  | { status: 'loading'; langs: Lang[] }
  | { status: 'off' }
  | { status: 'failed' };

/** What the check needs of the compose session that owns it. */
export interface CheckPort {
  readonly editable: HTMLElement;
  coached(): boolean;
  /** The draft as it is now. */
  read(): string;
  /** The answer on screen as a check (its text, guard and the open findings), if it is still current
   * for the settings (a market switch makes it stale until the next answer). */
  drawn(): PreSendCheck | undefined;
  /** The UI language of the last answer. */
  uiLang(): UiLang;
  /** Analyses `text` and draws the answer. */
  analyze(text: string): Promise<CheckAnswer>;
  /** Waits until `langs` are loaded; false if loading failed. */
  warm(langs: Lang[]): Promise<boolean>;
  openFinding(key: string): boolean;
  dismissFinding(key: string): boolean;
}

/** Rounds of (analyse, wait for the language, analyse again) before the check gives up. */
const MAX_ROUNDS = 4;

export class SessionSendCheck implements GuardSession {
  skipAsk = false;
  /** Reasons the agent gave for dismissing findings in block mode, by finding key. */
  readonly reasons = new Map<string, string>();
  /** The last mode an answer carried (kept while the answer on screen is stale). */
  private lastMode?: SendGuard;

  constructor(private readonly port: CheckPort) {}

  get editable(): HTMLElement {
    return this.port.editable;
  }

  get isCoached(): boolean {
    return this.port.coached();
  }

  get guardMode(): SendGuard | undefined {
    const mode = this.port.drawn()?.guard.mode;
    if (mode) this.lastMode = mode;
    return this.lastMode;
  }

  get uiLang(): UiLang {
    return this.port.uiLang();
  }

  /** Tonebridge is off for this box (the agent's switch): so is the check. */
  turnedOff(): void {
    this.lastMode = 'off';
  }

  lastCheck(): PreSendCheck | undefined {
    if (!this.port.coached()) return undefined;
    const drawn = this.port.drawn();
    if (!drawn || drawn.text !== this.port.read()) return undefined;
    this.lastMode = drawn.guard.mode;
    return drawn;
  }

  async checkNow(): Promise<PreSendCheck | undefined> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      if (!this.port.coached()) return undefined;
      const text = this.port.read();
      const answer = await this.port.analyze(text);
      if (answer.status === 'failed') return undefined;
      if (answer.status === 'off') {
        this.lastMode = 'off';
        return { text, uiLang: this.port.uiLang(), guard: { mode: 'off' }, findings: [] };
      }
      if (answer.status === 'loading') {
        // The worker woke without the language: wait for it, then ask again.
        if (!(await this.port.warm(answer.langs))) return undefined;
        continue;
      }
      const drawn = this.port.drawn();
      if (drawn && drawn.text === text) {
        this.lastMode = drawn.guard.mode;
        // The agent typed while we asked: that text is what would be sent, check it instead.
        if (this.port.read() === text) return drawn;
      }
    }
    return undefined;
  }

  reviewFinding(key: string): boolean {
    return this.port.openFinding(key);
  }

  dismissWithReason(key: string, reason: string): boolean {
    if (reason.trim() === '') return false;
    if (!this.port.dismissFinding(key)) return false;
    this.reasons.set(key, reason.trim());
    return true;
  }
}
