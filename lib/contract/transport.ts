/**
 * The transport under the contract: `runtime.sendMessage` with retries while the MV3 service worker
 * (re)starts, a timeout for a message that is never answered, and a clean stop when the extension
 * was reloaded under a content script.
 *
 * Why not `@webext-core/messaging`: it has no retry for a sleeping worker and no answer timeout, and
 * its envelope would change the wire format (see lib/contract/messages.ts); its typing is what the
 * schemas here already give.
 */
import type { Request } from './messages';

// ---------------------------------------------------------------------------------------------
// Client: send with retry. A stopped service worker wakes on the next message; while it starts (or
// when it was stopped mid-answer) `sendMessage` rejects — try again with back-off, quietly.
// ---------------------------------------------------------------------------------------------

/** The extension was reloaded or updated: this content script is orphaned and must go quietly. */
export class ContextInvalidatedError extends Error {
  constructor(cause?: unknown) {
    super('extension context invalidated');
    this.name = 'ContextInvalidatedError';
    this.cause = cause;
  }
}

/** Errors that mean "the background is (re)starting": worth another try. */
export function isTransientError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /receiving end does not exist|could not establish connection|message port closed|message channel closed|no response/i.test(
    message,
  );
}

export function isInvalidatedError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /extension context invalidated|extension was reloaded|runtime\.id/i.test(message);
}

export interface RetryOptions {
  /** Attempts after the first. */
  retries?: number;
  /** First back-off delay in ms; doubles each time. */
  delayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Whether the extension is still there (`browser.runtime?.id`). */
  alive?: () => boolean;
  /**
   * Longest wait for one answer, in ms (default 15 s). A message sent while the extension reloads can
   * stay unanswered for ever; after the timeout the attempt counts as failed (and retried if alive).
   */
  timeoutMs?: number;
}

class TimeoutError extends Error {
  constructor(ms: number) {
    super(`no response from the background within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutError(ms)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends through `send` (e.g. `browser.runtime.sendMessage`), retrying transient failures and an
 * empty answer (the worker answered before its listener was attached). Throws ContextInvalidatedError
 * when the extension is gone, or the last error after the retries.
 */
export async function sendWithRetry<T, M = Request>(
  send: (message: M) => Promise<unknown>,
  message: M,
  options: RetryOptions = {},
): Promise<T> {
  const retries = options.retries ?? 5;
  const sleep = options.sleep ?? defaultSleep;
  let delay = options.delayMs ?? 100;
  let lastError: unknown;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (options.alive && !options.alive()) throw new ContextInvalidatedError();
    try {
      const answer = await withTimeout(send(message), options.timeoutMs ?? 15_000);
      if (answer !== undefined) return answer as T;
      lastError = new Error('no response from the background');
    } catch (error) {
      if (isInvalidatedError(error) || (options.alive && !options.alive())) throw new ContextInvalidatedError(error);
      if (!isTransientError(error) && !(error instanceof TimeoutError)) throw error;
      lastError = error;
    }
    if (attempt < retries) {
      await sleep(delay);
      delay *= 2;
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
