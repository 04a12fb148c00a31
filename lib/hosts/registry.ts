/**
 * The host registry: every helpdesk Tonebridge coaches on, one folder each under lib/hosts/. The
 * manifest's `host_permissions` (wxt.config.ts), the content script's `matches`
 * (entrypoints/coach.content.ts) and the background's sender check (lib/coach/service.ts hands
 * `hostOfOrigin` to lib/contract/sender.ts) are all
 * derived from this list; test/hosts/registry.test.ts checks that every folder is registered and that
 * the built manifest agrees.
 *
 * Data only (no adapters, no DOM code): wxt.config.ts and the background import it. The content
 * script takes the adapters from lib/hosts/adapters.ts.
 *
 * Adding a host: `lib/hosts/<id>/` (host.ts, selectors.ts, adapter.ts, index.ts), one line here and
 * one in adapters.ts, a fixture page in test/fixtures/ and its tests.
 */
import { gmailHost } from './gmail/host';
import { patternCoversHostname, type HostInfo } from './host';
import { zendeskHost } from './zendesk/host';

export const HOSTS = [gmailHost, zendeskHost] as const;

export type HostId = (typeof HOSTS)[number]['id'];

/** Every page a content script runs on (and the extension may read): the union of the hosts' patterns. */
export const HOST_MATCHES: readonly string[] = HOSTS.flatMap((h) => h.matches);

/** Which registered host an origin belongs to, if any. Only https on the default port, no credentials. */
export function hostOfOrigin(origin: string): HostId | undefined {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') return undefined;
  const found = HOSTS.find((h: HostInfo) => h.matches.some((p) => patternCoversHostname(p, url.hostname)));
  return found?.id as HostId | undefined;
}
