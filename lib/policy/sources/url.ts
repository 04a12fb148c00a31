/**
 * Packs served over https and signed with the organisation's Ed25519 key. For each subscription
 * (URL + public key, from managed policy or the options page) the source fetches the pack and its
 * signature (`<url>.sig`), verifies them (the signature binds the pack's id to its exact bytes, see
 * ../signature.ts), and hands the text to the store. It refreshes periodically with `If-None-Match`,
 * so an unchanged pack costs one 304.
 *
 * Refusals, each recorded on the slot while the previous pack stays active: an http (or any non-https)
 * URL, a failed fetch or HTTP error, no answer within the timeout, a body over the size limit (reading
 * stops there, whatever Content-Length said), bytes that are not UTF-8 JSON with an id, a missing or
 * wrong signature, a different pack id than the URL delivered before, a version lower than the highest
 * accepted for that pack id (rollback), and whatever the store's validation and resolution reject.
 *
 * The last good bytes, signature and ETag are cached in storage, so a restarted service worker is
 * back to the same policy without the network; the cache is verified again before use. The highest
 * version accepted per pack id is kept in storage too, so a rollback is refused after a restart.
 */
import { decodeBase64, decodePublicKey, encodeBase64, signatureUrl, verifyPack } from '../signature';
import type { SourcedPack } from '../types';
import { packHeaderOf } from '../validate';
import { compareVersions } from '../version';
import {
  intervalScheduler,
  slotId,
  type ApplyItem,
  type FailureKind,
  type FetchLike,
  type KeyValueArea,
  type PackIssue,
  type PackSink,
  type PackStatus,
  type Scheduler,
  type SlotId,
} from './types';

export interface UrlSubscription {
  url: string;
  /** Base64 Ed25519 public key that must have signed the pack. */
  publicKey: string;
}

export type RefreshOutcome =
  | { status: 'updated' | 'unchanged' | 'not-modified'; slot: SlotId }
  | { status: 'failed'; slot: SlotId; kind: FailureKind; issues: PackIssue[] };

export interface UrlSourceOptions {
  sink: PackSink;
  fetch: FetchLike;
  /** Strength of the packs: 'url' for the agent's subscriptions, 'managed' for URLs from enterprise policy. */
  source?: 'url' | 'managed';
  storage?: KeyValueArea;
  scheduler?: Scheduler;
  /** Minutes between refreshes (default 60, at least 5). */
  refreshMinutes?: number;
  /**
   * Keep the subscription list itself in `storage` under this key (the options page's list; managed
   * policy re-supplies its own on every start, so it leaves this out).
   */
  subscriptionsKey?: string;
  /** Largest download accepted, in bytes (default 256 KiB, the pack size limit). */
  maxBytes?: number;
  /** Milliseconds one refresh (pack and signature) may take before it is abandoned (default 30 s). */
  timeoutMs?: number;
  now?: () => number;
}

interface CacheEntry {
  publicKey: string;
  bytes: string; // base64 of the exact pack bytes
  signature: string;
  etag?: string;
  fetchedAt: number;
  /** The id of the pack this URL delivered; another id there is refused until the subscription changes. */
  packId?: string;
}

const DEFAULT_MAX_BYTES = 256 * 1024;
export const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_SIGNATURE_CHARS = 1024;
export const MIN_REFRESH_MINUTES = 5;
export const DEFAULT_REFRESH_MINUTES = 60;

class Refusal extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
  }
}

/** Why a URL cannot be a pack URL, or undefined when it can. */
export function packUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a URL`;
  }
  if (parsed.protocol !== 'https:') {
    return `only https:// pack URLs are allowed (got ${parsed.protocol}//); a pack over ${parsed.protocol} could be changed on the way`;
  }
  if (parsed.username || parsed.password) return 'a pack URL must not contain a user name or password';
  return undefined;
}

export class UrlSource {
  private readonly sink: PackSink;
  private readonly fetch: FetchLike;
  private readonly source: 'url' | 'managed';
  private readonly storage?: KeyValueArea;
  private readonly subscriptionsKey?: string;
  private readonly scheduler: Scheduler;
  private readonly maxBytes: number;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  /** Pack id → the highest version accepted from this source (persisted). */
  private highest = new Map<string, string>();
  private refreshMinutes: number;
  private subscriptions = new Map<string, UrlSubscription>();
  private cache = new Map<string, CacheEntry>();
  private cacheLoaded = false;
  private readonly inFlight = new Map<string, Promise<RefreshOutcome>>();
  private updates: Promise<unknown> = Promise.resolve();
  private stopTimer?: () => void;

  constructor(options: UrlSourceOptions) {
    this.sink = options.sink;
    this.fetch = options.fetch;
    this.source = options.source ?? 'url';
    this.storage = options.storage;
    this.subscriptionsKey = options.subscriptionsKey;
    this.scheduler = options.scheduler ?? intervalScheduler;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
    this.refreshMinutes = Math.max(MIN_REFRESH_MINUTES, options.refreshMinutes ?? DEFAULT_REFRESH_MINUTES);
  }

  get storageKey(): string {
    return `tonebridge.policy.urlCache.${this.source}`;
  }

  /** Where the highest accepted version per pack id is kept. */
  get versionsKey(): string {
    return `tonebridge.policy.urlVersions.${this.source}`;
  }

  /** The highest version accepted for a pack id, if any. */
  highestVersion(packId: string): string | undefined {
    return this.highest.get(packId);
  }

  slotFor(url: string): SlotId {
    return this.source === 'managed' ? slotId('managed', `url/${url}`) : slotId('url', url);
  }

  list(): UrlSubscription[] {
    return [...this.subscriptions.values()];
  }

  /**
   * Replaces the subscriptions: dropped URLs leave the policy, new or re-keyed ones load from the
   * cache (if its signature checks with the current key) and are then fetched.
   */
  setSubscriptions(list: readonly UrlSubscription[]): Promise<RefreshOutcome[]> {
    return this.update(() => list);
  }

  /** Adds or re-keys one subscription (the options page's "subscribe"). */
  async subscribe(sub: UrlSubscription): Promise<RefreshOutcome> {
    const slot = this.slotFor(sub.url);
    const problem = packUrlProblem(sub.url);
    const keyProblem = publicKeyProblem(sub.publicKey);
    if (problem || keyProblem) {
      // Refused before it becomes a subscription: nothing to fetch, nothing stored.
      const found: PackIssue[] = [];
      if (problem) found.push({ path: 'url', message: problem });
      if (keyProblem) found.push({ path: 'publicKey', message: keyProblem });
      return { status: 'failed', slot, kind: problem ? 'insecure-url' : 'signature', issues: found };
    }
    const outcomes = await this.update((current) => [...current.filter((s) => s.url !== sub.url), sub]);
    return outcomes.find((o) => o.slot === slot) ?? this.refresh(sub.url);
  }

  async unsubscribe(url: string): Promise<void> {
    await this.update((current) => current.filter((s) => s.url !== url));
  }

  /** Loads the kept subscription list (see `subscriptionsKey`) and applies it. */
  async restore(): Promise<RefreshOutcome[]> {
    if (!this.storage || !this.subscriptionsKey) return [];
    const key = this.subscriptionsKey;
    const raw = (await this.storage.get(key))[key];
    const list = Array.isArray(raw)
      ? raw.filter((s): s is UrlSubscription => s !== null && typeof s === 'object' && typeof s.url === 'string' && typeof s.publicKey === 'string')
      : [];
    return this.update(() => list.map((s) => ({ url: s.url, publicKey: s.publicKey })), false);
  }

  /** Changes to the subscription list run one at a time. */
  private update(next: (current: UrlSubscription[]) => readonly UrlSubscription[], save = true): Promise<RefreshOutcome[]> {
    const run = this.updates.then(async () => {
      const changed = await this.applySubscriptions(next(this.list()));
      if (save && this.storage && this.subscriptionsKey) await this.storage.set({ [this.subscriptionsKey]: this.list() });
      return changed;
    });
    this.updates = run.catch(() => undefined);
    // Fetching happens outside the queue: a slow server must not hold up the next list change.
    return run.then((changed) => Promise.all(changed.map((url) => this.refresh(url))));
  }

  /** Makes `list` the subscriptions; returns the URLs to fetch now (new or re-keyed). */
  private async applySubscriptions(list: readonly UrlSubscription[]): Promise<string[]> {
    await this.loadCache();
    const next = new Map<string, UrlSubscription>();
    for (const sub of list) if (!next.has(sub.url)) next.set(sub.url, { url: sub.url, publicKey: sub.publicKey.trim() });
    for (const url of this.subscriptions.keys()) {
      if (!next.has(url)) {
        this.sink.remove(this.slotFor(url));
        this.cache.delete(url);
      }
    }
    const changed = [...next.values()].filter((s) => this.subscriptions.get(s.url)?.publicKey !== s.publicKey);
    this.subscriptions = next;
    const restorable: ApplyItem[] = [];
    for (const sub of changed) {
      const entry = this.cache.get(sub.url);
      const text = entry && (await this.verifiedCacheText(sub, entry));
      if (entry && text !== undefined) {
        restorable.push({ slot: this.slotFor(sub.url), candidate: text, meta: { url: sub.url, order: this.orderOf(sub.url), at: entry.fetchedAt } });
        continue;
      }
      // New key (or no cache): a pack held under the old key is not trusted any more.
      this.cache.delete(sub.url);
      this.sink.remove(this.slotFor(sub.url));
    }
    if (restorable.length > 0) this.sink.applyBatch(restorable);
    await this.saveCache();
    return changed.map((s) => s.url);
  }

  /** Starts periodic refreshing, and refreshes now unless told not to (subscribing already fetched). */
  start(options: { refreshNow?: boolean } = {}): Promise<RefreshOutcome[]> {
    this.stopTimer?.();
    this.stopTimer = this.scheduler.every(this.refreshMinutes, () => void this.refreshAll());
    return options.refreshNow === false ? Promise.resolve([]) : this.refreshAll();
  }

  stop(): void {
    this.stopTimer?.();
    this.stopTimer = undefined;
  }

  setRefreshMinutes(minutes: number): void {
    const next = Math.max(MIN_REFRESH_MINUTES, Math.round(minutes));
    if (next === this.refreshMinutes) return;
    this.refreshMinutes = next;
    if (this.stopTimer) {
      this.stopTimer();
      this.stopTimer = this.scheduler.every(this.refreshMinutes, () => void this.refreshAll());
    }
  }

  refreshAll(): Promise<RefreshOutcome[]> {
    return Promise.all(this.list().map((s) => this.refresh(s.url)));
  }

  /** Fetches one subscription now (concurrent calls for one URL share the request). */
  refresh(url: string): Promise<RefreshOutcome> {
    let running = this.inFlight.get(url);
    if (!running) {
      running = this.doRefresh(url).finally(() => this.inFlight.delete(url));
      this.inFlight.set(url, running);
    }
    return running;
  }

  packs(): SourcedPack[] {
    const active = new Set(this.status().filter((s) => s.active).map((s) => s.id));
    return this.sink.packs().filter((p) => p.source === this.source && active.has(p.pack.id));
  }

  status(): PackStatus[] {
    const slots = new Set(this.list().map((s) => this.slotFor(s.url)));
    return this.sink.status().filter((s) => slots.has(s.slot));
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────────

  private orderOf(url: string): number {
    // After a source's inline packs (managed policy puts its own settings last, at 1e6).
    return 1000 + [...this.subscriptions.keys()].indexOf(url);
  }

  private async doRefresh(url: string): Promise<RefreshOutcome> {
    const sub = this.subscriptions.get(url);
    const slot = this.slotFor(url);
    const meta = { url, order: this.orderOf(url) };
    if (!sub) return { status: 'failed', slot, kind: 'fetch', issues: [{ path: 'url', message: 'not subscribed' }] };
    // Unsubscribed or re-keyed while the request ran: its answer must not touch the store.
    const stale = () => this.subscriptions.get(url) !== sub;
    const gone: RefreshOutcome = { status: 'failed', slot, kind: 'fetch', issues: [{ path: 'url', message: 'unsubscribed during the refresh' }] };
    const fail = (kind: FailureKind, message: string, path = ''): RefreshOutcome => {
      if (stale()) return gone;
      const list = [{ path, message }];
      this.sink.fail(slot, kind, list, { ...meta, at: this.now() });
      return { status: 'failed', slot, kind, issues: list };
    };
    try {
      const problem = packUrlProblem(url);
      if (problem) return fail('insecure-url', problem, 'url');
      const keyProblem = publicKeyProblem(sub.publicKey);
      if (keyProblem) return fail('signature', keyProblem, 'publicKey');

      const held = this.sink.status().find((s) => s.slot === slot);
      const cached = this.cache.get(url);
      const headers: Record<string, string> = { Accept: 'application/json' };
      // Ask for a 304 only when the pack we hold is the cached one (else we need the body).
      if (cached?.etag && held?.id !== undefined) headers['If-None-Match'] = cached.etag;

      // One deadline for the pack and its signature: a server that never answers (or never finishes
      // a body) fails this refresh, and the next refresh of the URL starts afresh.
      const deadline = new AbortController();
      const timer = setTimeout(
        () => deadline.abort(new Refusal('fetch', `no complete answer from ${url} within ${describeMs(this.timeoutMs)}`)),
        this.timeoutMs,
      );
      let response: Response;
      let bytes: Uint8Array;
      let signature: string;
      try {
        response = await this.get(url, headers, deadline.signal);
        if (stale()) return gone;
        if (response.status === 304) {
          void response.body?.cancel().catch(() => undefined);
          if (!headers['If-None-Match']) throw new Refusal('fetch', 'the server answered 304 Not Modified to a request without If-None-Match');
          cached!.fetchedAt = this.now();
          await this.saveCache();
          this.sink.confirm(slot, { ...meta, at: cached!.fetchedAt });
          return { status: 'not-modified', slot };
        }
        if (!response.ok) {
          void response.body?.cancel().catch(() => undefined);
          throw new Refusal('fetch', `the server answered HTTP ${response.status} for ${url}`);
        }
        bytes = await this.readBody(response, this.maxBytes, 'the pack', deadline.signal);

        const sigUrl = signatureUrl(url);
        const sigResponse = await this.get(sigUrl, { Accept: 'text/plain' }, deadline.signal);
        if (!sigResponse.ok) {
          void sigResponse.body?.cancel().catch(() => undefined);
          throw new Refusal('signature', `no signature: the server answered HTTP ${sigResponse.status} for ${sigUrl}`);
        }
        signature = new TextDecoder().decode(await this.readBody(sigResponse, MAX_SIGNATURE_CHARS, 'the signature', deadline.signal)).trim();
      } finally {
        clearTimeout(timer);
      }

      // The signature covers the pack's id, so the id is read first (strict UTF-8 JSON, nothing else).
      const header = packHeaderOf(bytes);
      if (!header.ok) throw new Refusal('validation', header.reason);
      const verdict = await verifyPack(bytes, header.id, signature, sub.publicKey);
      if (!verdict.ok) throw new Refusal('signature', verdict.reason);
      if (cached?.packId !== undefined && cached.packId !== header.id) {
        throw new Refusal(
          'signature',
          `${url} delivered pack "${cached.packId}" and now serves "${header.id}"; if that is intended, subscribe to the URL again`,
        );
      }
      const highest = this.highest.get(header.id);
      if (highest !== undefined && header.version !== undefined && compareVersions(header.version, highest) === -1) {
        throw new Refusal(
          'rollback',
          `version ${header.version} of "${header.id}" is older than version ${highest}, which was already accepted; an older pack is never applied again (to go back, publish the old content under a higher version)`,
        );
      }
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      if (stale()) return gone;
      const at = this.now();
      const result = this.sink.apply(slot, text, { ...meta, at });
      if (!result.ok) return { status: 'failed', slot, kind: result.failure.kind, issues: result.failure.issues };
      const etag = response.headers.get('ETag') ?? undefined;
      this.cache.set(url, { publicKey: sub.publicKey, bytes: encodeBase64(bytes), signature, fetchedAt: at, packId: result.pack.id, ...(etag ? { etag } : {}) });
      await this.saveCache();
      await this.recordVersion(result.pack.id, result.pack.version);
      return { status: result.changed ? 'updated' : 'unchanged', slot };
    } catch (error) {
      if (error instanceof Refusal) return fail(error.kind, error.message);
      return fail('fetch', `cannot fetch ${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Keeps `version` as the pack's highest accepted one, if it is higher. */
  private async recordVersion(packId: string, version: string): Promise<void> {
    const current = this.highest.get(packId);
    if (current !== undefined && compareVersions(version, current) !== 1) return;
    this.highest.set(packId, version);
    if (this.storage) await this.storage.set({ [this.versionsKey]: Object.fromEntries(this.highest) });
  }

  private async get(url: string, headers: Record<string, string>, signal: AbortSignal): Promise<Response> {
    const response = await untilAborted(this.fetch(url, { headers, cache: 'no-cache', credentials: 'omit', redirect: 'follow', signal }), signal);
    // A redirect must not leave https either.
    if (response.url && response.url !== url) {
      void response.body?.cancel().catch(() => undefined);
      const problem = packUrlProblem(response.url);
      if (problem) throw new Refusal('insecure-url', `redirected to ${response.url}: ${problem}`);
    }
    return response;
  }

  /**
   * Reads a body as it streams, and stops as soon as it passes `limit` (a missing or false
   * Content-Length cannot make the worker buffer a huge body), or when the deadline passes.
   */
  private async readBody(response: Response, limit: number, what: string, signal: AbortSignal): Promise<Uint8Array> {
    const declared = Number(response.headers.get('Content-Length') ?? Number.NaN);
    if (Number.isFinite(declared) && declared > limit) {
      void response.body?.cancel().catch(() => undefined);
      throw new Refusal('validation', `${what} is ${declared} bytes; the limit is ${limit}`);
    }
    if (!response.body) return new Uint8Array(0);
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      for (;;) {
        const { done, value } = await untilAborted(reader.read(), signal);
        if (done) break;
        total += value.byteLength;
        if (total > limit) throw new Refusal('validation', `${what} is more than ${limit} bytes (stopped reading at ${total}); the limit is ${limit}`);
        chunks.push(value);
      }
    } catch (error) {
      void reader.cancel().catch(() => undefined);
      throw error;
    }
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes;
  }

  private async verifiedCacheText(sub: UrlSubscription, entry: CacheEntry): Promise<string | undefined> {
    if (entry.publicKey !== sub.publicKey) return undefined;
    try {
      const bytes = decodeBase64(entry.bytes, 'cached pack');
      const header = packHeaderOf(bytes);
      if (!header.ok || !(await verifyPack(bytes, header.id, entry.signature, sub.publicKey)).ok) return undefined;
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  }

  private async loadCache(): Promise<void> {
    if (this.cacheLoaded) return;
    this.cacheLoaded = true;
    if (!this.storage) return;
    const versions = (await this.storage.get(this.versionsKey))[this.versionsKey];
    if (versions && typeof versions === 'object' && !Array.isArray(versions)) {
      for (const [id, version] of Object.entries(versions as Record<string, unknown>)) if (typeof version === 'string') this.highest.set(id, version);
    }
    const raw = (await this.storage.get(this.storageKey))[this.storageKey];
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return;
    for (const [url, value] of Object.entries(raw as Record<string, unknown>)) {
      const v = value as Partial<CacheEntry> | null;
      if (v && typeof v.publicKey === 'string' && typeof v.bytes === 'string' && typeof v.signature === 'string' && typeof v.fetchedAt === 'number') {
        this.cache.set(url, {
          publicKey: v.publicKey,
          bytes: v.bytes,
          signature: v.signature,
          fetchedAt: v.fetchedAt,
          ...(typeof v.etag === 'string' ? { etag: v.etag } : {}),
          ...(typeof v.packId === 'string' ? { packId: v.packId } : {}),
        });
      }
    }
  }

  private async saveCache(): Promise<void> {
    if (!this.storage) return;
    await this.storage.set({ [this.storageKey]: Object.fromEntries(this.cache) });
  }
}

/** Why a public key is unusable, or undefined. */
export function publicKeyProblem(publicKey: string): string | undefined {
  try {
    decodePublicKey(publicKey);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function describeMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

/** Settles as `promise` does, or rejects with the signal's reason once it aborts (a hung fetch cannot hold us). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
