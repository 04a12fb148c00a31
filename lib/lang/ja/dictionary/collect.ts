/**
 * Collects a decompressed dictionary file from a stream of chunks into one exactly sized buffer, without
 * the zero padding kuromoji's files carry.
 *
 * kuromoji 0.1.2 wrote each file from a growable buffer without trimming it, so the decompressed files
 * are powers of two and mostly zeros at the end (tid_pos: 36 MB of 40 MB used; unk and unk_pos: under
 * 2 KB of 10 MB each; 100 MB decompressed for ~61 MB of content). Its loaders keep all of it, twice over
 * while copying. Here, chunks that are entirely zero are only counted (and materialised if data follows
 * them), and the result is cut a few bytes after the last non-zero byte. Every byte dropped is a zero
 * at the end of the file, and every reader in builder.ts treats bytes past the end as zero, so the
 * dictionary reads exactly as the full file would.
 */

/** Slack kept after the last non-zero byte, so that any 2- or 4-byte value that starts in the data ends
 * inside the buffer; also keeps the length a multiple of 8 for typed-array views. */
const SLACK = 8;

function isAllZero(chunk: Uint8Array): boolean {
  // Scan 4 bytes at a time where alignment allows; dictionary chunks are large.
  const n = chunk.length;
  const head = Math.min(n, (4 - (chunk.byteOffset % 4)) % 4);
  let i = 0;
  for (; i < head; i++) if (chunk[i] !== 0) return false;
  const words = (n - i) >>> 2;
  if (words > 0) {
    const view = new Int32Array(chunk.buffer, chunk.byteOffset + i, words);
    for (let w = 0; w < words; w++) if (view[w] !== 0) return false;
    i += words * 4;
  }
  for (; i < n; i++) if (chunk[i] !== 0) return false;
  return true;
}

function lastNonZero(chunk: Uint8Array): number {
  for (let i = chunk.length - 1; i >= 0; i--) if (chunk[i] !== 0) return i;
  return -1;
}

export class TrimmingCollector {
  private readonly chunks: Uint8Array[] = [];
  /** Bytes in `chunks`. */
  private size = 0;
  /** Zero bytes seen after the last kept chunk and not kept (yet). */
  private pendingZeros = 0;
  /** Total bytes seen. */
  private seen = 0;

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.seen += chunk.length;
    if (isAllZero(chunk)) {
      this.pendingZeros += chunk.length;
      return;
    }
    if (this.pendingZeros > 0) {
      this.chunks.push(new Uint8Array(this.pendingZeros));
      this.size += this.pendingZeros;
      this.pendingZeros = 0;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  /** Bytes pushed so far, padding included. */
  get totalBytes(): number {
    return this.seen;
  }

  /** The content in one fresh buffer: trailing zeros cut, SLACK kept (never more than was pushed). */
  finish(): Uint8Array {
    let used = 0;
    for (let c = this.chunks.length - 1; c >= 0; c--) {
      const last = lastNonZero(this.chunks[c]!);
      if (last >= 0) {
        used = this.size - this.chunks[c]!.length + last + 1;
        break;
      }
    }
    const keep = Math.min(this.seen, Math.ceil(used / SLACK) * SLACK + SLACK);
    const out = new Uint8Array(keep);
    let at = 0;
    for (const chunk of this.chunks) {
      if (at >= keep) break;
      const part = chunk.length <= keep - at ? chunk : chunk.subarray(0, keep - at);
      out.set(part, at);
      at += part.length;
    }
    this.chunks.length = 0;
    return out;
  }
}

/** Collects an async sequence of chunks (a Node stream, a ReadableStream reader loop …). */
export async function collectTrimmed(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const collector = new TrimmingCollector();
  for await (const chunk of chunks) collector.push(chunk);
  return collector.finish();
}
