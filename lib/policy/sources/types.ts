/**
 * What pack sources (managed policy, signed URL, imported file, built-in) share: they fetch or read
 * candidate packs and hand them to a sink — the policy store — which validates them, keeps the last
 * good pack per slot and resolves the policy. A source never decides whether a pack is good.
 *
 * Every outside effect (fetch, storage, timers, clock) is injected, so tests need no network and no
 * browser, and the same code runs in an MV3 service worker and in Node.
 */
import { SOURCE_STRENGTH, type PackSource, type PolicyPack, type SourcedPack } from '../types';

/** A field path in the pack (`phrases[2].examples.match[0]`, `''` for the whole pack) and why. */
export interface PackIssue {
  path: string;
  message: string;
}

/** Why a slot's newest candidate is not in effect. */
export type FailureKind =
  | 'validation' // the pack is malformed or breaks a limit
  | 'resolution' // it does not resolve with the other packs (extends cycle, missing base, …)
  | 'duplicate' // another slot of the same or a stronger source already has this pack id
  | 'signature' // missing, malformed or wrong signature
  | 'rollback' // a signed pack older than the highest version accepted for its id
  | 'insecure-url' // not https
  | 'fetch' // network error or HTTP status
  | 'policy'; // the managed policy itself is malformed

export interface PackFailure {
  kind: FailureKind;
  issues: PackIssue[];
  /** When it happened (ms since epoch). */
  at: number;
}

/**
 * A slot is one place a pack can come from: `builtin:tonebridge/jp`, `managed:inline/0`,
 * `managed:url/https://…`, `managed:policy`, `url:https://…`, `file:acme/support`. The part before
 * the first colon is the source, which sets the slot's strength.
 */
export type SlotId = string;

const SOURCES = Object.keys(SOURCE_STRENGTH) as PackSource[];

export function slotId(source: PackSource, name: string): SlotId {
  return `${source}:${name}`;
}

/** The source a slot id names; throws on an id that names none (a programming error). */
export function slotSource(slot: SlotId): PackSource {
  const source = slot.slice(0, slot.indexOf(':')) as PackSource;
  if (!SOURCES.includes(source)) throw new Error(`slot "${slot}" does not start with a pack source (${SOURCES.join(', ')})`);
  return source;
}

export interface SlotMeta {
  /** The URL the pack was fetched from, shown to the agent and admin. */
  url?: string;
  /** Order among the slots of one source (lower applies first, so higher wins ties). */
  order?: number;
  /** Time of this event (ms since epoch); defaults to the store's clock. */
  at?: number;
}

/** One slot as the popup/options page shows it. */
export interface PackStatus {
  slot: SlotId;
  source: PackSource;
  url?: string;
  /** The pack held by the slot (the last good one), if any. */
  id?: string;
  name?: string;
  version?: string;
  /** Whether that pack is in the resolved policy (false when suspended). */
  active: boolean;
  /** Last time the source delivered or confirmed (HTTP 304) the pack. */
  lastUpdate?: number;
  /** When the held pack's content was first accepted. */
  since?: number;
  /** The newest failure, kept until the next success; the held pack stays in effect meanwhile. */
  error?: PackFailure;
  /** Why the held pack is out of effect (a base it extends went away, or a stronger slot has its id). */
  suspended?: PackIssue[];
  warnings?: PackIssue[];
}

export type ApplyResult =
  | { ok: true; pack: PolicyPack; warnings: PackIssue[]; changed: boolean }
  | { ok: false; failure: PackFailure; kept?: { id: string; version: string } };

export interface ApplyItem {
  slot: SlotId;
  /** Pack text (JSON) or an already parsed object. */
  candidate: unknown;
  meta?: SlotMeta;
}

/** What a source needs from the store. */
export interface PackSink {
  apply(slot: SlotId, candidate: unknown, meta?: SlotMeta): ApplyResult;
  /** Several candidates at once, so packs that extend each other can arrive in any order. */
  applyBatch(items: readonly ApplyItem[]): ApplyResult[];
  /** Validates a candidate without touching any slot. */
  check(candidate: unknown): { ok: true; pack: PolicyPack; warnings: PackIssue[] } | { ok: false; errors: PackIssue[] };
  /** Records a failure that happened before validation (fetch, signature, …); the held pack stays. */
  fail(slot: SlotId, kind: FailureKind, issues: PackIssue[] | string, meta?: SlotMeta): void;
  /** The source confirmed the held pack is current (e.g. HTTP 304). */
  confirm(slot: SlotId, meta?: SlotMeta): void;
  remove(slot: SlotId): boolean;
  status(): PackStatus[];
  packs(): SourcedPack[];
}

/** `fetch` as far as sources use it (the global fetch fits). */
export type FetchLike = (
  url: string,
  init?: { headers?: Record<string, string>; cache?: RequestCache; credentials?: RequestCredentials; redirect?: RequestRedirect; signal?: AbortSignal },
) => Promise<Response>;

/** A key-value area (browser.storage.local fits). */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Runs a task every N minutes until the returned function is called. */
export interface Scheduler {
  every(minutes: number, task: () => void): () => void;
}

/** setInterval-based; in an MV3 service worker prefer `alarmScheduler` (timers die with the worker). */
export const intervalScheduler: Scheduler = {
  every(minutes, task) {
    const handle = setInterval(task, minutes * 60_000);
    return () => clearInterval(handle);
  },
};

/** The part of `browser.alarms` the scheduler uses. */
export interface AlarmsLike {
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): void | Promise<void>;
  clear(name: string): Promise<boolean> | Promise<void> | void;
  onAlarm: {
    addListener(cb: (alarm: { name: string }) => void): void;
    removeListener(cb: (alarm: { name: string }) => void): void;
  };
}

/** A scheduler on `browser.alarms`, which survive the service worker being stopped. */
export function alarmScheduler(alarms: AlarmsLike, name: string): Scheduler {
  return {
    every(minutes, task) {
      const listener = (alarm: { name: string }) => {
        if (alarm.name === name) task();
      };
      alarms.onAlarm.addListener(listener);
      void alarms.create(name, { periodInMinutes: minutes, delayInMinutes: minutes });
      return () => {
        alarms.onAlarm.removeListener(listener);
        void alarms.clear(name);
      };
    },
  };
}

export function issues(value: PackIssue[] | string, path = ''): PackIssue[] {
  return typeof value === 'string' ? [{ path, message: value }] : value;
}

export function describeIssues(list: readonly PackIssue[]): string {
  return list.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}
