/**
 * One held send, from the check to the agent's choice: decide from the session's last answer when the
 * text is unchanged (synchronously, no round trip), else wait for a fresh analysis while a "checking"
 * note shows; then allow, or show the dialog and act on its answer.
 *
 * When the send goes through without a decision:
 * - Tonebridge failed (the check resolved nothing: an error, a dead extension, a dictionary that cannot
 *   load) — fail open, the agent is never stuck because of us;
 * - no decision within `limitMs` (a few seconds: a stopped worker wakes and loads in well under that) —
 *   except in block mode, where a block-level finding must never pass on a timeout: there the check
 *   keeps waiting for the answer (or for a failure, which the coach client reports after its retries).
 * Never because the worker was asleep: waking it is what the wait is for.
 */
import type { GuardSession, PreSendCheck } from './check';
import { decide, missingItems, type GuardDecision } from './decide';
import type { DialogResult, DialogView } from './dialog';
import { restoreSelection, type SavedSelection } from './events';
import type { UiLang } from '../engine/types';

/** Fail open after this long without a decision (not in block mode). */
export const DEFAULT_LIMIT_MS = 4000;
/** The "checking" note shows only when the answer takes longer than this (no flash on a quick one). */
export const NOTE_DELAY_MS = 150;

export type GuardResult = 'sent' | 'timeout' | 'failed' | 'review' | 'sent-anyway';

/** The state of one held send the flow reads and marks. */
export interface HeldSend {
  session: GuardSession;
  settled: boolean;
  /** The decision needs the agent: the dialog is open. */
  decided?: boolean;
  selection: SavedSelection;
  started: number;
}

export interface FlowOptions {
  document: Document;
  limitMs: number;
  show: (view: DialogView) => Promise<DialogResult>;
  showChecking?: (uiLang: UiLang) => () => void;
  /** Lets the held gesture go (replays it) and records the outcome. */
  release: (result: GuardResult, decision?: GuardDecision['action']) => void;
  /** Records the outcome and keeps the gesture held for good (Review). */
  settle: (result: GuardResult, decision?: GuardDecision['action']) => void;
  log: (error: unknown) => void;
}

export function runCheck(p: HeldSend, o: FlowOptions): void {
  const { session } = p;
  const last = session.lastCheck();
  if (last) {
    void decideFrom(p, last, o).catch((error: unknown) => fail(p, o, error));
    return;
  }
  let hide: (() => void) | undefined;
  const note = setTimeout(() => {
    if (!p.settled && !p.decided && o.showChecking) hide = o.showChecking(session.uiLang);
  }, NOTE_DELAY_MS);
  const stopNote = () => {
    clearTimeout(note);
    try {
      hide?.();
    } catch (error) {
      o.log(error);
    }
    hide = undefined;
  };
  const limit = setTimeout(() => {
    if (p.settled || p.decided) return;
    if (session.guardMode === 'block') return; // keep waiting: see the header
    stopNote();
    o.release('timeout');
  }, o.limitMs);
  session
    .checkNow()
    .then((check) => {
      clearTimeout(limit);
      stopNote();
      if (p.settled) return;
      if (!check) return o.release('failed');
      return decideFrom(p, check, o);
    })
    .catch((error: unknown) => {
      clearTimeout(limit);
      stopNote();
      fail(p, o, error);
    });
}

function fail(p: HeldSend, o: FlowOptions, error: unknown): void {
  o.log(error);
  if (!p.settled && !p.decided) o.release('failed');
}

async function decideFrom(p: HeldSend, check: PreSendCheck, o: FlowOptions): Promise<void> {
  const decision = decide({ mode: check.guard.mode, findings: check.findings, skipAsk: p.session.skipAsk });
  if (decision.action === 'allow') return o.release('sent', 'allow');
  p.decided = true;
  await ask(p, check, decision, o);
}

async function ask(p: HeldSend, check: PreSendCheck, decision: Exclude<GuardDecision, { action: 'allow' }>, o: FlowOptions): Promise<void> {
  const items = (list: typeof decision.blocking) => missingItems(list, check.uiLang);
  const result = await o.show({
    uiLang: check.uiLang,
    ...(check.market ? { market: check.market } : {}),
    guard: check.guard,
    blocking: items(decision.blocking),
    warnings: items(decision.warnings),
  });
  if (p.settled) return;
  try {
    restoreSelection(o.document, p.selection, p.session.editable);
  } catch (error) {
    o.log(error);
  }
  if (result.action === 'review') {
    o.settle('review', decision.action);
    const first = check.findings.find((f) => decision.blocking.includes(f) || decision.warnings.includes(f));
    if (first) p.session.reviewFinding(first.key);
    return;
  }
  if (decision.action === 'block') {
    // Every block-level finding needs its reason; the dialog enforces it, checked again here.
    const reasons = new Map(result.reasons.flatMap((r) => r.keys.map((k) => [k, r.reason] as const)));
    if (!decision.blocking.every((f) => (reasons.get(f.key) ?? '').trim() !== '')) {
      o.settle('review', decision.action);
      return;
    }
    for (const f of decision.blocking) p.session.dismissWithReason(f.key, reasons.get(f.key)!);
  }
  if (result.dontAskAgain) p.session.skipAsk = true;
  o.release('sent-anyway', decision.action);
}
