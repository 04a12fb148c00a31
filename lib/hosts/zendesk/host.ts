/**
 * Zendesk Agent Workspace in the host registry (lib/hosts/registry.ts): its id and the pages it is
 * coached on. Data only (see lib/hosts/gmail/host.ts). `*.zendesk.com` is one tenant label
 * (`acme.zendesk.com`) for the sender check, as lib/hosts/host.ts explains.
 */
import { defineHost } from '../host';

export const zendeskHost = defineHost({
  id: 'zendesk',
  name: 'Zendesk',
  matches: ['https://*.zendesk.com/*'],
});
