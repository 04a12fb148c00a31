/** Test doubles for pack sources: an in-memory https server, storage areas, a manual scheduler. */
import { generateKeyPair, signPack, type KeyPair } from '../../../lib/policy/signature';
import type { FetchLike, KeyValueArea, Scheduler } from '../../../lib/policy/sources/types';
import type { PolicyPack } from '../../../lib/policy/types';

export const pack = (over: Partial<PolicyPack> & { id: string }): PolicyPack => ({
  schemaVersion: 1,
  name: over.id,
  version: '1.0.0',
  ...over,
});

interface Route {
  status: number;
  body?: Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
  /** Final URL after redirects, as Response.url reports it. */
  redirectedTo?: string;
}

export interface Request {
  url: string;
  headers: Record<string, string>;
}

/** An in-memory server: routes by URL; honours If-None-Match against a route's ETag. */
export class FakeServer {
  readonly routes = new Map<string, Route>();
  readonly requests: Request[] = [];
  offline = false;
  private etagSeq = 0;

  readonly fetch: FetchLike = async (url, init) => {
    const headers = { ...(init?.headers ?? {}) };
    this.requests.push({ url, headers });
    if (this.offline) throw new TypeError('Failed to fetch');
    const route = this.routes.get(url);
    if (!route) return new Response('not found', { status: 404 });
    const etag = route.headers?.ETag;
    if (etag && headers['If-None-Match'] === etag) return new Response(null, { status: 304, headers: { ETag: etag } });
    const response = new Response(route.status === 304 || route.status === 204 ? null : (route.body ?? null), {
      status: route.status,
      headers: route.headers,
    });
    if (route.redirectedTo) Object.defineProperty(response, 'url', { value: route.redirectedTo });
    return response;
  };

  /** Serves a pack and (unless told otherwise) its valid signature, with a fresh ETag. */
  async publish(
    url: string,
    body: PolicyPack | string,
    keys: KeyPair,
    options: { signature?: string | null; etag?: boolean; signWith?: Uint8Array; signAs?: string } = {},
  ): Promise<Uint8Array<ArrayBuffer>> {
    const bytes = new TextEncoder().encode(typeof body === 'string' ? body : `${JSON.stringify(body, null, 2)}\n`);
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (options.etag !== false) headers.ETag = `"v${++this.etagSeq}"`;
    this.routes.set(url, { status: 200, body: bytes, headers });
    const sigUrl = `${url}.sig`;
    if (options.signature === null) this.routes.delete(sigUrl);
    else {
      const sig = options.signature ?? (await signPack(options.signWith ?? bytes, options.signAs ?? idOf(body), keys.secretKey));
      this.routes.set(sigUrl, { status: 200, body: new TextEncoder().encode(`${sig}\n`) });
    }
    return bytes;
  }

  requestsTo(url: string): Request[] {
    return this.requests.filter((r) => r.url === url);
  }
}

/** The id a pack body states (what a signature binds), or a stand-in for a body that has none. */
function idOf(body: PolicyPack | string): string {
  if (typeof body !== 'string') return body.id;
  try {
    const id = (JSON.parse(body) as { id?: unknown }).id;
    return typeof id === 'string' ? id : 'not/a-pack';
  } catch {
    return 'not/a-pack';
  }
}

export class MemoryArea implements KeyValueArea {
  readonly data = new Map<string, unknown>();
  async get(key: string): Promise<Record<string, unknown>> {
    return this.data.has(key) ? { [key]: structuredClone(this.data.get(key)) } : {};
  }
  async set(items: Record<string, unknown>): Promise<void> {
    for (const [k, v] of Object.entries(items)) this.data.set(k, structuredClone(v));
  }
}

/** A scheduler the test ticks by hand. */
export class ManualScheduler implements Scheduler {
  readonly tasks = new Set<{ minutes: number; task: () => void }>();
  every(minutes: number, task: () => void): () => void {
    const entry = { minutes, task };
    this.tasks.add(entry);
    return () => this.tasks.delete(entry);
  }
  tick(): void {
    for (const t of this.tasks) t.task();
  }
}

export { generateKeyPair };

/** Lets queued promise callbacks run. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
}
