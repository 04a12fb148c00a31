/**
 * Wires the pre-send check into a content script: the interceptor over the compose sessions' checks,
 * the dialog and the "checking" note in their own shadow roots, torn down with the content script.
 * The caller (lib/compose/content.ts) hands in the sessions and the CSS helper: lib/guard imports
 * nothing from lib/compose.
 */
import type { HostAdapter } from '../hosts/types';
import type { GuardSession } from './check';
import { showChecking, showDialog } from './dialog';
import { startGuard, type Guard } from './interceptor';

export interface SendGuardWiring {
  adapter: HostAdapter;
  sessions: () => Iterable<GuardSession>;
  adoptCss: (root: ShadowRoot, css: string) => void;
  onInvalidated: (cb: () => void) => void;
  log: (error: unknown) => void;
  document?: Document;
}

export function startSendGuard(w: SendGuardWiring): Guard {
  const doc = w.document ?? document;
  const guard = startGuard({
    adapter: w.adapter,
    sessions: w.sessions,
    show: (view) => showDialog(doc, view, w.adoptCss),
    showChecking: (uiLang) => showChecking(doc, uiLang, w.adoptCss),
    document: doc,
    log: w.log,
  });
  w.onInvalidated(() => guard.stop());
  return guard;
}
