/**
 * English sentence analysis with compromise: sentence splitting (abbreviations, decimals, quotes as
 * compromise knows them) and per-sentence terms with tags, plus politeness cues (lib/lang/en/cues.ts).
 */
import nlp from 'compromise';
import type { SentenceAnalyzer } from '../../engine/analyzer';
import type { Span } from '../../engine/document';
import { findCues } from './cues';
import type { EnSentence, EnTerm } from './types';

interface CompromiseJson {
  text: string;
  offset: { start: number; length: number };
  terms?: { text: string; normal: string; tags: string[]; offset: { start: number; length: number } }[];
}

/** Trims white space off a span of `text`. */
function trimSpan(text: string, start: number, end: number): Span | undefined {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}

export function splitEnglish(paragraph: string): Span[] {
  if (!/[A-Za-z0-9]/.test(paragraph)) {
    const span = trimSpan(paragraph, 0, paragraph.length);
    return span ? [span] : [];
  }
  const parts = nlp.tokenize(paragraph).json({ offset: true }) as CompromiseJson[];
  const spans: Span[] = [];
  let cursor = 0;
  for (const part of parts) {
    const start = Math.max(cursor, part.offset.start);
    // compromise's sentence length stops at the last term's text; keep trailing punctuation with it.
    let end = Math.min(paragraph.length, part.offset.start + part.offset.length);
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
  return spans;
}

export function analyzeEnglishSentence(sentence: string): EnSentence {
  const json = nlp(sentence).json({ offset: true, terms: { offset: true } }) as CompromiseJson[];
  const terms: EnTerm[] = [];
  for (const s of json) {
    for (const t of s.terms ?? []) {
      terms.push({
        text: t.text,
        normal: t.normal,
        start: t.offset.start,
        end: t.offset.start + t.offset.length,
        tags: t.tags,
      });
    }
  }
  return { terms, isQuestion: /\?\s*["'”’)]*\s*$/.test(sentence), cues: findCues(sentence, terms) };
}

export function createEnAnalyzer(): SentenceAnalyzer<EnSentence> {
  return { lang: 'en', split: splitEnglish, analyze: analyzeEnglishSentence };
}
