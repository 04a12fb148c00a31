/**
 * Who may talk to the background coach: this extension (`sender.id`), from a registered host's page
 * (a content script) or from one of the extension's own pages (popup, options). Checked on every
 * message before its shape is.
 *
 * The hosts are data the caller passes (`hostOf`, in the background lib/hosts/registry.ts's
 * `hostOfOrigin`): the contract sits below the app layer that knows the helpdesks.
 */
import type { Parsed } from './parse';

/** The parts of `runtime.MessageSender` we check. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
}

/** An URL's origin; for extension schemes, which some URL parsers give `null`, scheme and host. */
export function originOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.origin !== 'null') return parsed.origin;
  if (/^(?:chrome|moz|safari-web)-extension:$/.test(parsed.protocol) && parsed.host) return `${parsed.protocol}//${parsed.host}`;
  return undefined;
}

export type SenderKind<H extends string = string> = { kind: 'host'; host: H } | { kind: 'extension' };

/**
 * `extensionOrigin` is `originOf(runtime.getURL('/'))`; `hostOf` names the supported host an origin
 * belongs to (undefined: not one).
 */
export function checkSender<H extends string>(
  sender: SenderLike | undefined,
  extensionId: string,
  extensionOrigin: string,
  hostOf: (origin: string) => H | undefined,
): Parsed<SenderKind<H>> {
  if (!sender || sender.id !== extensionId) return { ok: false, error: 'sender is not this extension' };
  let origin = sender.origin;
  if (origin === undefined || origin === 'null') {
    if (!sender.url) return { ok: false, error: 'sender has no origin' };
    origin = originOf(sender.url);
    if (!origin) return { ok: false, error: 'sender URL has no origin' };
  }
  if (origin === extensionOrigin) return { ok: true, value: { kind: 'extension' } };
  const host = hostOf(origin);
  if (!host) return { ok: false, error: `origin ${origin} is not a supported host` };
  // A content script's URL, when given, must agree with its origin.
  if (sender.url && originOf(sender.url) !== origin) return { ok: false, error: 'sender URL and origin disagree' };
  return { ok: true, value: { kind: 'host', host } };
}
