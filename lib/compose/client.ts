/**
 * The content script's side of the protocol: analysis and warm-up requests to the background, with
 * retries while the service worker (re)starts and every answer checked before it is drawn.
 */
import type { Lang } from '../engine/types';
import { ContextInvalidatedError, sendWithRetry, type RetryOptions } from '../contract/transport';
import { isWarmResponse, parseAnalyzeResponse, type AnalyzeResponse, type DraftContext, type Request } from '../contract/messages';
import type { MarketSetting } from '../contract/settings';

export interface CoachClient {
  analyze(text: string, context: DraftContext, market?: MarketSetting): Promise<AnalyzeResponse>;
  /** Resolves true when the languages are loaded, false if loading failed. */
  warm(langs?: Lang[]): Promise<boolean>;
}

export function createCoachClient(
  send: (message: Request) => Promise<unknown>,
  alive: () => boolean,
  retry: Omit<RetryOptions, 'alive'> = {},
): CoachClient {
  const options = { ...retry, alive };
  return {
    async analyze(text, context, market) {
      const request: Request = { type: 'tonebridge/analyze', text, context, ...(market ? { market } : {}) };
      let answer: unknown;
      try {
        answer = await sendWithRetry<unknown>(send, request, options);
      } catch (error) {
        if (error instanceof ContextInvalidatedError) throw error;
        return { ok: false, code: 'failed', error: error instanceof Error ? error.message : String(error) };
      }
      const parsed = parseAnalyzeResponse(answer, text.length);
      if (!parsed.ok) return { ok: false, code: 'failed', error: `bad answer from the background: ${parsed.error}` };
      return parsed.value;
    },
    async warm(langs) {
      try {
        // Loading the dictionary takes seconds on a slow machine: allow it a minute.
        const answer = await sendWithRetry<unknown>(send, { type: 'tonebridge/warm', ...(langs ? { langs } : {}) }, {
          ...options,
          timeoutMs: 60_000,
          retries: 2,
        });
        return isWarmResponse(answer);
      } catch (error) {
        if (error instanceof ContextInvalidatedError) throw error;
        return false;
      }
    },
  };
}
