/**
 * en/dismissive-language — legalistic and dismissive wording that US customers read as a brush-off:
 * reminders that they should have read it ("As previously mentioned/stated/noted"), referrals instead
 * of answers ("Please refer to"), rulings ("is therefore denied", "has been rejected"), closing the
 * door ("We consider this matter closed"), lectures ("However, I must point out") and disclaimers ("We
 * are not responsible for"). Found by word patterns (dictionaries/en/dismissive.json), so "as already
 * stated", "as noted in my last email" and "is hereby rejected" are one rule each, not one phrase each.
 * Where deleting the words leaves a natural sentence (a reminder or a lecture opener), that is the fix.
 */
import data from '../../../../dictionaries/en/dismissive.json';
import { defineDetector, type RawFinding } from '../../detector';
import { enSentences } from '../../document';
import { tokenize, type Token } from '../../../lang/en/phrase-index';
import { replacePhrase } from '../../reply/en';
import { NO_OPTIONS } from '../../options';

type Kind = 'reminder' | 'referral' | 'verdict' | 'closure' | 'lecture' | 'disclaimer';

interface Slot {
  /** Alternatives; each may be several words ("point out"). */
  words: string[][];
  optional: boolean;
}

export interface Pattern {
  kind: Kind;
  slots: Slot[];
  rewrite: string | null;
  /** Words of the match kept at its end (the "our" of "refer to our …"). */
  keep: number;
  notAfter: Set<string>;
}

/** Parses "as (previously|already)? (mentioned|stated)" into slots (a character walk over our own data). */
export function parsePattern(source: string): Slot[] {
  const slots: Slot[] = [];
  let i = 0;
  while (i < source.length) {
    if (source[i] === ' ') {
      i++;
      continue;
    }
    let body: string;
    if (source[i] === '(') {
      const close = source.indexOf(')', i);
      if (close < 0) throw new Error(`dismissive pattern "${source}": unclosed (`);
      body = source.slice(i + 1, close);
      i = close + 1;
    } else {
      let j = i;
      while (j < source.length && source[j] !== ' ' && source[j] !== '?' && source[j] !== '(') j++;
      body = source.slice(i, j);
      i = j;
    }
    const optional = source[i] === '?';
    if (optional) i++;
    slots.push({ words: body.split('|').map((a) => a.trim().toLowerCase().split(' ').filter(Boolean)), optional });
  }
  return slots;
}

const PATTERNS: Pattern[] = data.patterns.map((p) => ({
  kind: p.kind as Kind,
  slots: parsePattern(p.pattern),
  rewrite: p.rewrite,
  keep: 'keep' in p ? (p.keep as number) : 0,
  notAfter: new Set('notAfter' in p ? (p.notAfter as string[]) : []),
}));

/** The words a match can start with: the first slot's, and the next slot's while the ones before are optional. */
function firstWords(slots: readonly Slot[]): string[] {
  const words: string[] = [];
  for (const slot of slots) {
    for (const alt of slot.words) if (alt[0]) words.push(alt[0]);
    if (!slot.optional) break;
  }
  return words;
}

/** Patterns by the word they can start with: a sentence's token is tried against only these. */
const BY_FIRST_WORD = new Map<string, Pattern[]>();
for (const pattern of PATTERNS) {
  for (const word of new Set(firstWords(pattern.slots))) {
    const list = BY_FIRST_WORD.get(word) ?? [];
    list.push(pattern);
    BY_FIRST_WORD.set(word, list);
  }
}

/** Matches slots from token i (commas skipped); returns the index after the match, or -1. */
function matchFrom(tokens: readonly Token[], i: number, slots: readonly Slot[], s = 0): number[] {
  while (i < tokens.length && tokens[i]!.key === ',') i++;
  if (s === slots.length) return [i];
  const slot = slots[s]!;
  const ends: number[] = [];
  for (const alt of slot.words) {
    let j = i;
    let ok = true;
    for (const w of alt) {
      while (j < tokens.length && tokens[j]!.key === ',') j++;
      if (tokens[j]?.key !== w) {
        ok = false;
        break;
      }
      j++;
    }
    if (ok) ends.push(...matchFrom(tokens, j, slots, s + 1));
  }
  if (slot.optional) ends.push(...matchFrom(tokens, i, slots, s + 1));
  return ends;
}

export interface PatternHit {
  pattern: Pattern;
  start: number;
  end: number;
  /** Token indices of the match. */
  from: number;
  to: number;
}

/** Every dismissive pattern in a sentence, longest first at each position, not overlapping. */
export function findDismissive(text: string): PatternHit[] {
  const tokens = tokenize(text);
  const hits: PatternHit[] = [];
  for (let i = 0; i < tokens.length; ) {
    let best: PatternHit | undefined;
    for (const pattern of BY_FIRST_WORD.get(tokens[i]!.key) ?? []) {
      if (pattern.notAfter.has(tokens[i - 1]?.key ?? '') || pattern.notAfter.has(tokens[i - 2]?.key ?? '')) continue;
      for (const to of matchFrom(tokens, i, pattern.slots)) {
        if (to <= i) continue;
        let last = to - 1;
        while (last > i && tokens[last]!.key === ',') last--;
        const hit = { pattern, start: tokens[i]!.start, end: tokens[last]!.end, from: i, to: last + 1 };
        if (!best || hit.end > best.end) best = hit;
      }
    }
    if (best) {
      hits.push(best);
      i = best.to;
    } else i++;
  }
  return hits;
}

export default defineDetector({
  meta: {
    id: 'en/dismissive-language',
    kind: 'warmth',
    languages: ['en'],
    markets: ['us'],
    defaultLevel: 'warn',
    fixable: true,
    holdsSend: true,
    schema: NO_OPTIONS,
    description: {
      en: 'Legalistic and dismissive wording (“As previously mentioned”, “Please refer to”, “is therefore denied”, “We consider this matter closed”).',
      ja: '法律文書のような突き放した表現（As previously mentioned、Please refer to、is therefore denied、We consider this matter closed など）を指摘します。',
    },
    messages: {
      reminder: {
        en: '“{text}” tells the customer they should have read it already; just give the answer.',
        ja: '「{text}」は「前にも言った」という非難に聞こえます。答えだけを伝えましょう。',
      },
      referral: {
        en: '“{text}” sends the customer away; give the answer or the exact link and step.',
        ja: '「{text}」はお客様を突き放します。答えそのものか、具体的なリンクと手順を示しましょう。',
      },
      verdict: {
        en: '“{text}” reads like a legal ruling; say what you can’t do, why, and what you can do instead.',
        ja: '「{text}」は判決文のように響きます。できないこと、その理由、代わりにできることを伝えましょう。',
      },
      closure: {
        en: '“{text}” shuts the door on the customer; leave it open for questions.',
        ja: '「{text}」はお客様を締め出す表現です。質問を受け付ける姿勢を残しましょう。',
      },
      lecture: {
        en: '“{text}” lectures the customer; state the fact plainly.',
        ja: '「{text}」はお客様に説教しているように聞こえます。事実を簡潔に伝えましょう。',
      },
      disclaimer: {
        en: '“{text}” disclaims responsibility; say what happened and what you can do.',
        ja: '「{text}」は責任逃れに聞こえます。何が起きたか、何ができるかを伝えましょう。',
      },
      remove: { en: 'Remove “{text}”', ja: '「{text}」を削除' },
      rewrite: { en: 'Say “{rewrite}”', ja: '「{rewrite}」に書き換える' },
      reason: {
        en: 'US customers expect to be helped by a person, not ruled on by an institution; legal phrasing, reminders and closed doors make them feel dismissed and escalate.',
        ja: '米国のお客様は、組織から裁定されるのではなく人に助けてもらうことを期待します。法律的な言い回し・念押し・突き放しは、軽んじられたと感じさせ、エスカレーションを招きます。',
      },
    },
  },
  detect({ doc }) {
    const findings: RawFinding[] = [];
    for (const s of enSentences(doc)) {
      for (const hit of findDismissive(s.text)) {
        const start = s.start + hit.start;
        const end = s.start + hit.end;
        const text = doc.text.slice(start, end);
        const { rewrite, keep } = hit.pattern;
        const finding: RawFinding = { start, end, message: hit.pattern.kind, data: { text } };
        if (rewrite === '') {
          finding.fixes = [{ label: 'remove', data: { text }, edits: [replacePhrase(doc, s, start, end, '')] }];
        } else if (rewrite !== null) {
          // Keep the last `keep` words of the match ("Please refer to our Terms" → "You'll find the details in our Terms").
          const tokens = tokenize(s.text);
          const cut = keep > 0 ? s.start + tokens[hit.to - keep]!.start : end;
          const edit = replacePhrase(doc, s, start, cut, keep > 0 ? `${rewrite} ` : rewrite);
          finding.fixes = [{ label: 'rewrite', data: { rewrite: edit.text.trim() }, edits: [edit] }];
        }
        findings.push(finding);
      }
    }
    return findings;
  },
});
