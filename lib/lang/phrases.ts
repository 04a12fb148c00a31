/**
 * Phrase matching over our own data lists (never user regexes): literal phrases, English ones on word
 * boundaries and case-insensitive, Japanese ones as substrings. Compiled once per list.
 */

export interface PhraseHit {
  phrase: string;
  start: number;
  end: number;
}

const ASCII_WORD = /^[A-Z0-9]/i;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class PhraseSet {
  private readonly pattern: RegExp | undefined;

  constructor(readonly phrases: readonly string[]) {
    const alternatives = [...phrases]
      .filter((p) => p.length > 0)
      .sort((a, b) => b.length - a.length) // longest first, so "not possible" beats "not"
      .map((p) => {
        const body = escape(p).replace(/'/g, "['’]");
        const left = ASCII_WORD.test(p) ? '(?<![A-Za-z0-9])' : '';
        const right = ASCII_WORD.test(p.slice(-1)) ? '(?![A-Za-z0-9])' : '';
        return `${left}${body}${right}`;
      });
    this.pattern = alternatives.length ? new RegExp(alternatives.join('|'), 'giu') : undefined;
  }

  /** Every non-overlapping occurrence, in order. */
  findAll(text: string): PhraseHit[] {
    if (!this.pattern) return [];
    const hits: PhraseHit[] = [];
    for (const m of text.matchAll(this.pattern)) {
      hits.push({ phrase: m[0], start: m.index, end: m.index + m[0].length });
    }
    return hits;
  }

  test(text: string): boolean {
    if (!this.pattern) return false;
    this.pattern.lastIndex = 0;
    const found = this.pattern.test(text);
    this.pattern.lastIndex = 0;
    return found;
  }
}
