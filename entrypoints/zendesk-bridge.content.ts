// Main-world script on Zendesk: applies fixes through CKEditor 5's model (lib/hosts/zendesk/bridge.ts).
// It exposes one operation, "replace a range of the composer's text", and nothing else. Its pages are
// the Zendesk host's (lib/hosts/zendesk/host.ts); a host that needs no page-world bridge has no such file.
import { installBridge } from '../lib/hosts/zendesk/bridge';
import { zendeskHost } from '../lib/hosts/zendesk/host';

export default defineContentScript({
  matches: [...zendeskHost.matches],
  world: 'MAIN',
  runAt: 'document_idle',
  main() {
    installBridge(document);
  },
});
