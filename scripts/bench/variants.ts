/**
 * Text variants for the benchmark: "fresh" texts that share no sentence with any earlier call (so the
 * engine's sentence cache cannot answer), and one-character edits (so only one sentence changes).
 */

/** The text with a number that depends on `k` before every sentence end and at every line end, so
 * every sentence of variant k is new. Japanese gets （k）, English gets (k). */
export function freshVariant(text: string, lang: 'ja' | 'en', k: number): string {
  const tag = lang === 'ja' ? `（${k}）` : ` (${k})`;
  const ends = lang === 'ja' ? /([。！？])/g : /([.!?])(?=\s|$)/g;
  return text
    .split('\n')
    .map((line) => {
      if (line.trim() === '') return line;
      const tagged = line.replace(ends, `${tag}$1`);
      return tagged === line ? `${line}${tag}` : tagged;
    })
    .join('\n');
}

/** A position in the middle of the text holding a letter (kana/kanji, or a Latin letter). */
export function editPosition(text: string, lang: 'ja' | 'en'): number {
  const letter = lang === 'ja' ? /[\u3041-\u3096\u4e00-\u9fff]/u : /[a-z]/;
  for (let d = 0; d < text.length; d++) {
    for (const at of [Math.floor(text.length / 2) + d, Math.floor(text.length / 2) - d]) {
      const ch = text[at];
      if (ch !== undefined && letter.test(ch)) return at;
    }
  }
  throw new Error('no letter to edit');
}

/** The k-th one-character edit at `at`: a distinct letter for every k (a kanji, or an accented Latin
 * letter), so consecutive versions differ by one character and no version repeats. */
export function editVariant(text: string, at: number, lang: 'ja' | 'en', k: number): string {
  const ch = lang === 'ja' ? String.fromCharCode(0x4e00 + ((k * 37) % 20000)) : String.fromCharCode(0x100 + (k % 0x140));
  return text.slice(0, at) + ch + text.slice(at + 1);
}
