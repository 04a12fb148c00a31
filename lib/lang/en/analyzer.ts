/**
 * English sentence analysis with compromise: sentence splitting (abbreviations, decimals, quotes as
 * compromise knows them) and, per sentence, one compromise parse from which everything else is read
 * off the tagged terms — contractions, negations, passive verb groups, imperative mood, tense, word
 * count — plus politeness cues (lib/lang/en/cues.ts).
 *
 * Cost: the engine caches analyses by sentence text, so this runs once per distinct sentence; it calls
 * nlp() exactly once and then only walks the term list (no further compromise queries, which re-parse).
 * It imports compromise's tagger build (`compromise/two`: tokenizer, lexicon, tagger, `root`), not the
 * full one: the third level's plugins (nouns, verbs, numbers… APIs) are unused here and cost about 60 ms
 * of CPU at import (≈ 480 → 420 ms); on every English line of the repository both give the same
 * sentences and terms.
 */
import nlp from 'compromise/two';
import type { SentenceAnalyzer } from '../analyzer';
import type { Span } from '../types';
import { findCues } from './cues';
import { isIrregularParticiple, isNonCommandVerb, isPassiveAgentBlocker, isSentenceAdverb } from './predicates';
import type { EnContraction, EnPassive, EnSentence, EnSpan, EnTense, EnTerm } from './types';

interface CompromiseTerm {
  text: string;
  normal: string;
  implicit?: string;
  root?: string;
  tags: string[];
  offset: { start: number; length: number };
}

interface CompromiseJson {
  text: string;
  offset: { start: number; length: number };
  terms?: CompromiseTerm[];
}

/** Trims white space off a span of `text`. */
function trimSpan(text: string, start: number, end: number): Span | undefined {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}

/**
 * compromise's sentence splitter re-tests the sentence it is growing at every abbreviation it joins
 * across, which is quadratic in a long paragraph (20,000 characters of "Dear Mr. Tanaka, " took
 * seconds), so a paragraph longer than two pieces is handed to it a piece at a time: each piece ends
 * after the first sentence end (". " "! " "? ") at least PIECE characters in, else at white space,
 * else 2 × PIECE characters in. A wall of text that long is split a little differently at those cuts,
 * never slowly.
 */
const PIECE = 1_000;

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);

function pieceEnd(text: string, from: number): number {
  const limit = from + 2 * PIECE;
  if (limit >= text.length) return text.length;
  let space = -1;
  for (let i = from + PIECE; i < limit; i++) {
    if (!isSpace(text.charCodeAt(i))) continue;
    const before = text[i - 1];
    if (before === '.' || before === '!' || before === '?') return i + 1;
    if (space < 0) space = i + 1;
  }
  if (space >= 0) return space;
  const low = text.charCodeAt(limit);
  return low >= 0xdc00 && low <= 0xdfff ? limit - 1 : limit;
}

export function splitEnglish(paragraph: string): Span[] {
  if (paragraph.length <= 2 * PIECE) return splitPiece(paragraph);
  const spans: Span[] = [];
  for (let from = 0; from < paragraph.length; ) {
    const to = pieceEnd(paragraph, from);
    for (const s of splitPiece(paragraph.slice(from, to))) spans.push({ start: from + s.start, end: from + s.end });
    from = to;
  }
  return spans;
}

function splitPiece(paragraph: string): Span[] {
  if (!/[A-Z0-9]/i.test(paragraph)) {
    const span = trimSpan(paragraph, 0, paragraph.length);
    return span ? [span] : [];
  }
  const parts = nlp.tokenize(paragraph).json({ offset: true }) as CompromiseJson[];
  const spans: Span[] = [];
  let cursor = 0;
  for (const part of parts) {
    const start = Math.max(cursor, part.offset.start);
    // compromise's sentence length counts leading punctuation such as a bullet's "- " that its start
    // skips, so start + length would overshoot into the next sentence ("…this morning. D" |
    // "epending…"): when the text after that lead is what stands at start, end there instead.
    // Trailing punctuation stays with the sentence.
    const lead = /^[^\p{L}\p{N}]*/u.exec(part.text)![0].length;
    const body = part.text.slice(lead);
    let end = Math.min(
      paragraph.length,
      lead > 0 && body !== '' && paragraph.startsWith(body, part.offset.start) ? part.offset.start + body.length : part.offset.start + part.offset.length,
    );
    while (end < paragraph.length && /[.!?…"'”’)\]]/.test(paragraph[end]!)) end++;
    const span = trimSpan(paragraph, start, end);
    if (span) spans.push(span);
    cursor = Math.max(cursor, end);
  }
  // Anything compromise left out (trailing symbols) joins the last sentence, so no text is unanalysed.
  const rest = trimSpan(paragraph, cursor, paragraph.length);
  if (rest) {
    const last = spans[spans.length - 1];
    if (last) last.end = rest.end;
    else spans.push(rest);
  }
  return spans.flatMap((span) => splitAfterQuote(paragraph, span));
}

/** A sentence end inside closing quotes, then a capital: 'press 2 for "credit freeze." The representative …'. */
const QUOTED_END = /[.!?]["”’]\s+(?=[A-Z])/g;

/** compromise keeps 'for "credit freeze." The representative …' as one sentence; cut it after the quote. */
function splitAfterQuote(paragraph: string, span: Span): Span[] {
  const text = paragraph.slice(span.start, span.end);
  const out: Span[] = [];
  let from = 0;
  for (const m of text.matchAll(QUOTED_END)) {
    const cut = m.index + 2;
    const piece = trimSpan(paragraph, span.start + from, span.start + cut);
    if (piece) out.push(piece);
    from = cut;
  }
  if (from === 0) return [span];
  const tail = trimSpan(paragraph, span.start + from, span.end);
  if (tail) out.push(tail);
  return out;
}

const has = (t: EnTerm, tag: string) => t.tags.includes(tag);
const WORDY = /[A-Z0-9]/i;

/** Terms as the analysis sees them: a contraction's hidden half points at the written word. */
function readTerms(sentence: string): EnTerm[] {
  const doc = nlp(sentence);
  // Lemmas for the case reading ("crashed" → "crash"): a walk over the same parse, no re-tagging.
  doc.compute('root');
  const json = doc.json({ offset: true, terms: { offset: true } }) as CompromiseJson[];
  const terms: EnTerm[] = [];
  for (const s of json) {
    for (const t of s.terms ?? []) {
      const term: EnTerm = {
        text: t.text,
        normal: t.normal,
        start: t.offset.start,
        end: t.offset.start + t.offset.length,
        tags: t.tags,
      };
      if (t.implicit) term.implicit = t.implicit;
      if (t.root && t.root !== t.normal) term.root = t.root;
      if (t.text === '') {
        // The hidden half of "can't" → "not": give it the written word's span.
        const written = terms[terms.length - 1];
        if (written) {
          term.start = written.start;
          term.end = written.end;
        }
      }
      terms.push(term);
    }
  }
  return terms;
}

function contractionsOf(terms: readonly EnTerm[], sentence: string): EnContraction[] {
  const out: EnContraction[] = [];
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    if (t.text === '' || t.implicit === undefined) continue;
    const parts = [t.implicit];
    let j = i + 1;
    while (j < terms.length && terms[j]!.text === '' && terms[j]!.implicit !== undefined) parts.push(terms[j++]!.implicit!);
    // A lone implicit without a hidden half is a spelling variant compromise normalised, not a contraction,
    // unless the written word has an apostrophe ("ain't") or is a known chat contraction ("gonna").
    if (parts.length === 1 && !/['’]/.test(t.text)) continue;
    // compromise also expands ranges ("5–7" → "5 to 7") and reads "Jane,can't" (no space after the
    // comma) as one term whose expansion is "ca not": a contraction is one word, letters and apostrophes.
    if (!/^\p{L}+(?:['’]\p{L}+)*$/u.test(t.text)) continue;
    out.push({ start: t.start, end: t.end, text: sentence.slice(t.start, t.end), expanded: parts.join(' ') });
  }
  return out;
}

function negationsOf(terms: readonly EnTerm[]): EnSpan[] {
  const out: EnSpan[] = [];
  for (const t of terms) {
    if (has(t, 'Negative') || t.normal === 'never' || t.normal === 'nothing' || t.normal === 'nobody') {
      if (!out.some((s) => s.start === t.start)) out.push({ start: t.start, end: t.end });
    }
  }
  return out;
}

const BE = new Set(['be', 'been', 'being', 'was', 'were', 'is', 'are', 'am', 'get', 'got', 'gets', 'gotten', 'getting']);

/** A form of "be" (or "get", as in "got cancelled"), contracted or not. */
function isBe(t: EnTerm): boolean {
  return BE.has(t.implicit ?? t.normal);
}

/**
 * Passive verb groups: a form of "be"/"get", optionally adverbs or a negation ("was accidentally",
 * "was not"), then a past participle — with the auxiliaries before it ("has been", "will be").
 * compromise tags many of these Passive itself; the walk also catches those it misses across adverbs.
 */
function passivesOf(terms: readonly EnTerm[], sentence: string): EnPassive[] {
  const out: EnPassive[] = [];
  for (let i = 1; i < terms.length; i++) {
    const t = terms[i]!;
    if (t.text === '' || has(t, 'Auxiliary') || has(t, 'Copula') || has(t, 'Gerund')) continue;
    // compromise reads a sentence-final participle as an adjective ("We were charged."): -ed/-en counts.
    const participle = has(t, 'Verb')
      ? has(t, 'PastTense') || has(t, 'Participle') || has(t, 'Passive')
      : has(t, 'Adjective') && (/[a-z](?:ed|en)$/.test(t.normal) || isIrregularParticiple(t.normal));
    if (!participle) continue;
    let j = i - 1;
    while (j >= 0 && (has(terms[j]!, 'Adverb') || has(terms[j]!, 'Negative'))) j--;
    if (j < 0 || !isBe(terms[j]!)) continue;
    // Walk back over the rest of the verb group: "has been", "will be", "could have been".
    let firstAux = j;
    for (let k = j - 1; k >= 0; k--) {
      const p = terms[k]!;
      if (has(p, 'Auxiliary') || has(p, 'Modal') || isBe(p) || p.normal === 'have' || p.normal === 'has' || p.normal === 'had') firstAux = k;
      else if (!(has(p, 'Adverb') || has(p, 'Negative'))) break;
    }
    const auxiliaryWords = terms.slice(firstAux, i).filter((p) => !has(p, 'Adverb') && !has(p, 'Negative')).map((p) => p.implicit ?? p.normal);
    // A hidden auxiliary ("it's been" = it + has been) is fused to the word before: start after it.
    const contracted = terms[firstAux]!.text === '';
    while (terms[firstAux]!.text === '') firstAux++;
    let agent = false;
    for (let k = i + 1; k < Math.min(terms.length, i + 4); k++) {
      if (terms[k]!.normal !== 'by') continue;
      const next = terms[k + 1];
      agent = next !== undefined && !isPassiveAgentBlocker(next);
      break;
    }
    const auxStart = terms[firstAux]!.start;
    const passive: EnPassive = {
      start: auxStart,
      end: t.end,
      participle: t.text,
      auxiliary: sentence.slice(auxStart, terms[i - 1]!.end),
      auxiliaryWords,
      hasAgent: agent,
    };
    if (contracted) passive.contracted = true;
    out.push(passive);
  }
  return out;
}

/** Opens with a bare verb, after optional "please/just/kindly" or "don't": a command. */
function isImperative(terms: readonly EnTerm[], isQuestion: boolean): boolean {
  if (isQuestion) return false;
  let i = 0;
  while (i < terms.length && (terms[i]!.text === '' || !WORDY.test(terms[i]!.text))) i++;
  while (i < terms.length && isSentenceAdverb(terms[i]!.normal)) i++;
  const first = terms[i];
  if (!first) return false;
  if (first.normal === "don't" || first.normal === 'don’t' || (first.normal === 'do' && terms[i + 1]?.normal === 'not')) {
    return true;
  }
  if (first.normal === 'never') return true;
  if (!has(first, 'Verb') || has(first, 'Modal') || has(first, 'Auxiliary') || has(first, 'Gerund')) return false;
  if (!(has(first, 'Infinitive') || has(first, 'Imperative'))) return false;
  return !isNonCommandVerb(first.normal);
}

function tenseOf(terms: readonly EnTerm[]): EnTense | undefined {
  for (const t of terms) {
    if (!has(t, 'Verb')) continue;
    const word = t.implicit ?? t.normal;
    if (word === 'will' || word === 'shall' || has(t, 'FutureTense')) return 'future';
    if (has(t, 'PastTense')) return 'past';
    if (has(t, 'PresentTense') || has(t, 'Copula')) return 'present';
  }
  return undefined;
}

export function analyzeEnglishSentence(sentence: string): EnSentence {
  const terms = readTerms(sentence);
  const words = terms.filter((t) => t.text !== '' && WORDY.test(t.text));
  // A reader counts "double-checked" as one word; compromise makes two terms of it.
  let hyphenated = 0;
  for (let i = 1; i < words.length; i++) if (/^[-‐–]$/.test(sentence.slice(words[i - 1]!.end, words[i]!.start))) hyphenated++;
  const isQuestion = /\?\s*(?:["'”’)]+\s*)?$/.test(sentence);
  const first = words[0];
  const analysis: EnSentence = {
    terms,
    wordCount: words.length - hyphenated,
    isQuestion,
    imperative: isImperative(terms, isQuestion),
    contractions: contractionsOf(terms, sentence),
    negations: negationsOf(terms),
    passives: passivesOf(terms, sentence),
    cues: [],
  };
  if (first) analysis.firstWord = { start: first.start, end: first.end };
  const tense = tenseOf(terms);
  if (tense) analysis.tense = tense;
  analysis.cues = findCues(sentence, analysis);
  return analysis;
}

export function createEnAnalyzer(): SentenceAnalyzer<EnSentence> {
  return { lang: 'en', split: splitEnglish, analyze: analyzeEnglishSentence };
}
