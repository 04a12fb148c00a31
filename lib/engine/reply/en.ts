/**
 * The shape of an English support reply: its opening (greeting, the customer's name, opening thanks),
 * its body, and its closing (sign-off and signature) — and where a missing sentence naturally goes.
 * Vocabulary: dictionaries/en/reply.json.
 */
import data from '../../../dictionaries/en/reply.json';
import { PhraseIndex, tokenize, type Token } from '../../lang/en/phrase-index';
import { charIn, trimEndWhere } from '../../lang/text';
import type { AnalyzedText, EnSentenceEntry } from '../document';
import { enSentences } from '../document';
import type { Edit } from '../types';

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface Greeting extends TextSpan {
  /** The greeting word(s) as written, e.g. "Hi", "Good morning". */
  word: TextSpan;
  casual: boolean;
  /** The name after the greeting ("Jane", "Mr. Tanaka"), when there is one. */
  name?: TextSpan;
  /** A word standing in for the name ("there", "Customer", "Sir or Madam"). */
  standIn?: TextSpan;
  sentence: EnSentenceEntry;
}

export interface Opening {
  greeting?: Greeting;
  /** "Thanks for reaching out" and the like, in the opening. */
  thanks?: TextSpan;
  /** The sentences that make up the opening. */
  sentences: EnSentenceEntry[];
  /** The first sentence after the opening. */
  body?: EnSentenceEntry;
}

export interface Closing {
  /** The sign-off sentence ("Best regards,", "Cheers,"). */
  sentence: EnSentenceEntry;
  /** The sign-off phrase as written. */
  phrase: TextSpan;
  formal: boolean;
  /** For a casual sign-off, its formal replacement. */
  formalReplacement?: string;
  /** The last body sentence before the closing, if any. */
  lastBody?: EnSentenceEntry;
}

const greetingIndex = new PhraseIndex<boolean>(
  data.greetings.map((g): [string, boolean] => [g, data.casualGreetings.includes(g)]),
);
const standInIndex = new PhraseIndex<true>(data.nameStandIns.map((s): [string, true] => [s, true]));
const thanksIndex = new PhraseIndex<true>(data.openingThanks.map((s): [string, true] => [s, true]));
const TITLES = new Set(data.titles);
const FORMAL_CLOSINGS = new Set(data.formalClosings);
const CASUAL_CLOSINGS = new Map(data.casualClosings.map((c) => [c.phrase, c.formal]));

const WORD = /^[\p{L}\p{N}]/u;
const isWord = (t: Token) => WORD.test(t.key);

function span(doc: AnalyzedText, start: number, end: number): TextSpan {
  return { start, end, text: doc.text.slice(start, end) };
}

/** Reads a greeting at the start of a sentence: "Hi Jane,", "Dear Mr. Tanaka,", "Hey there!". */
export function readGreeting(doc: AnalyzedText, s: EnSentenceEntry): Greeting | undefined {
  const tokens = tokenize(s.text);
  const hit = greetingIndex.matchAt(tokens, 0);
  if (!hit) return undefined;
  // "Hi" must stand alone: "High priority" is not a greeting, nor "Hello world" in code … but it is here.
  const greeting: Greeting = {
    ...span(doc, s.start, s.start + hit.end),
    word: span(doc, s.start + hit.start, s.start + hit.end),
    casual: hit.value,
    sentence: s,
  };
  let i = hit.length;
  const stand = standInIndex.matchAt(tokens, i);
  if (stand && (tokens[i + stand.length] === undefined || !isWord(tokens[i + stand.length]!))) {
    greeting.standIn = span(doc, s.start + stand.start, s.start + stand.end);
    greeting.end = greeting.standIn.end;
    greeting.text = doc.text.slice(greeting.start, greeting.end);
    return greeting;
  }
  // Name words: capitalised words, a title with its dot ("Mr."), a hyphenated suffix ("Tanaka-san").
  let first = -1;
  let last = -1;
  for (let n = 0; i < tokens.length && n < 5; i++) {
    const t = tokens[i]!;
    const raw = s.text.slice(t.start, t.end);
    if (isWord(t)) {
      if (!/^\p{Lu}/u.test(raw) && !(last >= 0 && /^(?:san|sama|sensei)$/.test(t.key))) break;
      if (first < 0) first = i;
      last = i;
      n++;
    } else if ((t.key === '.' && last >= 0 && TITLES.has(tokens[last]!.key)) || (t.key === '-' && last >= 0)) {
      continue;
    } else if ((t.key === 'and' || t.key === '&') && last >= 0 && TITLES.has(tokens[last]!.key) && TITLES.has(tokens[i + 1]?.key ?? '')) {
      continue; // "Dear Mr. and Mrs. Harper" 
    } else break;
  }
  if (first >= 0) {
    const end = tokens[last]!.end + (tokens[last + 1]?.key === '.' && TITLES.has(tokens[last]!.key) ? 1 : 0);
    greeting.name = span(doc, s.start + tokens[first]!.start, s.start + end);
    greeting.end = greeting.name.end;
    greeting.text = doc.text.slice(greeting.start, greeting.end);
  }
  return greeting;
}

export function readOpening(doc: AnalyzedText): Opening {
  const sentences = enSentences(doc);
  const opening: Opening = { sentences: [] };
  let i = 0;
  const first = sentences[0];
  if (first) {
    const greeting = readGreeting(doc, first);
    if (greeting) {
      opening.greeting = greeting;
      opening.sentences.push(first);
      i = 1;
    }
  }
  // Opening thanks: in the greeting's sentence or the sentence right after the opening so far.
  for (const s of sentences.slice(0, i + 1)) {
    const hit = thanksIndex.findAll(tokenize(s.text))[0];
    if (hit) {
      opening.thanks = span(doc, s.start + hit.start, s.start + hit.end);
      if (!opening.sentences.includes(s)) opening.sentences.push(s);
      i = s.index + 1;
      break;
    }
  }
  const body = sentences.find((s) => s.index >= i);
  if (body) opening.body = body;
  return opening;
}

function closingPhrase(s: EnSentenceEntry): { text: string; end: number } | undefined {
  // "Best regards," / "Cheers, Sam" / "Thanks!" : the words before any comma, trailing marks trimmed.
  const comma = s.text.indexOf(',');
  const head = comma >= 0 ? s.text.slice(0, comma) : s.text;
  const trimmed = trimEndWhere(head, charIn(/[\s.!]/));
  const key = trimmed.toLowerCase().replace(/’/g, "'");
  if (FORMAL_CLOSINGS.has(key) || CASUAL_CLOSINGS.has(key)) return { text: trimmed, end: trimmed.length };
  const bang = `${key}!`;
  if (s.text.trim().toLowerCase() === bang && CASUAL_CLOSINGS.has(bang)) return { text: trimmed, end: trimmed.length };
  return undefined;
}

/** Whether a sentence fills its own line: a signature line, not part of a paragraph. */
function ownsLine(doc: AnalyzedText, s: EnSentenceEntry): boolean {
  const p = doc.paragraphs[s.paragraph]!;
  return doc.text.slice(p.start, p.end).trim() === s.text;
}

/**
 * A sign-off we do not list, read from the letter's shape: a short line of its own ending in a comma
 * ("Onward,", "Yours in service,"), followed only by short signature lines — never the last line itself.
 */
function shapedSignOff(doc: AnalyzedText, s: EnSentenceEntry, i: number, count: number): { text: string; end: number } | undefined {
  if (i === count - 1 || !ownsLine(doc, s) || s.en.wordCount > 4 || !/^[A-Z][^,]*,$/.test(s.text)) return undefined;
  const text = s.text.slice(0, -1);
  return { text, end: text.length };
}

/** The sign-off at the end of the reply, with any signature lines after it. */
export function readClosing(doc: AnalyzedText): Closing | undefined {
  const sentences = enSentences(doc);
  for (let i = sentences.length - 1; i >= 0; i--) {
    const s = sentences[i]!;
    const listed = closingPhrase(s);
    const phrase = listed ?? shapedSignOff(doc, s, i, sentences.length);
    if (phrase && (ownsLine(doc, s) || i === sentences.length - 1)) {
      const key = phrase.text.toLowerCase().replace(/’/g, "'");
      // An unlisted sign-off is not judged casual: nobody is nagged about a closing we cannot name.
      const formal = FORMAL_CLOSINGS.has(key) || !listed;
      const closing: Closing = { sentence: s, phrase: span(doc, s.start, s.start + phrase.end), formal };
      if (!formal) closing.formalReplacement = CASUAL_CLOSINGS.get(key) ?? CASUAL_CLOSINGS.get(`${key}!`) ?? 'Best regards';
      const before = sentences[i - 1];
      if (before) closing.lastBody = before;
      return closing;
    }
    // Walk back over short signature lines ("Sam", "Acme Support"); stop at the body.
    if (!(s.en.wordCount <= 5 && ownsLine(doc, s))) return undefined;
  }
  return undefined;
}

/**
 * Whether the reply as a whole is English. Detectors about the shape of the whole reply (greeting,
 * apology, next step, sign-off …) only speak when it is: a Japanese reply quoting an English line
 * ("Order ID: ABC-123 shipped") is not an English letter missing its greeting.
 */
export function isEnglishReply(doc: AnalyzedText): boolean {
  return doc.lang === 'en';
}

/** Inserts a sentence right after the opening (greeting and opening thanks), before the body. */
export function insertAfterOpening(doc: AnalyzedText, sentence: string): Edit {
  const opening = readOpening(doc);
  if (opening.body) return { start: opening.body.start, end: opening.body.start, text: `${sentence} ` };
  const last = opening.sentences[opening.sentences.length - 1];
  if (last) return { start: last.end, end: last.end, text: ` ${sentence}` };
  return { start: 0, end: 0, text: `${sentence} ` };
}

/** Inserts a sentence at the end of the body, before the sign-off and signature. */
export function insertBeforeClosing(doc: AnalyzedText, sentence: string): Edit {
  const closing = readClosing(doc);
  const sentences = enSentences(doc);
  const last = closing ? closing.lastBody : sentences[sentences.length - 1];
  if (last) return { start: last.end, end: last.end, text: ` ${sentence}` };
  if (closing) return { start: closing.sentence.start, end: closing.sentence.start, text: `${sentence}\n\n` };
  return { start: doc.text.length, end: doc.text.length, text: sentence };
}

export interface PersonName {
  given?: string;
  family?: string;
  title?: string;
}

const HONORIFIC_SUFFIX = /[-\s](?:san|sama|sensei|dono)$|(?:様|さま|さん|殿)$/i;

/**
 * The customer's name as the host shows it, in parts. "Jane Doe" → Jane / Doe; "Tanaka, Hiroshi" (comma:
 * family first) → Hiroshi / Tanaka; "TANAKA Hiroshi" (the capitalised part is the family name, a
 * Japanese convention) → Hiroshi / Tanaka; "Mr. John Smith" keeps the title; "Tanaka-san" → Tanaka. A name in Japanese script
 * cannot be addressed in an English sentence reliably, so it gives no parts.
 */
export function parseName(raw: string | undefined): PersonName {
  if (!raw) return {};
  const honorific = HONORIFIC_SUFFIX.test(raw.trim());
  let name = raw.trim().replace(HONORIFIC_SUFFIX, '').trim();
  if (!/^[\p{Script=Latin}\s.,'’-]+$/u.test(name)) return {};
  const out: PersonName = {};
  const title = /^(mr|mrs|ms|miss|mx|dr|prof)\.?\s+/i.exec(name);
  if (title) {
    out.title = title[1]!.charAt(0).toUpperCase() + title[1]!.slice(1).toLowerCase() + (title[1]!.toLowerCase() === 'miss' ? '' : '.');
    name = name.slice(title[0].length);
    // "Mr. and Mrs. Harper": a couple, addressed by the family name.
    name = name.replace(/^(?:and|&)\s+(?:mr|mrs|ms|miss|mx|dr|prof)\.?\s+/i, '');
  }
  const cap = (w: string) => (w === w.toUpperCase() && w.length > 1 ? w.charAt(0) + w.slice(1).toLowerCase() : w);
  if (name.includes(',')) {
    const [family, given] = name.split(',').map((p) => p.trim());
    if (family) out.family = cap(family);
    if (given) out.given = cap(given.split(/\s+/)[0]!);
    return out;
  }
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length === 1) {
    // "Ms Sato", "Tanaka-san": a title or a Japanese honorific goes with the family name.
    if (out.title || honorific) out.family = cap(words[0]!);
    else out.given = cap(words[0]!);
    return out;
  }
  const upper = words.findIndex((w) => w.length > 1 && w === w.toUpperCase() && /[A-Z]/.test(w));
  if (upper >= 0 && words.some((w, i) => i !== upper && w !== w.toUpperCase())) {
    out.family = cap(words[upper]!);
    out.given = cap(words.find((_, i) => i !== upper)!);
    return out;
  }
  out.given = cap(words[0]!);
  out.family = cap(words[words.length - 1]!);
  return out;
}

/** Upper-cases the first letter (for text that now starts a sentence). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Keeps the case of the first letter of `original`: "Can't" → "Cannot", "can't" → "cannot", "sorry" →
 * "we apologize" — except that an acronym ("ASAP") says nothing about case, and "I" stays capital.
 */
export function matchCase(original: string, replacement: string): string {
  if (/^[A-Z]{2,}$/.test(original)) return replacement;
  const first = original[0];
  if (!first) return replacement;
  if (first !== first.toLowerCase()) return capitalize(replacement);
  if (/^I\b/.test(replacement)) return replacement;
  return replacement.charAt(0).toLowerCase() + replacement.slice(1);
}

/** Removes a whole sentence with the space that joins it to its neighbour (or its whole line). */
export function removeSentence(doc: AnalyzedText, s: EnSentenceEntry): Edit {
  const sentences = doc.sentences;
  const next = sentences[s.index + 1];
  if (next && next.paragraph === s.paragraph) return { start: s.start, end: next.start, text: '' };
  const prev = sentences[s.index - 1];
  if (prev && prev.paragraph === s.paragraph) return { start: prev.end, end: s.end, text: '' };
  // Alone on its line: take the line and its line break.
  const para = doc.paragraphs[s.paragraph]!;
  const following = doc.paragraphs[s.paragraph + 1];
  if (following) return { start: para.start, end: following.start, text: '' };
  const previous = doc.paragraphs[s.paragraph - 1];
  if (previous) return { start: previous.end, end: para.end, text: '' };
  return { start: para.start, end: para.end, text: '' };
}

/**
 * Replaces a phrase inside a sentence by `rewrite`, or deletes it with the space or comma that joined
 * it, re-capitalising the sentence when the phrase opened it: "I think maybe we could" → "We could".
 * `start` and `end` are offsets in the whole text.
 */
export function replacePhrase(doc: AnalyzedText, s: EnSentenceEntry, start: number, end: number, rewrite: string): Edit {
  const text = doc.text;
  const atStart = text.slice(s.start, start).trim() === '';
  if (rewrite !== '') {
    return { start, end, text: atStart ? capitalize(rewrite) : matchCase(text.slice(start, end), rewrite) };
  }
  let to = end;
  while (to < s.end && /[\s,]/.test(text[to]!)) to++;
  if (atStart) {
    // Delete the phrase and re-capitalise the word that now opens the sentence. Its first character is
    // a whole code point: an emoji's two UTF-16 units are never cut apart.
    const next = text.codePointAt(to);
    if (next === undefined || to >= s.end) return { start, end: to, text: '' };
    const first = String.fromCodePoint(next);
    const upper = first.toUpperCase();
    return upper === first ? { start, end: to, text: '' } : { start, end: to + first.length, text: upper };
  }
  if (to > end && to < s.end && /[A-Z0-9]/i.test(text[to]!)) {
    // "it is, sort of, a known issue" → keep one separator: delete from the phrase to the next word.
    let from = start;
    while (from > s.start && /\s/.test(text[from - 1]!)) from--;
    const commaBefore = text[from - 1] === ',';
    const commaAfter = text.slice(end, to).includes(',');
    if (commaBefore && commaAfter) return { start: from - 1, end: to - 1, text: '' };
    return { start, end: to, text: '' };
  }
  // Phrase before punctuation ("It works, sort of.") → delete it with the separator before it.
  let from = start;
  while (from > s.start && /[\s,]/.test(text[from - 1]!)) from--;
  return { start: from, end, text: '' };
}
