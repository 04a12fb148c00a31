/**
 * Wires the pre-send check into a content script: the interceptor over the coaching manager's
 * compose sessions, the dialog in its own shadow root, torn down with the content script.
 */
import { adoptCss } from '../compose/paint';
import type { Coaching } from '../compose/manager';
import type { HostAdapter } from '../hosts/types';
import { showDialog } from './dialog';
import { startGuard, type Guard } from './interceptor';

export function startSendGuard(
  adapter: HostAdapter,
  coaching: Coaching,
  onInvalidated: (cb: () => void) => void,
  log: (error: unknown) => void,
  doc: Document = document,
): Guard {
  const guard = startGuard({
    adapter,
    sessions: () => coaching.sessions.values(),
    show: (view) => showDialog(doc, view, adoptCss),
    document: doc,
    log,
  });
  onInvalidated(() => guard.stop());
  return guard;
}
