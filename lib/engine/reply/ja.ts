/**
 * The shape of a Japanese support reply — opening (address line and greetings), body, closing block
 * (closing formulas and signature) — and where a sentence a fix adds belongs in it: an apology right
 * after the opening, a commitment or the owner before the closing, the closing formula before the
 * signature. Offsets are the analysed text's.
 */
import data from '../../../dictionaries/ja/reply.json';
import { PhraseSet } from '../../lang/phrases';
import { charIn, trimEndWhere } from '../../lang/text';
import { paragraphSentences, type AnalyzedText, type Paragraph, type Sentence } from '../document';
import type { Edit } from '../types';

const GREETINGS = new PhraseSet(data.greetings);
const CLOSINGS = new PhraseSet(data.closings);
const ADDRESS = new RegExp(`(${data.addressSuffixes.join('|')})[、,，\\s]*$`);
const SIGNATURE = data.signatureStarts;
const SIGNATURE_WORDS = /サポート|センター|株式会社|有限会社|担当|窓口|TEL|Tel|電話|[@＠〒]/;
const isTrailingPunct = charIn(/[。．.!！?？\s]/);

export interface ReplyShape {
  /** The last sentence of the opening (address line, greetings, self-introduction), if any. */
  opening: Sentence | undefined;
  /** Index of the first paragraph of the closing block (formulas and signature), or -1. */
  closingStart: number;
  /** Index of the first paragraph of the signature, or -1. */
  signatureStart: number;
}

/** An address line: a name with 様 / 御中 …, short, on its own. */
export function isAddress(text: string): boolean {
  const body = trimEndWhere(text, isTrailingPunct);
  return body.length <= 40 && ADDRESS.test(body);
}

export function isGreeting(text: string): boolean {
  return GREETINGS.test(text);
}

export function isClosingFormula(text: string): boolean {
  return CLOSINGS.test(text);
}

function isSeparator(text: string): boolean {
  return SIGNATURE.some((s) => text.startsWith(s));
}

/**
 * Whether the sentence's final predicate sits inside a closing parenthetical — a note, not the end of a
 * sentence: 「受付 9:00〜18:00（年末年始を除く）」「返品は7日以内（未開封に限る）」.
 */
export function endsInParenthetical(s: Sentence): boolean {
  if (s.lang !== 'ja') return false;
  const text = s.text.trimEnd();
  if (!/[)）]$/.test(text)) return false;
  const open = Math.max(text.lastIndexOf('（'), text.lastIndexOf('('));
  const head = s.ja.tokens[s.ja.ending.head];
  return open >= 0 && head !== undefined && head.start > open;
}

/** A signature line: short, no sentence ending (a name, a team, a phone number, hours with a note). */
function isSignatureLine(doc: AnalyzedText, p: Paragraph): boolean {
  const text = p.text.trim();
  if (text.length === 0 || text.length > 60 || /[。！？!?]$/.test(text)) return false;
  const sentences = paragraphSentences(doc)[p.index] ?? [];
  return sentences.every((s) => s.lang !== 'ja' || s.ja.ending.kind === 'noun' || s.ja.ending.kind === 'none' || endsInParenthetical(s));
}

/**
 * A self-introduction: a short sentence that names a person and ends in a copula (カケルサポートデスクの
 * 石井です, 担当の佐藤と申します) — part of the opening, so a fix inserts after it.
 */
export function isSelfIntroduction(s: Sentence): boolean {
  if (s.lang !== 'ja' || s.text.length > 40) return false;
  const tokens = s.ja.tokens;
  const names = tokens.some((t) => t.pos === '名詞' && t.posDetail2 === '人名');
  const copula = s.ja.ending.kind === 'noun' || tokens.some((t) => t.baseForm === 'です' || t.baseForm === '申す' || t.baseForm === 'ござる');
  const otherVerb = tokens.some((t) => t.pos === '動詞' && t.posDetail1 === '自立' && !['申す', 'ござる', 'いたす', 'する'].includes(t.baseForm));
  return names && copula && !otherVerb;
}

/**
 * Sentence i is a line of the address block above the address line — the customer's company, shop or
 * department (有限会社タカギ運送 / 居酒屋 とりまる, then 高木様): no sentence end, on the line right before.
 */
export function isAddressHeader(sentences: readonly Sentence[], i: number): boolean {
  const s = sentences[i];
  const next = sentences[i + 1];
  return i < 3 && !!s && !!next && next.paragraph <= s.paragraph + 1 && isAddress(next.text) && !/[。！？!?]/u.test(s.text);
}

export function replyShape(doc: AnalyzedText): ReplyShape {
  let opening: Sentence | undefined;
  for (const [i, s] of doc.sentences.entries()) {
    if (!(isAddressHeader(doc.sentences, i) || isAddress(s.text) || isGreeting(s.text) || isSelfIntroduction(s))) break;
    opening = s;
  }
  let closingStart = -1;
  let signatureStart = -1;
  let tentative = -1;
  const lastOpeningParagraph = opening?.paragraph ?? -1;
  for (let p = doc.paragraphs.length - 1; p > lastOpeningParagraph; p--) {
    const para = doc.paragraphs[p]!;
    const text = para.text.trim();
    if (text === '') continue;
    if (isSeparator(text)) {
      signatureStart = p;
      closingStart = p;
      tentative = -1;
      continue;
    }
    if (isClosingFormula(text)) {
      closingStart = p;
      if (tentative >= 0 && signatureStart < 0) signatureStart = tentative;
      tentative = -1;
      continue;
    }
    if (isSignatureLine(doc, para) && closingStart < 0) {
      tentative = p;
      continue;
    }
    break;
  }
  // Name lines at the very end with no closing above them: a signature when set off by a blank line
  // or when they read like one (a team, a company, a phone number, an address).
  if (signatureStart < 0 && tentative >= 0) {
    const blankBefore = tentative > 0 && doc.paragraphs[tentative - 1]!.text.trim() === '';
    if (blankBefore || SIGNATURE_WORDS.test(doc.paragraphs[tentative]!.text)) signatureStart = tentative;
  }
  return { opening, closingStart, signatureStart };
}

/** Inserts `sentence` right after the opening, on its own line (or at the very start). */
export function insertAfterOpening(doc: AnalyzedText, sentence: string, shape = replyShape(doc)): Edit {
  const last = shape.opening;
  if (!last) {
    const first = doc.sentences[0];
    if (!first) return { start: 0, end: 0, text: sentence };
    return { start: first.start, end: first.start, text: `${sentence}\n` };
  }
  return insertAfterSentence(doc, last, sentence);
}

/** Inserts `sentence` after sentence `s`: on its own line when `s` ends its line, else right after it. */
export function insertAfterSentence(doc: AnalyzedText, s: Sentence, sentence: string): Edit {
  const para = doc.paragraphs[s.paragraph]!;
  if (doc.text.slice(s.end, para.end).trim() === '') return { start: para.end, end: para.end, text: `\n${sentence}` };
  return { start: s.end, end: s.end, text: sentence };
}

/** Inserts `sentence` on its own line before the closing block, or at the end of the body. */
export function insertBeforeClosing(doc: AnalyzedText, sentence: string, shape = replyShape(doc)): Edit {
  const at = shape.closingStart >= 0 ? shape.closingStart : shape.signatureStart;
  if (at >= 0) {
    // Before the closing block, after the body's last non-empty line.
    for (let p = at - 1; p >= 0; p--) {
      const para = doc.paragraphs[p]!;
      if (para.text.trim() !== '') return { start: para.end, end: para.end, text: `\n${sentence}` };
    }
    const start = doc.paragraphs[at]!.start;
    return { start, end: start, text: `${sentence}\n` };
  }
  return insertAtEnd(doc, sentence);
}

/** Inserts `sentence` on its own line after the last non-empty line of the body (before a signature). */
export function insertBeforeSignature(doc: AnalyzedText, sentence: string, shape = replyShape(doc)): Edit {
  if (shape.signatureStart >= 0) {
    for (let p = shape.signatureStart - 1; p >= 0; p--) {
      const para = doc.paragraphs[p]!;
      if (para.text.trim() !== '') return { start: para.end, end: para.end, text: `\n${sentence}` };
    }
  }
  return insertAtEnd(doc, sentence);
}

function insertAtEnd(doc: AnalyzedText, sentence: string): Edit {
  for (let p = doc.paragraphs.length - 1; p >= 0; p--) {
    const para = doc.paragraphs[p]!;
    if (para.text.trim() !== '') {
      const end = para.start + trimEndWhere(para.text, charIn(/\s/)).length;
      return { start: end, end, text: `\n${sentence}` };
    }
  }
  return { start: 0, end: 0, text: sentence };
}
