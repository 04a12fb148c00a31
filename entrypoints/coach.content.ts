// The content script for every registered host (lib/hosts/registry.ts): wiring only. Its matches are
// the registry's; the page's origin picks the adapter (lib/hosts/adapters.ts), and the compose layer
// (lib/compose) does the rest.
import { runCoaching } from '../lib/compose/content';
import { adapterForOrigin } from '../lib/hosts/adapters';
import { HOST_MATCHES } from '../lib/hosts/registry';

export default defineContentScript({
  matches: [...HOST_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    // The browser reads `*.zendesk.com` more widely than the registry: on a page no host claims, do nothing.
    const adapter = adapterForOrigin(location.origin);
    if (adapter) runCoaching(ctx, adapter);
  },
});
