/** Gmail as one unit: its registry entry (host.ts), its DOM knowledge (selectors.ts) and its adapter. */
import { gmailAdapter } from './adapter';
import { gmailHost } from './host';
import * as selectors from './selectors';

export const gmail = { ...gmailHost, adapter: gmailAdapter, selectors } as const;
