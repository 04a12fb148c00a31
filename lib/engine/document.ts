/**
 * The analysed text: the draft cut into paragraphs and sentences with exact offsets, each sentence
 * carrying its language's analysis (kuromoji tokens for Japanese, compromise terms for English).
 */
import type { EnSentence } from '../lang/en/types';
import type { JaSentence } from '../lang/ja/types';
import type { Span } from '../lang/types';
import type { DetectedLang, Lang } from './types';

export type { Span } from '../lang/types';

interface SentenceBase extends Span {
  /** Position among all sentences of the text. */
  index: number;
  /** Index of the paragraph (line) it belongs to. */
  paragraph: number;
  text: string;
}

export interface JaSentenceEntry extends SentenceBase {
  lang: 'ja';
  ja: JaSentence;
}

export interface EnSentenceEntry extends SentenceBase {
  lang: 'en';
  en: EnSentence;
}

export type Sentence = JaSentenceEntry | EnSentenceEntry;

export interface Paragraph extends Span {
  index: number;
  text: string;
  lang: Lang | undefined;
}

export interface AnalyzedText {
  text: string;
  lang: DetectedLang;
  paragraphs: Paragraph[];
  /** Sentences in text order; lines with no letters (blank, separators) have none. */
  sentences: Sentence[];
}

export function jaSentences(doc: AnalyzedText): JaSentenceEntry[] {
  return doc.sentences.filter((s): s is JaSentenceEntry => s.lang === 'ja');
}

export function enSentences(doc: AnalyzedText): EnSentenceEntry[] {
  return doc.sentences.filter((s): s is EnSentenceEntry => s.lang === 'en');
}

const byParagraph = new WeakMap<AnalyzedText, Sentence[][]>();

/**
 * The sentences of each paragraph, indexed by paragraph (grouped once per analysed text): looking
 * them up by filtering all sentences for each paragraph would be quadratic in a text of many lines.
 */
export function paragraphSentences(doc: AnalyzedText): readonly (readonly Sentence[])[] {
  let groups = byParagraph.get(doc);
  if (!groups) {
    groups = doc.paragraphs.map(() => []);
    for (const s of doc.sentences) groups[s.paragraph]?.push(s);
    byParagraph.set(doc, groups);
  }
  return groups;
}
