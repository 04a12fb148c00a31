/**
 * en/chat-register — English written for a Japanese customer should read like a business letter:
 * no contractions ("we'll" → "we will"), no chat words or slang ("gonna", "ASAP", "FYI", "no worries"),
 * no emoji or emoticons and no "!!". Each is flagged with its formal wording as a one-click fix.
 * The opening greeting and the sign-off are left to en/first-name-familiarity, which rewrites them whole.
 * Words: dictionaries/en/chat-register.json; contractions come from the English analysis.
 */
import data from '../../../../dictionaries/en/chat-register.json';
import { defineDetector, type RawFinding } from '../../detector';
import { NO_OPTIONS } from '../../options';
import { enSentences, type EnSentenceEntry } from '../../document';
import type { EnContraction } from '../../../lang/en/types';
import { PhraseIndex, tokenize } from '../../../lang/en/phrase-index';
import { matchCase, readClosing, readOpening, replacePhrase } from '../../reply/en';

const slang = new PhraseIndex<string>(data.slang.map((s): [string, string] => [s.phrase, s.formal]));
const emoticons = new PhraseIndex<true>(data.emoticons.map((e): [string, true] => [e, true]));
const SPELLINGS: Record<string, string> = data.spellings;
/** Emoji (pictographs, with any variation selector, skin tone or joiner sequence). */
const EMOJI = /\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic})*/gu;
/** A run of ! and ? (one linear scan); it is shouting when it holds "!!", "?!" or "!?" (isShouting). */
const BANGS = /[!?]{2,}/g;
const isShouting = (run: string) => run.includes('!!') || run.includes('?!') || run.includes('!?');

/** The formal wording of a contraction: "it's broken" → "it is", "it's been" → "it has", "I'm" → "I am". */
export function expandContraction(c: EnContraction, following: string): string {
  let expanded = c.expanded;
  if (/['’]s$/i.test(c.text)) {
    const perfect = /^\s+(?:been|got|gotten)\b/i.test(following);
    expanded = expanded.replace(/ (is|has)$/, perfect ? ' has' : ' is');
  }
  expanded = SPELLINGS[expanded] ?? expanded;
  expanded = expanded.replace(/\bi\b/g, 'I');
  return matchCase(c.text, expanded);
}

/** Part of a dotted abbreviation ("U.S.", "a.s.a.p" is not one of ours): "U" followed by ".S". */
function isAbbreviation(text: string, start: number, end: number): boolean {
  return /^\.[A-Z]/i.test(text.slice(end, end + 2)) || /[A-Z]\.$/i.test(text.slice(Math.max(0, start - 2), start));
}

type Kind = 'contraction' | 'slang' | 'emoji' | 'exclamation';

export default defineDetector({
  meta: {
    id: 'en/chat-register',
    kind: 'formality',
    languages: ['en'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: true,
    schema: NO_OPTIONS,
    holdsSend: true,
    description: {
      en: 'English for Japanese customers should be formal: no contractions, slang, chat words, emoji or “!!”.',
      ja: '日本のお客様向けの英文は改まった文体に。短縮形・スラング・チャット語・絵文字・「!!」は避けましょう。',
    },
    messages: {
      contraction: {
        en: '“{text}” is a contraction; write “{formal}” in a formal reply.',
        ja: '「{text}」は短縮形です。改まった返信では「{formal}」と書きましょう。',
      },
      slang: {
        en: '“{text}” is chat language; write “{formal}”.',
        ja: '「{text}」はチャット的な表現です。「{formal}」と書きましょう。',
      },
      slangRemove: {
        en: '“{text}” is chat language; leave it out.',
        ja: '「{text}」はチャット的な表現です。削除しましょう。',
      },
      emoji: {
        en: 'Emoji and emoticons (“{text}”) are too casual for a Japanese customer.',
        ja: '絵文字・顔文字（「{text}」）は日本のお客様にはくだけすぎています。',
      },
      exclamation: {
        en: '“{text}” is too excited for a formal reply; use a full stop.',
        ja: '「{text}」は改まった返信には感情的すぎます。句点（.）にしましょう。',
      },
      replace: { en: 'Write “{formal}”', ja: '「{formal}」にする' },
      remove: { en: 'Remove “{text}”', ja: '「{text}」を削除' },
      reason: {
        en: 'Japanese customers expect the formal register of a business letter; chat language and emoji read as careless or disrespectful, especially about a problem.',
        ja: '日本のお客様はビジネスレターの改まった文体を期待します。チャット的な言葉や絵文字は、特に問題への対応では軽率・失礼に映ります。',
      },
    },
  },
  detect({ doc }) {
    const findings: RawFinding[] = [];
    const opening = readOpening(doc);
    const closing = readClosing(doc);
    // The greeting word and the sign-off belong to en/first-name-familiarity.
    const reserved = [opening.greeting?.word, closing?.phrase].filter((s) => s !== undefined);
    const taken: { start: number; end: number }[] = [];
    const free = (start: number, end: number) =>
      !reserved.some((r) => start < r.end && end > r.start) && !taken.some((t) => start < t.end && end > t.start);
    const add = (s: EnSentenceEntry, kind: Kind, start: number, end: number, formal: string) => {
      if (!free(start, end)) return;
      taken.push({ start, end });
      const text = doc.text.slice(start, end);
      if (kind === 'exclamation') {
        const stop = text.includes('?') ? '?' : '.';
        findings.push({ start, end, message: 'exclamation', data: { text }, fixes: [{ label: 'replace', data: { formal: stop }, edits: [{ start, end, text: stop }] }] });
        return;
      }
      const edit = replacePhrase(doc, s, start, end, formal);
      const remove = formal === '';
      findings.push({
        start,
        end,
        message: kind === 'slang' && remove ? 'slangRemove' : kind,
        data: remove ? { text } : { text, formal: edit.text },
        fixes: [remove ? { label: 'remove', data: { text }, edits: [edit] } : { label: 'replace', data: { formal: edit.text }, edits: [edit] }],
      });
    };

    for (const s of enSentences(doc)) {
      const tokens = tokenize(s.text);
      for (const hit of slang.findAll(tokens)) {
        if (hit.value.toLowerCase() === hit.phrase.toLowerCase()) continue; // a literal use ("thanks to the update")
        if (isAbbreviation(s.text, hit.start, hit.end)) continue;
        add(s, 'slang', s.start + hit.start, s.start + hit.end, hit.value);
      }
      for (const c of s.en.contractions) {
        add(s, 'contraction', s.start + c.start, s.start + c.end, expandContraction(c, s.text.slice(c.end)));
      }
      for (const hit of emoticons.findAll(tokens)) add(s, 'emoji', s.start + hit.start, s.start + hit.end, '');
      for (const m of s.text.matchAll(EMOJI)) add(s, 'emoji', s.start + m.index, s.start + m.index + m[0].length, '');
      for (const m of s.text.matchAll(BANGS)) if (isShouting(m[0])) add(s, 'exclamation', s.start + m.index, s.start + m.index + m[0].length, '.');
    }
    return findings.sort((a, b) => a.start - b.start);
  },
});
