// Gmail content script: wiring only (lib/hosts/gmail, lib/compose).
import { runCoaching } from '../../lib/compose/content';
import { gmailAdapter } from '../../lib/hosts/gmail/adapter';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runCoaching(ctx, gmailAdapter);
  },
});
