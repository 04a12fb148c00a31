import { describe, expect, it, vi } from 'vitest';
import { checkSender } from '../../lib/contract/sender';
import { ContextInvalidatedError, sendWithRetry } from '../../lib/contract/transport';
import { hostOfOrigin } from '../../lib/hosts/registry';
import { isWarmResponse, LIMITS, parseAnalyzeResponse, parseRequest } from '../../lib/contract/messages';

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXT_ORIGIN = `chrome-extension://${EXT_ID}`;

describe('hostOfOrigin', () => {
  it.each([
    ['https://mail.google.com', 'gmail'],
    ['https://acme.zendesk.com', 'zendesk'],
    ['https://acme-support.zendesk.com', 'zendesk'],
  ])('accepts %s', (origin, host) => expect(hostOfOrigin(origin)).toBe(host));

  it.each([
    'http://mail.google.com', // not https
    'https://mail.google.com.evil.example',
    'https://evil.example/mail.google.com',
    'https://zendesk.com', // no subdomain: not an agent workspace
    'https://a.b.zendesk.com', // one label only
    'https://acme.zendesk.com.evil.example',
    'https://acme.zendesk.com:8443',
    'https://google.com',
    'not a url',
  ])('rejects %s', (origin) => expect(hostOfOrigin(origin)).toBeUndefined());
});

describe('checkSender', () => {
  it('accepts a content script of this extension on a supported host', () => {
    const r = checkSender({ id: EXT_ID, origin: 'https://mail.google.com', url: 'https://mail.google.com/mail/u/0/', tab: {} }, EXT_ID, EXT_ORIGIN, hostOfOrigin);
    expect(r).toEqual({ ok: true, value: { kind: 'host', host: 'gmail' } });
  });

  it('derives the origin from the URL when the browser gives none (Firefox)', () => {
    const r = checkSender({ id: EXT_ID, url: 'https://acme.zendesk.com/agent/tickets/1' }, EXT_ID, EXT_ORIGIN, hostOfOrigin);
    expect(r).toEqual({ ok: true, value: { kind: 'host', host: 'zendesk' } });
  });

  it('accepts the extension’s own pages (popup, options)', () => {
    expect(checkSender({ id: EXT_ID, url: `${EXT_ORIGIN}/popup.html` }, EXT_ID, EXT_ORIGIN, hostOfOrigin)).toEqual({
      ok: true,
      value: { kind: 'extension' },
    });
  });

  it.each([
    ['another extension', { id: 'other', origin: 'https://mail.google.com' }],
    ['no id (a web page via externally_connectable)', { origin: 'https://mail.google.com' }],
    ['an unsupported host', { id: EXT_ID, origin: 'https://example.com', url: 'https://example.com/' }],
    ['no origin and no URL', { id: EXT_ID }],
    ['URL and origin disagree', { id: EXT_ID, origin: 'https://mail.google.com', url: 'https://example.com/' }],
    ['another extension’s origin', { id: EXT_ID, url: 'chrome-extension://zzzz/popup.html' }],
  ])('rejects %s', (_why, sender) => {
    expect(checkSender(sender, EXT_ID, EXT_ORIGIN, hostOfOrigin).ok).toBe(false);
  });

  it('rejects a missing sender', () => expect(checkSender(undefined, EXT_ID, EXT_ORIGIN, hostOfOrigin).ok).toBe(false));
});

describe('parseRequest', () => {
  it('parses an analyze request and drops empty context fields', () => {
    const r = parseRequest({
      type: 'tonebridge/analyze',
      text: '田中様',
      context: { customerMessage: ' ', customerName: '田中 様', recipients: ['tanaka@example.co.jp'] },
      market: 'auto',
    });
    expect(r).toEqual({
      ok: true,
      value: {
        type: 'tonebridge/analyze',
        text: '田中様',
        context: { customerName: '田中 様', recipients: ['tanaka@example.co.jp'] },
        market: 'auto',
      },
    });
  });

  it('parses warm and status', () => {
    expect(parseRequest({ type: 'tonebridge/warm' })).toEqual({ ok: true, value: { type: 'tonebridge/warm' } });
    expect(parseRequest({ type: 'tonebridge/warm', langs: ['ja', 'ja'] })).toEqual({
      ok: true,
      value: { type: 'tonebridge/warm', langs: ['ja'] },
    });
    expect(parseRequest({ type: 'tonebridge/status' })).toEqual({ ok: true, value: { type: 'tonebridge/status' } });
  });

  it.each([
    ['not an object', 'tonebridge/analyze'],
    ['an array', ['tonebridge/analyze']],
    ['a type off the allowlist', { type: 'tonebridge/eval', code: '1' }],
    ['no type', { text: 'x' }],
    ['text not a string', { type: 'tonebridge/analyze', text: 42, context: {} }],
    ['text too long', { type: 'tonebridge/analyze', text: 'a'.repeat(LIMITS.text + 1), context: {} }],
    ['an unexpected field', { type: 'tonebridge/analyze', text: 'x', context: {}, html: '<b>' }],
    ['an unexpected context field', { type: 'tonebridge/analyze', text: 'x', context: { agentName: 'x' } }],
    ['context not an object', { type: 'tonebridge/analyze', text: 'x', context: 'x' }],
    ['recipients not strings', { type: 'tonebridge/analyze', text: 'x', context: { recipients: [1] } }],
    ['customer message too long', { type: 'tonebridge/analyze', text: 'x', context: { customerMessage: 'a'.repeat(LIMITS.customerMessage + 1) } }],
    ['a market with odd characters', { type: 'tonebridge/analyze', text: 'x', context: {}, market: '../jp' }],
    ['warm with an unknown language', { type: 'tonebridge/warm', langs: ['fr'] }],
    ['status with extra fields', { type: 'tonebridge/status', x: 1 }],
  ])('rejects %s', (_why, message) => {
    expect(parseRequest(message).ok).toBe(false);
  });
});

describe('parseAnalyzeResponse', () => {
  const market = { id: 'jp', name: 'Japan', source: 'setting' };
  const finding = {
    ruleId: 'ja/missing-apology',
    kind: 'apology',
    level: 'warn',
    start: 4,
    end: 4,
    message: { id: 'ja/missing-apology:missing' },
    reason: { id: 'ja/missing-apology:reason' },
    fixes: [{ label: { id: 'ja/missing-apology:insert' }, edits: [{ start: 4, end: 4, text: 'x' }] }],
  };
  const ready = (findings: unknown[], rendered: unknown[]) => ({
    ok: true,
    state: 'ready',
    market,
    uiLang: 'en',
    report: { lang: 'ja', market: 'jp', findings, scores: {}, coverage: {}, cues: [] },
    rendered,
  });

  it('accepts a well-formed answer', () => {
    const r = parseAnalyzeResponse(ready([finding], [{ message: 'm', reason: 'r', fixes: ['Add'] }]), 10);
    expect(r.ok && r.value.ok && r.value.state).toBe('ready');
  });

  it('rejects spans outside the text it was asked about', () => {
    expect(parseAnalyzeResponse(ready([{ ...finding, end: 11 }], [{ message: 'm', reason: 'r', fixes: ['Add'] }]), 10).ok).toBe(false);
    const badEdit = { ...finding, fixes: [{ label: { id: 'x' }, edits: [{ start: 9, end: 12, text: '' }] }] };
    expect(parseAnalyzeResponse(ready([badEdit], [{ message: 'm', reason: 'r', fixes: ['Add'] }]), 10).ok).toBe(false);
  });

  it('rejects rendered texts that do not line up with the findings', () => {
    expect(parseAnalyzeResponse(ready([finding], []), 10).ok).toBe(false);
    expect(parseAnalyzeResponse(ready([finding], [{ message: 'm', reason: 'r', fixes: [] }]), 10).ok).toBe(false);
  });

  it('passes loading and failures through', () => {
    expect(parseAnalyzeResponse({ ok: true, state: 'loading', langs: ['ja'], market, uiLang: 'ja' }, 0)).toEqual({
      ok: true,
      value: { ok: true, state: 'loading', langs: ['ja'], market, uiLang: 'ja' },
    });
    expect(parseAnalyzeResponse({ ok: false, code: 'failed', error: 'boom' }, 0)).toEqual({
      ok: true,
      value: { ok: false, code: 'failed', error: 'boom' },
    });
    expect(parseAnalyzeResponse({ ok: false, code: 'weird' }, 0).ok).toBe(false);
    expect(parseAnalyzeResponse(undefined, 0).ok).toBe(false);
  });
});

describe('sendWithRetry', () => {
  const sleep = vi.fn(async () => undefined);
  const request = { type: 'tonebridge/status' } as const;

  it('retries while the service worker starts, backing off, and returns the answer', async () => {
    sleep.mockClear();
    const send = vi
      .fn()
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValueOnce(undefined) // answered before the listener was attached
      .mockResolvedValueOnce({ ok: true });
    await expect(sendWithRetry(send, request, { sleep, delayMs: 50 })).resolves.toEqual({ ok: true });
    expect(send).toHaveBeenCalledTimes(3);
    expect(sleep.mock.calls).toEqual([[50], [100]]);
  });

  it('gives up after the retries with the last error', async () => {
    const send = vi.fn().mockRejectedValue(new Error('The message port closed before a response was received.'));
    await expect(sendWithRetry(send, request, { sleep, retries: 2 })).rejects.toThrow(/message port closed/);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('does not retry other errors', async () => {
    const send = vi.fn().mockRejectedValue(new TypeError('boom'));
    await expect(sendWithRetry(send, request, { sleep })).rejects.toThrow('boom');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('a message that is never answered times out and is retried; if the extension is gone, it says so', async () => {
    const never = () => new Promise<unknown>(() => undefined);
    let calls = 0;
    const send = vi.fn(() => (++calls === 1 ? never() : Promise.resolve({ ok: true })));
    await expect(sendWithRetry(send, request, { sleep, timeoutMs: 20 })).resolves.toEqual({ ok: true });
    expect(send).toHaveBeenCalledTimes(2);
    let alive = true;
    const hung = vi.fn(() => {
      alive = false; // the extension reloads while the message is on its way
      return never();
    });
    await expect(sendWithRetry(hung, request, { sleep, timeoutMs: 20, alive: () => alive })).rejects.toBeInstanceOf(
      ContextInvalidatedError,
    );
  });

  it('reports an orphaned content script instead of retrying', async () => {
    const send = vi.fn().mockRejectedValue(new Error('Extension context invalidated.'));
    await expect(sendWithRetry(send, request, { sleep })).rejects.toBeInstanceOf(ContextInvalidatedError);
    expect(send).toHaveBeenCalledTimes(1);
    const never = vi.fn();
    await expect(sendWithRetry(never, request, { sleep, alive: () => false })).rejects.toBeInstanceOf(
      ContextInvalidatedError,
    );
    expect(never).not.toHaveBeenCalled();
  });
});

describe('isWarmResponse', () => {
  it.each<[unknown, boolean]>([
    [{ ok: true, ready: ['ja', 'en'] }, true],
    [{ ok: true, ready: [] }, true],
    [{ ok: true }, false],
    [{ ok: true, ready: ['fr'] }, false],
    [{ ok: false, code: 'failed', error: 'x' }, false],
    [undefined, false],
  ])('%j → %s', (answer, expected) => expect(isWarmResponse(answer)).toBe(expected));
});
