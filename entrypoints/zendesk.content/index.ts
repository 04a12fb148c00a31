// Zendesk Agent Workspace content script: wiring only (lib/hosts/zendesk, lib/compose).
import { runCoaching } from '../../lib/compose/content';
import { zendeskAdapter } from '../../lib/hosts/zendesk/adapter';

export default defineContentScript({
  matches: ['https://*.zendesk.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runCoaching(ctx, zendeskAdapter);
  },
});
