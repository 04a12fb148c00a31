/**
 * The registered hosts with their adapters, for the content script (entrypoints/coach.content.ts).
 * Same list and order as lib/hosts/registry.ts (test/hosts/registry.test.ts checks it).
 */
import { gmail } from './gmail';
import type { HostInfo } from './host';
import { hostOfOrigin, type HostId } from './registry';
import type { HostAdapter } from './types';
import { zendesk } from './zendesk';

export const HOST_ADAPTERS: readonly (HostInfo<HostId> & { adapter: HostAdapter })[] = [gmail, zendesk];

/** The adapter for a page's origin (`location.origin`), if the page is a registered host. */
export function adapterForOrigin(origin: string): HostAdapter | undefined {
  const id = hostOfOrigin(origin);
  return HOST_ADAPTERS.find((h) => h.id === id)?.adapter;
}
