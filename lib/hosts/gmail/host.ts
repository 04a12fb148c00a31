/**
 * Gmail in the host registry (lib/hosts/registry.ts): its id and the pages it is coached on. Data
 * only — the build (wxt.config.ts host_permissions, the content script's matches) and the background
 * (the sender's origin check) read it without loading the adapter.
 */
import { defineHost } from '../host';

export const gmailHost = defineHost({
  id: 'gmail',
  name: 'Gmail',
  matches: ['https://mail.google.com/*'],
});
