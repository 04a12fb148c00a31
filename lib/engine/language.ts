/**
 * Language detection from the text itself. Japanese is recognised by kana and kanji, English by
 * Latin letters; a Japanese sentence may hold English product names and still be Japanese.
 */
import type { DetectedLang, Lang } from './types';

export interface ScriptCounts {
  /** Hiragana, katakana, kanji and Japanese punctuation. */
  japanese: number;
  /** Kana alone: kanji without kana may be Chinese, kana is decisively Japanese. */
  kana: number;
  latin: number;
}

export function countScripts(text: string): ScriptCounts {
  let japanese = 0;
  let kana = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
    else if (c >= 0x3040 && c <= 0x30ff) {
      japanese++;
      kana++;
    } else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3000 && c <= 0x303f)) {
      japanese++;
    } else if (c >= 0xff66 && c <= 0xff9d) {
      // half-width katakana
      japanese++;
      kana++;
    }
  }
  return { japanese, kana, latin };
}

/**
 * The language of one sentence or line. Japanese wins as soon as it has kana or a fair share of
 * kanji, since Japanese writing mixes in Latin names (「Zendeskの設定をご確認ください」).
 */
export function sentenceLang(text: string): Lang | undefined {
  const { japanese, kana, latin } = countScripts(text);
  if (kana > 0 || (japanese > 0 && japanese * 3 >= latin)) return 'ja';
  if (latin > 0) return 'en';
  return undefined;
}

/**
 * The language of a whole message from its sentences' languages, weighted by length: `mixed` when the
 * minority language holds more than 30 % of the (weighted) letters (a bilingual reply), else the majority.
 */
export function messageLang(parts: { lang: Lang | undefined; length: number }[]): DetectedLang {
  // `length` is the count of letters (see letterCount): digits, symbols and spaces weigh nothing.
  let ja = 0;
  let en = 0;
  for (const p of parts) {
    if (p.lang === 'ja') ja += p.length;
    else if (p.lang === 'en') en += p.length;
  }
  if (ja === 0 && en === 0) return 'unknown';
  // Japanese characters carry about three times the information of Latin letters.
  const jaWeight = ja * 3;
  const minority = Math.min(jaWeight, en);
  if (minority > 0 && minority / (jaWeight + en) > 0.3) return 'mixed';
  return jaWeight >= en ? 'ja' : 'en';
}

/** Letters of a text in its own script (kana/kanji for Japanese, Latin letters for English). */
export function letterCount(text: string, lang: Lang | undefined): number {
  const c = countScripts(text);
  return lang === 'ja' ? c.japanese : lang === 'en' ? c.latin : 0;
}

export function detectLang(text: string): DetectedLang {
  const parts = text.split(/\n+/).map((line) => {
    const lang = sentenceLang(line);
    return { lang, length: letterCount(line, lang) };
  });
  return messageLang(parts);
}
