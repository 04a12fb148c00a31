// Main-world script on Zendesk: applies fixes through CKEditor 5's model (lib/hosts/zendesk/bridge.ts).
// It exposes one operation, "replace a range of the composer's text", and nothing else.
import { installBridge } from '../lib/hosts/zendesk/bridge';

export default defineContentScript({
  matches: ['https://*.zendesk.com/*'],
  world: 'MAIN',
  runAt: 'document_idle',
  main() {
    installBridge(document);
  },
});
