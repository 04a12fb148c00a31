/**
 * Letting a held send go: the very events that were held are re-dispatched, in order, on the same
 * elements, each marked so the interceptor lets exactly those through once; the host sees the same path
 * the agent used, once. Also the two trusted events that may follow a replay and must not act twice:
 * the click after a mouseup we let through (it passes), and the keyup of a Space gesture we completed
 * ourselves (it is held).
 */
import { copyEvent, type Held } from './events';

/** A held gesture, as the replay needs it. */
export interface HeldGesture {
  /** The element the gesture was aimed at (a send control, or the compose box for a shortcut). */
  target: EventTarget;
  events: Held[];
  /** The held gesture still expects this event (a click after mouseup, a keyup after Space). */
  expect?: { type: 'click' } | { type: 'keyup'; key: string };
}

/** Where a held event was aimed (the interceptor records it when holding). */
export type Aimed = Event & { __tbTarget?: EventTarget };

const AFTER_MS = 1000;

export class Replayer {
  /** Events we re-dispatch: the interceptor lets each through once. */
  private readonly passing = new WeakSet<Event>();
  private passClick?: { target: EventTarget; until: number };
  private holdKeyup?: { target: EventTarget; key: string; until: number };

  constructor(private readonly view: Window & typeof globalThis) {}

  /** One of our re-dispatched events. */
  isReplayed(e: Event): boolean {
    return this.passing.has(e);
  }

  /** Re-dispatches the held events, in order, on their original targets. */
  replay(p: HeldGesture): void {
    for (const held of p.events) {
      const copy = copyEvent(held, this.view);
      this.passing.add(copy);
      ((held as Aimed).__tbTarget ?? p.target).dispatchEvent(copy);
    }
    const last = p.events.at(-1);
    if (p.expect?.type === 'click' && last?.type === 'mouseup') this.passClick = { target: p.target, until: performance.now() + AFTER_MS };
    if (p.expect?.type === 'keyup' && last?.type === 'keydown') {
      // Space acts on its keyup, which has not come (or went to the dialog): complete the gesture now,
      // and hold the trusted keyup if it still comes, so the control acts once.
      const k = last as KeyboardEvent;
      const keyup = copyEvent(new this.view.KeyboardEvent('keyup', { key: k.key, code: k.code, bubbles: true, cancelable: true, composed: true }), this.view);
      this.passing.add(keyup);
      ((last as Aimed).__tbTarget ?? p.target).dispatchEvent(keyup);
      this.holdKeyup = { target: p.target, key: k.key, until: performance.now() + AFTER_MS };
    }
  }

  /** Whether this click is the trusted one that follows a mouseup we let through (it passes). */
  clickPasses(el: Element): boolean {
    const pass = this.passClick;
    if (!pass) return false;
    this.passClick = undefined;
    return pass.until > performance.now() && this.contains(pass.target, el);
  }

  /** Whether this keyup is the late trusted one of a Space gesture we completed (it is held). */
  keyupHeld(key: string, el: Element | null): boolean {
    const h = this.holdKeyup;
    if (!h || h.key !== key) return false;
    this.holdKeyup = undefined;
    return h.until > performance.now() && el !== null && this.contains(h.target, el);
  }

  private contains(target: EventTarget, el: Element): boolean {
    return target instanceof this.view.Node && target.contains(el);
  }
}
