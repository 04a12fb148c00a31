/**
 * kuromoji 0.1.2's tokenizer, re-implemented over the typed-array dictionary of builder.ts. It returns
 * the same tokens as kuromoji's stock Tokenizer for any input kuromoji accepts (test/lang/ja/
 * dictionary-parity.test.ts compares them field by field), including kuromoji's quirks:
 * - input is cut after every 、 and 。 and each piece is searched separately;
 * - the unknown-word candidate is the whole run of same-class characters (max length is ignored);
 * - ties keep the first candidate in lattice order; a node none of whose predecessors is reachable
 *   keeps the previous node's best predecessor (kuromoji's function-scoped `var`);
 * - `word_position` adds each piece's 1-based positions to the previous piece's last token position.
 * What it does not copy is the cost: kuromoji re-encodes the rest of the sentence to UTF-8 at every
 * position (quadratic), allocates a node object per candidate and a result object per trie match, and
 * re-decodes every token's features. Here the trie walk encodes one character at a time and stops at the first
 * miss, lattice nodes live in reusable typed arrays, and features are decoded once per entry (cached).
 * Unlike kuromoji, a grouped unknown word's length counts code points, as lattice positions do (kuromoji
 * counts its UTF-16 units, so after a run of two emoji or other characters outside the BMP it drops the
 * following words: 😅😅申し訳ございません lost 申し); the tokens always cover the text.
 * Nor does a lone high surrogate throw (kuromoji's UTF-8 encoder returns null for it): it becomes a
 * one-unit unknown character; nor does NUL (kuromoji walks it into the trie's terminal
 * node): it is an unknown character like any other control character.
 */
import type { JaToken } from '../types';
import type { EntryTable, IpadicDictionary } from './builder';

/** A token exactly as kuromoji 0.1.2 returns it (IpadicFormatter). */
export interface KuromojiRawToken {
  word_id: number;
  word_type: 'KNOWN' | 'UNKNOWN';
  word_position: number;
  surface_form: string;
  pos: string;
  pos_detail_1: string;
  pos_detail_2: string;
  pos_detail_3: string;
  conjugated_type: string;
  conjugated_form: string;
  basic_form: string;
  /** Known words only. */
  reading?: string;
  pronunciation?: string;
}

export interface IpadicTokenizer {
  /** Tonebridge's token shape, with exact UTF-16 offsets into `text`. */
  tokenize(text: string): JaToken[];
  /** kuromoji's token shape, field for field (for parity tests and tools that expect it). */
  tokenizeKuromoji(text: string): KuromojiRawToken[];
}

const KNOWN = 0;
const UNKNOWN = 1;
const BOS = 2;
const EOS = 3;

/** Feature lines decoded so far, per table; bounded so a long-running service worker cannot grow it
 * without limit (IPADIC has 392k entries; a support desk's vocabulary is a few thousand). */
const FEATURE_CACHE_LIMIT = 50_000;

class FeatureReader {
  private readonly cache = new Map<number, string[]>();
  private readonly decoder = new TextDecoder();
  constructor(private readonly table: EntryTable) {}

  /** The comma-separated features of a token id, split (kuromoji's getFeatures(...).split(',')). */
  fields(id: number): string[] {
    let fields = this.cache.get(id);
    if (fields === undefined) {
      const { features, entries, entryView } = this.table;
      const at = id + 10 <= entries.length ? entryView.getInt32(id + 6, true) : readInt32Zeroed(entries, id + 6);
      let line = '';
      if (at >= 0 && at < features.length) {
        let nul = features.indexOf(0, at);
        if (nul < 0) nul = features.length;
        line = this.decoder.decode(features.subarray(at, nul));
      }
      fields = line.split(',');
      if (this.cache.size >= FEATURE_CACHE_LIMIT) this.cache.clear();
      this.cache.set(id, fields);
    }
    return fields;
  }
}

/** Little-endian Int32 where bytes past the end read as zero (the trimmed padding). */
function readInt32Zeroed(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16) | ((bytes[at + 3] ?? 0) << 24);
}

function readInt16Zeroed(bytes: Uint8Array, at: number): number {
  const v = (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
  return (v << 16) >> 16;
}

/** Growable typed arrays holding one piece's lattice, reused across calls. */
class Lattice {
  capacity = 0;
  count = 0;
  /** kuromoji's start_pos (1-based code point index) and length (in code points; see the header). */
  start = new Int32Array(0);
  length = new Int32Array(0);
  left = new Int32Array(0);
  right = new Int32Array(0);
  cost = new Int32Array(0);
  kind = new Uint8Array(0);
  /** Token id (byte offset into the entry table). */
  id = new Int32Array(0);
  /** For unknown words: the surface as a UTF-16 range of the piece. */
  unitStart = new Int32Array(0);
  unitEnd = new Int32Array(0);
  total = new Float64Array(0);
  prev = new Int32Array(0);
  /** Next node ending at the same position, in insertion order (-1 ends the list). */
  next = new Int32Array(0);
  /** First and last node ending at each position. */
  head = new Int32Array(0);
  tail = new Int32Array(0);
  maxEnd = 0;

  reset(positions: number): void {
    this.count = 0;
    this.maxEnd = 0;
    if (this.head.length < positions) {
      this.head = new Int32Array(positions * 2);
      this.tail = new Int32Array(positions * 2);
    }
    this.head.fill(-1, 0, positions);
    this.tail.fill(-1, 0, positions);
  }

  private grow(): void {
    const capacity = Math.max(256, this.capacity * 2);
    const growI32 = (a: Int32Array) => {
      const b = new Int32Array(capacity);
      b.set(a);
      return b;
    };
    this.start = growI32(this.start);
    this.length = growI32(this.length);
    this.left = growI32(this.left);
    this.right = growI32(this.right);
    this.cost = growI32(this.cost);
    this.id = growI32(this.id);
    this.unitStart = growI32(this.unitStart);
    this.unitEnd = growI32(this.unitEnd);
    this.prev = growI32(this.prev);
    this.next = growI32(this.next);
    const kind = new Uint8Array(capacity);
    kind.set(this.kind);
    this.kind = kind;
    const total = new Float64Array(capacity);
    total.set(this.total);
    this.total = total;
    this.capacity = capacity;
  }

  add(
    kind: number,
    id: number,
    start: number,
    length: number,
    left: number,
    right: number,
    cost: number,
    unitStart: number,
    unitEnd: number,
  ): number {
    if (this.count === this.capacity) this.grow();
    const n = this.count++;
    this.kind[n] = kind;
    this.id[n] = id;
    this.start[n] = start;
    this.length[n] = length;
    this.left[n] = left;
    this.right[n] = right;
    this.cost[n] = cost;
    this.unitStart[n] = unitStart;
    this.unitEnd[n] = unitEnd;
    this.total[n] = kind === BOS ? 0 : Number.MAX_VALUE;
    this.prev[n] = -1;
    this.next[n] = -1;
    const end = start + length - 1;
    if (kind !== BOS && end > this.maxEnd) this.maxEnd = end;
    if (this.head.length <= end) {
      const size = (end + 1) * 2;
      const head = new Int32Array(size).fill(-1);
      const tail = new Int32Array(size).fill(-1);
      head.set(this.head);
      tail.set(this.tail);
      this.head = head;
      this.tail = tail;
    }
    if (this.tail[end]! < 0) this.head[end] = n;
    else this.next[this.tail[end]!] = n;
    this.tail[end] = n;
    return n;
  }
}

/** A tokenized piece: the best path's nodes, in order, over the lattice. */
interface Path {
  nodes: number[];
}

export function createIpadicTokenizer(dict: IpadicDictionary): IpadicTokenizer {
  const { base, check, costs, backwardSize, classOfUnit, classes, defaultClass, known, unknown } = dict;
  const trieSize = Math.min(base.length, check.length);
  const knownFeatures = new FeatureReader(known);
  const unknownFeatures = new FeatureReader(unknown);
  const lattice = new Lattice();

  // Per-piece scratch, grown as needed: code points, their UTF-16 starts, classes and run ends.
  let cpCode = new Int32Array(64);
  let cpUnit = new Int32Array(65);
  let cpClass = new Int32Array(64);
  let runEnd = new Int32Array(64);

  const entryShort = (table: EntryTable, at: number): number =>
    at + 2 <= table.entries.length ? table.entryView.getInt16(at, true) : readInt16Zeroed(table.entries, at);

  /** The child of a trie node by one byte, or -1. */
  const step = (parent: number, byte: number): number => {
    const child = base[parent]! + byte;
    return child >= 0 && child < trieSize && check[child] === parent ? child : -1;
  };

  function addEntries(table: EntryTable, kind: number, key: number, start: number, length: number, u0: number, u1: number) {
    const { offsets, ids } = table;
    if (key < 0 || key + 1 >= offsets.length) {
      throw new Error(`Japanese dictionary: no entries for ${kind === KNOWN ? 'trie id' : 'character class'} ${key}`);
    }
    for (let i = offsets[key]!, end = offsets[key + 1]!; i < end; i++) {
      const id = ids[i]!;
      lattice.add(kind, id, start, length, entryShort(table, id), entryShort(table, id + 2), entryShort(table, id + 4), u0, u1);
    }
  }

  /** Builds the lattice of one piece and returns the best path (kuromoji's ViterbiBuilder + Searcher). */
  function search(piece: string): Path {
    const units = piece.length;
    if (cpCode.length < units) {
      const size = units * 2;
      cpCode = new Int32Array(size);
      cpUnit = new Int32Array(size + 1);
      cpClass = new Int32Array(size);
      runEnd = new Int32Array(size);
    }
    // Code points as kuromoji's SurrogateAwareString counts them. A high surrogate not followed by a
    // low one makes kuromoji throw; here it is a character of its own in the DEFAULT class, which no
    // dictionary key contains (code -1).
    let n = 0;
    for (let u = 0; u < units; ) {
      const c = piece.charCodeAt(u);
      cpUnit[n] = u;
      if (c >= 0xd800 && c <= 0xdbff) {
        const low = piece.charCodeAt(u + 1);
        const paired = low >= 0xdc00 && low <= 0xdfff;
        cpCode[n] = paired ? (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000 : -1;
        cpClass[n] = defaultClass;
        u += paired ? 2 : 1;
      } else {
        cpCode[n] = c;
        cpClass[n] = classOfUnit[c]!;
        u += 1;
      }
      n++;
    }
    cpUnit[n] = units;
    for (let k = n - 1; k >= 0; k--) {
      runEnd[k] = k + 1 < n && classes[cpClass[k + 1]!]!.name === classes[cpClass[k]!]!.name ? runEnd[k + 1]! : k + 1;
    }

    lattice.reset(n + units + 2);
    lattice.add(BOS, -1, 0, 1, 0, 0, 0, 0, 0); // ends at 0, as kuromoji's nodes_end_at[0]

    for (let pos = 0; pos < n; pos++) {
      // Common-prefix search in the trie, one UTF-8 byte at a time.
      let parent = 0;
      let matched = false;
      for (let j = pos; j < n; j++) {
        const code = cpCode[j]!;
        // NUL is the trie's terminal byte (a key's end), so no key contains it; -1 is a lone surrogate.
        if (code <= 0) break;
        // UTF-8, one trie transition per byte.
        if (code < 0x80) {
          if ((parent = step(parent, code)) < 0) break;
        } else if (code < 0x800) {
          if ((parent = step(parent, (code >>> 6) | 0xc0)) < 0) break;
          if ((parent = step(parent, (code & 0x3f) | 0x80)) < 0) break;
        } else if (code < 0x10000) {
          if ((parent = step(parent, (code >>> 12) | 0xe0)) < 0) break;
          if ((parent = step(parent, ((code >> 6) & 0x3f) | 0x80)) < 0) break;
          if ((parent = step(parent, (code & 0x3f) | 0x80)) < 0) break;
        } else {
          if ((parent = step(parent, (code >>> 18) | 0xf0)) < 0) break;
          if ((parent = step(parent, ((code >> 12) & 0x3f) | 0x80)) < 0) break;
          if ((parent = step(parent, ((code >> 6) & 0x3f) | 0x80)) < 0) break;
          if ((parent = step(parent, (code & 0x3f) | 0x80)) < 0) break;
        }
        // A key ends here when the node has a terminal (0) child, whose BASE holds -(value + 1).
        const terminal = base[parent]!;
        if (terminal >= 0 && terminal < trieSize && check[terminal] === parent) {
          const value = base[terminal]!;
          if (value <= 0) {
            const u0 = cpUnit[pos]!;
            const u1 = cpUnit[j + 1]!;
            addEntries(known, KNOWN, -value - 1, pos + 1, u1 - u0, 0, 0);
            matched = true;
          }
        }
      }

      const cls = classes[cpClass[pos]!]!;
      if (!matched || cls.invoke) {
        const grouped = cls.group && runEnd[pos]! > pos + 1;
        const u0 = cpUnit[pos]!;
        const u1 = grouped ? cpUnit[runEnd[pos]!]! : cpUnit[pos + 1]!;
        // The length counts code points, as lattice positions do. (kuromoji's key becomes a plain string
        // when grouping appends to it, so its length counts UTF-16 units: a run of emoji then claims
        // more positions than it has, and the words after it vanish — 😅😅申し訳 lost 申し.)
        addEntries(unknown, UNKNOWN, cls.id, pos + 1, grouped ? runEnd[pos]! - pos : 1, u0, u1);
      }
    }

    // EOS ends one past the furthest node (kuromoji's appendEos).
    const eosPos = Math.max(1, lattice.maxEnd) + 1;
    const eos = lattice.add(EOS, -1, eosPos, 1, 0, 0, 0, 0, 0);

    // Forward pass.
    const { head, next, start, left, right, cost, total, prev } = lattice;
    let bestPrev = -1; // deliberately shared across nodes, as kuromoji's `var shortest_prev_node` is
    for (let i = 1; i <= eosPos; i++) {
      for (let node = head[i]!; node >= 0; node = next[node]!) {
        const before = start[node]! - 1;
        const first = before >= 0 && before < head.length ? head[before]! : -1;
        if (first < 0) continue;
        let best = Number.MAX_VALUE;
        const l = left[node]!;
        const c = cost[node]!;
        for (let p = first; p >= 0; p = next[p]!) {
          const candidate = total[p]! + costs[right[p]! * backwardSize + l + 2]! + c;
          if (candidate < best) {
            bestPrev = p;
            best = candidate;
          }
        }
        prev[node] = bestPrev;
        total[node] = best;
      }
    }

    // Backward pass.
    const nodes: number[] = [];
    let node = prev[eos]!;
    if (node < 0) return { nodes };
    while (lattice.kind[node] !== BOS) {
      nodes.push(node);
      if (prev[node]! < 0) return { nodes: [] };
      node = prev[node]!;
    }
    nodes.reverse();
    return { nodes };
  }

  /** Calls `emit` for every piece of `text` (kuromoji's splitByPunctuation: cut after 、 and 。). */
  function eachPiece(text: string, emit: (piece: string, offset: number, path: Path) => void): void {
    let from = 0;
    for (let u = 0; u < text.length; u++) {
      const c = text.charCodeAt(u);
      if (c === 0x3001 || c === 0x3002) {
        const piece = text.slice(from, u + 1);
        emit(piece, from, search(piece));
        from = u + 1;
      }
    }
    if (from < text.length) {
      const piece = text.slice(from);
      emit(piece, from, search(piece));
    }
  }

  const orEmpty = (s: string | undefined) => (s === undefined || s === '*' ? '' : s);

  return {
    tokenize(text: string): JaToken[] {
      const tokens: JaToken[] = [];
      let cursor = 0;
      eachPiece(text, (piece, _offset, path) => {
        for (const node of path.nodes) {
          let surface: string;
          let f: string[];
          if (lattice.kind[node] === KNOWN) {
            f = knownFeatures.fields(lattice.id[node]!);
            surface = f[0]!;
          } else {
            f = unknownFeatures.fields(lattice.id[node]!);
            surface = piece.slice(lattice.unitStart[node]!, lattice.unitEnd[node]!);
          }
          // Offsets as the kuromoji wrapper computes them: the surface's next occurrence from the cursor.
          const at = text.startsWith(surface, cursor) ? cursor : text.indexOf(surface, cursor);
          const tokenStart = at >= 0 ? at : cursor;
          const tokenEnd = tokenStart + surface.length;
          cursor = tokenEnd;
          const basic = f[7];
          tokens.push({
            surface,
            start: tokenStart,
            end: tokenEnd,
            pos: f[1] ?? '',
            posDetail1: orEmpty(f[2]),
            posDetail2: orEmpty(f[3]),
            posDetail3: orEmpty(f[4]),
            conjugatedType: orEmpty(f[5]),
            conjugatedForm: orEmpty(f[6]),
            baseForm: basic === '*' || basic === undefined ? surface : basic,
            reading: lattice.kind[node] === KNOWN ? orEmpty(f[8]) : '',
          });
        }
      });
      return tokens;
    },

    tokenizeKuromoji(text: string): KuromojiRawToken[] {
      const tokens: KuromojiRawToken[] = [];
      eachPiece(text, (piece, _offset, path) => {
        const lastPos = tokens.length > 0 ? tokens[tokens.length - 1]!.word_position : 0;
        for (const node of path.nodes) {
          const id = lattice.id[node]!;
          const position = lastPos + lattice.start[node]!;
          if (lattice.kind[node] === KNOWN) {
            const f = knownFeatures.fields(id);
            tokens.push({
              word_id: id,
              word_type: 'KNOWN',
              word_position: position,
              surface_form: f[0]!,
              pos: f[1]!,
              pos_detail_1: f[2]!,
              pos_detail_2: f[3]!,
              pos_detail_3: f[4]!,
              conjugated_type: f[5]!,
              conjugated_form: f[6]!,
              basic_form: f[7]!,
              reading: f[8],
              pronunciation: f[9],
            });
          } else {
            const f = unknownFeatures.fields(id);
            tokens.push({
              word_id: id,
              word_type: 'UNKNOWN',
              word_position: position,
              surface_form: piece.slice(lattice.unitStart[node]!, lattice.unitEnd[node]!),
              pos: f[1]!,
              pos_detail_1: f[2]!,
              pos_detail_2: f[3]!,
              pos_detail_3: f[4]!,
              conjugated_type: f[5]!,
              conjugated_form: f[6]!,
              basic_form: f[7]!,
            });
          }
        }
      });
      return tokens;
    },
  };
}
