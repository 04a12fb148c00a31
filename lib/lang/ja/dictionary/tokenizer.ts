/**
 * kuromoji 0.1.2's tokenizer, re-implemented over the compiled dictionary (compiled.ts). It returns
 * the same tokens as kuromoji's stock Tokenizer for any input kuromoji accepts (test/lang/ja/
 * dictionary-parity.test.ts compares them field by field), including kuromoji's quirks:
 * - input is cut after every 、 and 。 and each piece is searched separately;
 * - the unknown-word candidate is the whole run of same-class characters (max length is ignored);
 * - ties keep the first candidate in lattice order; a node none of whose predecessors is reachable
 *   keeps the previous node's best predecessor (kuromoji's function-scoped `var`).
 * What it does not copy is the cost: kuromoji re-encodes the rest of the sentence to UTF-8 at every
 * position (quadratic), allocates a node object per candidate and a result object per trie match, and
 * re-decodes every token's features. Here the trie walk takes one step per UTF-16 unit and stops at the
 * first miss, lattice nodes live in reusable typed arrays, and features are decoded once per entry (cached).
 * Unlike kuromoji, a grouped unknown word's length counts code points, as lattice positions do (kuromoji
 * counts its UTF-16 units, so after a run of two emoji or other characters outside the BMP it drops the
 * following words: 😅😅申し訳ございません lost 申し); the tokens always cover the text.
 * Nor does a lone high surrogate throw (kuromoji's UTF-8 encoder returns null for it): it becomes a
 * one-unit unknown character; nor does NUL (kuromoji walks it into the trie's terminal
 * node): it is an unknown character like any other control character.
 */
import type { JaToken } from '../types';
import { LAST_ENTRY, TERMINAL_LABEL, type CompiledDictionary, type WordTable } from './compiled';

export interface IpadicTokenizer {
  /** Tonebridge's token shape, with exact UTF-16 offsets into `text`. */
  tokenize(text: string): JaToken[];
}

const KNOWN = 0;
const UNKNOWN = 1;
const BOS = 2;
const EOS = 3;

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
  /** Entry number in its word table. */
  id = new Int32Array(0);
  /** The surface as a UTF-16 range of the piece. */
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

export function createIpadicTokenizer(dict: CompiledDictionary): IpadicTokenizer {
  const { alphabet, base, check, costs, backwardSize, classOfUnit, classes, defaultClass, known, unknown, unknownFirst, classLeft, classRight } =
    dict;
  const trieSize = Math.min(base.length, check.length);
  const classCount = classLeft.length;
  const lattice = new Lattice();

  // Per-piece scratch, grown as needed: code points, their UTF-16 starts, classes and run ends.
  let cpCode = new Int32Array(64);
  let cpUnit = new Int32Array(65);
  let cpClass = new Int32Array(64);
  let runEnd = new Int32Array(64);

  /** Adds the entries from `first` to the last one of its word (or character class). */
  function addEntries(table: WordTable, kind: number, first: number, start: number, length: number, u0: number, u1: number) {
    const { cls, cost } = table;
    for (let id = first; ; id++) {
      const c = cls[id];
      if (c === undefined || (c & ~LAST_ENTRY) >= classCount) {
        throw new Error(`Japanese dictionary: ${kind === KNOWN ? 'known' : 'unknown'} entry ${id} is malformed`);
      }
      const k = c & ~LAST_ENTRY;
      lattice.add(kind, id, start, length, classLeft[k]!, classRight[k]!, cost[id]!, u0, u1);
      if (c & LAST_ENTRY) return;
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
      // Common-prefix search in the trie, one UTF-16 unit (one label) at a time.
      let node = 0;
      let matched = false;
      for (let j = pos; j < n; j++) {
        const code = cpCode[j]!;
        // -1 is a lone surrogate; no word has a character outside the BMP (the build checks).
        if (code < 0 || code > 0xffff) break;
        const label = alphabet[code]!;
        const from = base[node]!;
        // label 0: in no word; a negative BASE: a word's end with no longer word.
        if (label === 0 || from < 0) break;
        const child = from + label;
        if (child >= trieSize || check[child] !== label) break;
        node = child;
        // A word ends here: its first entry is in the node's BASE, or in its terminal child's.
        let value = base[node]!;
        if (value >= 0) {
          const terminal = value + TERMINAL_LABEL;
          value = terminal < trieSize && check[terminal] === TERMINAL_LABEL ? base[terminal]! : 0;
        }
        if (value < 0) {
          const u0 = cpUnit[pos]!;
          const u1 = cpUnit[j + 1]!;
          addEntries(known, KNOWN, -value - 1, pos + 1, u1 - u0, u0, u1);
          matched = true;
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
        addEntries(unknown, UNKNOWN, unknownFirst[cls.id]!, pos + 1, grouped ? runEnd[pos]! - pos : 1, u0, u1);
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

  return {
    tokenize(text: string): JaToken[] {
      const tokens: JaToken[] = [];
      eachPiece(text, (piece, offset, path) => {
        for (const node of path.nodes) {
          // The surface is the text the node covers (a known word's key is its surface).
          const u0 = lattice.unitStart[node]!;
          const u1 = lattice.unitEnd[node]!;
          const surface = piece.slice(u0, u1);
          const f = (lattice.kind[node] === KNOWN ? known : unknown).features(lattice.id[node]!, surface);
          tokens.push({
            surface,
            start: offset + u0,
            end: offset + u1,
            pos: f.pos,
            posDetail1: f.posDetail1,
            posDetail2: f.posDetail2,
            posDetail3: f.posDetail3,
            conjugatedType: f.conjugatedType,
            conjugatedForm: f.conjugatedForm,
            baseForm: f.baseForm ?? surface,
            reading: f.reading,
          });
        }
      });
      return tokens;
    },
  };
}
