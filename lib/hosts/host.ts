/**
 * What a helpdesk contributes to the host registry (lib/hosts/registry.ts), and the one reading of its
 * match patterns that the sender check uses.
 *
 * A host folder `lib/hosts/<id>/` holds `host.ts` (this description: id, name, match patterns — data,
 * no DOM code), `selectors.ts`, `adapter.ts` (the HostAdapter) and `index.ts` (the three together).
 */

/** A WebExtension match pattern for an https host: `https://<host>/*`, `<host>` exact or `*.<domain>`. */
export type HttpsMatchPattern = `https://${string}/*`;

export interface HostInfo<Id extends string = string> {
  readonly id: Id;
  /** How the popup and docs name it. */
  readonly name: string;
  /** The pages coached: the content script's `matches` and the manifest's `host_permissions`. */
  readonly matches: readonly HttpsMatchPattern[];
}

// One label of a DNS name: letters, digits and inner hyphens, at most 63 characters.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const PATTERN = /^https:\/\/(\*\.)?([a-z0-9.-]+)\/\*$/;

/** Checks a host description at load time (a typo in a pattern fails the build, not the agent). */
export function defineHost<const Id extends string>(info: HostInfo<Id>): HostInfo<Id> {
  if (!/^[a-z][a-z0-9-]*$/.test(info.id)) throw new Error(`host id "${info.id}" must be lower-case letters, digits and hyphens`);
  if (info.matches.length === 0) throw new Error(`host ${info.id} has no match patterns`);
  for (const pattern of info.matches) {
    const m = PATTERN.exec(pattern);
    if (!m || !m[2]!.split('.').every((label) => LABEL.test(label)))
      throw new Error(`host ${info.id}: "${pattern}" is not https://<host>/* or https://*.<domain>/*`);
  }
  return info;
}

/**
 * Whether a host name is one a match pattern covers, read strictly: `*.zendesk.com` stands for exactly
 * one DNS label before the domain (`acme.zendesk.com`, not `zendesk.com` nor `a.b.zendesk.com`). The
 * browser's reading is wider; the background's sender check uses this one, so a message from a page
 * that is not a tenant's agent workspace is refused even if a content script runs there.
 */
export function patternCoversHostname(pattern: HttpsMatchPattern, hostname: string): boolean {
  const m = PATTERN.exec(pattern);
  if (!m) return false;
  const domain = m[2]!;
  if (!m[1]) return hostname === domain;
  if (!hostname.endsWith(`.${domain}`)) return false;
  return LABEL.test(hostname.slice(0, -domain.length - 1));
}
