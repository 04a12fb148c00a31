/**
 * Politeness and warmth cues in an English sentence, after the politeness strategies of
 * Danescu-Niculescu-Mizil et al. (2013): gratitude, greeting, apology, please (and sentence-initial
 * "please", which marks a command), indirect requests, hedges, deference, first person, positive and
 * negative words, direct questions, "why", second person at the start, obligation, factuality, blame,
 * sarcasm, imperatives, shouting and repeated punctuation.
 *
 * Politeness weights are the published strengths of the paper's strategies (each cue names its
 * strategy; STRATEGIES, scaled once), not weights fitted to any evaluation data; warmth weights are
 * hand-set. The phrase lists and every weight are data (dictionaries/en/politeness.json); this file only says
 * where a phrase counts (anywhere, at a clause start, or anywhere but a clause start) and reads the
 * structural cues off the sentence's analysis. The message score is a squashed sum of the weights
 * (lib/engine/en-scores.ts), so the report can list exactly what moved it.
 */
import data from '../../../dictionaries/en/politeness.json';
import { PhraseIndex, tokenize, type Token } from './phrase-index';
import type { EnCue, EnSentence, EnSpan, EnTerm } from './types';

export type CueWhere = 'anywhere' | 'start' | 'inside';

/** A politeness strategy of Danescu-Niculescu-Mizil et al. (2013), by its name in politeness.json. */
export type Strategy = string;

interface CueData {
  cue: string;
  where: CueWhere;
  /** Only in questions. */
  when?: 'question';
  /** Matched on its own, so it also counts inside another cue's phrase ("we" in "could we"). */
  overlap?: boolean;
  phrases: string[];
  /** The published strategy the cue realises, or null when it is not one (it then moves warmth only). */
  strategy: Strategy | null;
  warmth: number;
  examples: { match: string[]; noMatch: string[] };
}

export interface CueDefinition extends CueData {
  /** The strategy's published strength × the one scale; 0 for a cue that is no strategy. */
  politeness: number;
}

interface StructuralData {
  strategy: Strategy | null;
  warmth: number;
  examples: { match: string[]; noMatch: string[] };
}

export interface StructuralCueDefinition extends StructuralData {
  politeness: number;
}

export const STRUCTURAL_CUES = ['imperative', 'negated-positive', 'negation', 'shouting', 'repeated-punctuation', 'exclamation', 'questions'] as const;
export type StructuralCue = (typeof STRUCTURAL_CUES)[number];

/** The published strategies and their average politeness (Table 3 of the paper), and the one scale. */
export const STRATEGIES: Readonly<Record<Strategy, number>> = Object.fromEntries(
  Object.entries(data.strategies).filter((e): e is [string, number] => typeof e[1] === 'number'),
);
export const POLITENESS_SCALE: number = data.scale;

/** A cue's politeness weight: its strategy's published strength, scaled; never fitted to data. */
export function strategyWeight(strategy: Strategy | null): number {
  if (strategy === null) return 0;
  const published = STRATEGIES[strategy];
  if (published === undefined) throw new Error(`politeness.json: unknown strategy "${strategy}"`);
  return published * POLITENESS_SCALE;
}

export const CUE_DEFINITIONS: readonly CueDefinition[] = (data.cues as CueData[]).map((d) => ({ ...d, politeness: strategyWeight(d.strategy) }));
export const STRUCTURAL_DEFINITIONS = Object.fromEntries(
  STRUCTURAL_CUES.map((name) => {
    const d = (data.structural as unknown as Record<StructuralCue, StructuralData>)[name];
    return [name, { ...d, politeness: strategyWeight(d.strategy) }];
  }),
) as Record<StructuralCue, StructuralCueDefinition>;

function compile(defs: readonly CueDefinition[]): PhraseIndex<CueDefinition> {
  return new PhraseIndex(defs.flatMap((d) => d.phrases.map((p): [string, CueDefinition] => [p, d])));
}

const anywhere = compile(CUE_DEFINITIONS.filter((d) => d.where !== 'start' && !d.overlap));
const overlapping = compile(CUE_DEFINITIONS.filter((d) => d.where !== 'start' && d.overlap));
const atStart = compile(CUE_DEFINITIONS.filter((d) => d.where === 'start'));

const WORDY = /[A-Z0-9]/i;

/**
 * Where a clause starts: the first word, and the first word after a short opener set off by a comma,
 * colon or dash ("Hi Jane, please …", "Thanks — you …", "Firstly, who …") provided the opener holds
 * no modal, auxiliary or "you" ("Could you, please, …" is one clause).
 */
export function clauseStarts(sentence: string, terms: readonly EnTerm[]): number[] {
  const words = terms.filter((t) => t.text !== '' && WORDY.test(t.text));
  const first = words[0];
  if (!first) return [];
  const starts = [first.start];
  for (let i = 0; i < Math.min(words.length - 1, 4); i++) {
    const w = words[i]!;
    if (w.tags.includes('Modal') || w.tags.includes('Auxiliary') || w.normal === 'you') break;
    const gap = sentence.slice(w.end, words[i + 1]!.start);
    if (/[,;:—–]|\s-\s/.test(gap)) {
      starts.push(words[i + 1]!.start);
      break;
    }
  }
  return starts;
}

/**
 * Shouting: two all-capital words in a row ("DO NOT", "THIS IS"), capitals making up a third of the
 * letters, or one long capitalised word ("UNACCEPTABLE"). Acronyms apart ("the NPOV policy and the FAQ")
 * are not shouting.
 */
function isShouting(sentence: string): boolean {
  const caps = [...sentence.matchAll(/\b[A-Z]{2,}\b/g)];
  if (caps.length === 0) return false;
  for (let i = 1; i < caps.length; i++) {
    const prev = caps[i - 1]!;
    const gap = sentence.slice(prev.index + prev[0].length, caps[i]!.index);
    if (/^[\s,]+$/.test(gap) && prev[0].length + caps[i]![0].length >= 5) return true;
  }
  const letters = sentence.replace(/[^A-Z]/gi, '').length;
  const capLetters = caps.reduce((n, m) => n + m[0].length, 0);
  if (caps.length >= 2 && capLetters * 3 >= letters) return true;
  return caps.some((m) => m[0].length >= 7);
}

const NEGATORS = new Set(['not', 'no', 'never', 'hardly', 'nothing', 'nor', 'without']);

/** A negation among the five tokens before, in the same clause: "not very good", "don't find it helpful". */
function isNegated(tokens: readonly Token[], at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 5); i--) {
    const k = tokens[i]!.key;
    if (NEGATORS.has(k) || k.endsWith("n't")) return true;
    if (/^[.,;:!?]/.test(k)) return false;
  }
  return false;
}

function cue(name: string, def: { politeness: number; warmth: number }, span: EnSpan): EnCue {
  return { cue: name, politeness: def.politeness, warmth: def.warmth, start: span.start, end: span.end };
}

export function findCues(sentence: string, analysis: Omit<EnSentence, 'cues'>): EnCue[] {
  const found: EnCue[] = [];
  const starts = clauseStarts(sentence, analysis.terms);
  const startSet = new Set(starts);

  const tokens = tokenize(sentence);
  for (const at of starts) {
    const i = tokens.findIndex((t) => t.start === at);
    const hit = i >= 0 ? atStart.matchAt(tokens, i) : undefined;
    if (!hit || (hit.value.when === 'question' && !analysis.isQuestion)) continue;
    found.push(cue(hit.value.cue, hit.value, hit));
  }
  for (const hit of [...anywhere.findAll(tokens), ...overlapping.findAll(tokens)]) {
    const def = hit.value;
    if (def.where === 'inside' && startSet.has(hit.start)) continue;
    if (def.when === 'question' && !analysis.isQuestion) continue;
    if (def.cue === 'positive-lexicon' && isNegated(tokens, hit.token)) {
      found.push(cue('negated-positive', STRUCTURAL_DEFINITIONS['negated-positive'], hit));
    } else found.push(cue(def.cue, def, hit));
  }

  const s = STRUCTURAL_DEFINITIONS;
  const whole = { start: 0, end: sentence.length };
  const opensWithPlease = found.some((c) => c.cue === 'please-start');
  // Sentence-initial "please" already marks the command; do not count it twice.
  if (analysis.imperative && !opensWithPlease) found.push(cue('imperative', s.imperative, analysis.firstWord ?? whole));
  const firstNegation = analysis.negations[0];
  if (firstNegation) found.push(cue('negation', s.negation, firstNegation));
  if (isShouting(sentence)) found.push(cue('shouting', s.shouting, whole));
  const repeated = /[!?]{2,}/.exec(sentence);
  if (repeated) {
    found.push(cue('repeated-punctuation', s['repeated-punctuation'], { start: repeated.index, end: repeated.index + repeated[0].length }));
  } else {
    const bang = sentence.indexOf('!');
    if (bang >= 0) found.push(cue('exclamation', s.exclamation, { start: bang, end: bang + 1 }));
  }
  return found;
}
