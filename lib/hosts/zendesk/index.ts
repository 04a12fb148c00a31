/** Zendesk as one unit: its registry entry (host.ts), its DOM knowledge (selectors.ts) and its adapter. */
import { zendeskAdapter } from './adapter';
import { zendeskHost } from './host';
import * as selectors from './selectors';

export const zendesk = { ...zendeskHost, adapter: zendeskAdapter, selectors } as const;
