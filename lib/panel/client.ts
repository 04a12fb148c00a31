/**
 * Typed helpers for the popup and options page: send a panel message to the background (retrying
 * while the service worker starts, lib/contract/transport.ts `sendWithRetry`) and check the answer's envelope
 * (`parsePanelAnswer`). A transport failure or a malformed answer comes back as a `PanelFailure` with
 * code `failed`, so pages handle one shape.
 *
 *   const panel = createPanelClient((m) => browser.runtime.sendMessage(m));
 *   const answer = await panel.state(tabId);
 *   if (answer.ok) render(answer.state); else showError(answer.error, answer.path);
 */
import { sendWithRetry, type RetryOptions } from '../contract/transport';
import { parsePanelAnswer, type AgentSettingsPatch, type PanelFailure, type PanelMessageType, type PanelRequest, type PanelResponseOf } from '../contract/panel';

export type PanelSend = (message: PanelRequest) => Promise<unknown>;

export interface PanelClient {
  state(tabId?: number): Promise<PanelResponseOf['tonebridge/panel/state']>;
  settings(patch: AgentSettingsPatch): Promise<PanelResponseOf['tonebridge/panel/settings']>;
  importPack(text: string, fileName?: string): Promise<PanelResponseOf['tonebridge/panel/import']>;
  removeImport(packId: string): Promise<PanelResponseOf['tonebridge/panel/remove-import']>;
  subscribe(url: string, publicKey: string): Promise<PanelResponseOf['tonebridge/panel/subscribe']>;
  unsubscribe(url: string): Promise<PanelResponseOf['tonebridge/panel/unsubscribe']>;
  refresh(url?: string): Promise<PanelResponseOf['tonebridge/panel/refresh']>;
  /** Any panel request (the typed helpers above call this). */
  send<T extends PanelMessageType>(request: Extract<PanelRequest, { type: T }>): Promise<PanelResponseOf[T]>;
}

function failed(error: unknown): PanelFailure {
  return { ok: false, code: 'failed', error: error instanceof Error ? error.message : String(error) };
}

export function createPanelClient(send: PanelSend, retry: RetryOptions = {}): PanelClient {
  async function request<T extends PanelMessageType>(message: Extract<PanelRequest, { type: T }>): Promise<PanelResponseOf[T]> {
    let answer: unknown;
    try {
      answer = await sendWithRetry<unknown, PanelRequest>(send, message, retry);
    } catch (error) {
      return failed(error) as PanelResponseOf[T];
    }
    const parsed = parsePanelAnswer(message.type as T, answer);
    if (!parsed.ok) return failed(`bad answer from the background: ${parsed.error}`) as PanelResponseOf[T];
    return parsed.value;
  }
  return {
    state: (tabId) => request({ type: 'tonebridge/panel/state', ...(tabId !== undefined ? { tabId } : {}) }),
    settings: (patch) => request({ type: 'tonebridge/panel/settings', patch }),
    importPack: (text, fileName) => request({ type: 'tonebridge/panel/import', text, ...(fileName !== undefined ? { fileName } : {}) }),
    removeImport: (packId) => request({ type: 'tonebridge/panel/remove-import', packId }),
    subscribe: (url, publicKey) => request({ type: 'tonebridge/panel/subscribe', url, publicKey }),
    unsubscribe: (url) => request({ type: 'tonebridge/panel/unsubscribe', url }),
    refresh: (url) => request({ type: 'tonebridge/panel/refresh', ...(url !== undefined ? { url } : {}) }),
    send: request,
  };
}
