/**
 * Packs the agent imports from a file on the options page. Each pack id has one slot
 * (`file:<pack id>`), so importing a new version replaces the old one — if it validates; a bad file
 * leaves the previous version active and the slot shows why. Accepted imports are kept in
 * `storage.local` and re-applied when the background starts.
 */
import type { SourcedPack } from '../types';
import { issues, slotId, type ApplyResult, type KeyValueArea, type PackSink, type PackStatus } from './types';

export const FILE_STORAGE_KEY = 'tonebridge.policy.files';

/** Bytes of text read from one imported file before giving up (validation has its own, smaller limit). */
const MAX_IMPORT_CHARS = 1024 * 1024;

interface StoredImport {
  text: string;
  fileName?: string;
  importedAt: number;
}

export interface FileSourceOptions {
  sink: PackSink;
  /** Where accepted imports persist (browser.storage.local); none in tests that do not need it. */
  storage?: KeyValueArea;
  now?: () => number;
}

export type ImportResult = ApplyResult & { slot?: string };

/** The pack id a text names, if it is JSON with a string id — so even a rejected file lands in its slot. */
function peekId(text: string): string | undefined {
  try {
    const data: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
      const id = (data as { id?: unknown }).id;
      if (typeof id === 'string' && id.length > 0 && id.length <= 100) return id;
    }
  } catch {
    // Not JSON: validation will say so.
  }
  return undefined;
}

export class FileSource {
  private readonly sink: PackSink;
  private readonly storage?: KeyValueArea;
  private readonly now: () => number;
  private imports = new Map<string, StoredImport>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: FileSourceOptions) {
    this.sink = options.sink;
    this.storage = options.storage;
    this.now = options.now ?? Date.now;
  }

  /** Re-applies the imports kept in storage (all at once, so packs that extend each other load in any order). */
  restore(): Promise<ApplyResult[]> {
    return this.serial(async () => {
      if (!this.storage) return [];
      const raw = (await this.storage.get(FILE_STORAGE_KEY))[FILE_STORAGE_KEY];
      this.imports = new Map();
      if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
        for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
          const v = value as Partial<StoredImport> | null;
          if (v && typeof v.text === 'string' && typeof v.importedAt === 'number') {
            this.imports.set(id, { text: v.text, importedAt: v.importedAt, ...(typeof v.fileName === 'string' ? { fileName: v.fileName } : {}) });
          }
        }
      }
      return this.sink.applyBatch([...this.imports].map(([id, imp]) => ({ slot: slotId('file', id), candidate: imp.text, meta: { at: imp.importedAt } })));
    });
  }

  /**
   * Imports a pack file's text. On success the pack is active and kept; on failure nothing changes
   * and the result (and, when the text names a pack id, that slot's status) says which field and why.
   */
  import(text: string, fileName?: string): Promise<ImportResult> {
    return this.serial(async () => {
      const at = this.now();
      if (text.length > MAX_IMPORT_CHARS) {
        return { ok: false, failure: { kind: 'validation', issues: issues(`the file is larger than ${MAX_IMPORT_CHARS} characters`), at } } as const;
      }
      let id = peekId(text);
      if (id === undefined) {
        const checked = this.sink.check(text);
        if (!checked.ok) return { ok: false, failure: { kind: 'validation', issues: checked.errors, at } } as const;
        id = checked.pack.id;
      }
      const slot = slotId('file', id);
      const result = this.sink.apply(slot, text, { at });
      if (result.ok) {
        this.imports.set(result.pack.id, { text, importedAt: at, ...(fileName ? { fileName } : {}) });
        await this.persist();
      }
      return { ...result, slot };
    });
  }

  /** Forgets an imported pack (and any error shown for its slot). */
  remove(packId: string): Promise<boolean> {
    return this.serial(async () => {
      const had = this.imports.delete(packId);
      const removed = this.sink.remove(slotId('file', packId));
      if (had) await this.persist();
      return had || removed;
    });
  }

  /** The imported file's name, for the options page. */
  fileName(packId: string): string | undefined {
    return this.imports.get(packId)?.fileName;
  }

  packs(): SourcedPack[] {
    return this.sink.packs().filter((p) => p.source === 'file');
  }

  status(): PackStatus[] {
    return this.sink.status().filter((s) => s.source === 'file');
  }

  private async persist(): Promise<void> {
    if (!this.storage) return;
    await this.storage.set({ [FILE_STORAGE_KEY]: Object.fromEntries(this.imports) });
  }

  /** One operation at a time, so an import and a removal never interleave their storage writes. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
