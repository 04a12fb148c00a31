/**
 * Admins' phrase rules (require / forbid / substitute / maxCount) turned into findings. Phrases are
 * literals — never patterns — matched with an Aho–Corasick automaton, so a pack cannot make the
 * analyser slow: matching is linear in the text plus the hits, whatever the phrases are.
 *
 * - `match: "surface"` (default): the phrase as written; English phrases on word boundaries, case-
 *   insensitive unless `ignoreCase: false`; ' and ’ are the same character.
 * - `match: "base"`: Japanese by token, so a conjugated last word matches its dictionary form:
 *   できる catches できません and できない, 対応できる catches 対応できません.
 */
import { jaSentences, type AnalyzedText } from '../engine/document';
import type { PhraseHit } from '../lang/phrases';
import type { Finding } from '../engine/types';
import type { PhraseRule } from './types';

/** Fix labels phrase rules use (the engine adds them to its message catalog). */
export const PHRASE_RULE_LABELS: readonly [string, { en: string; ja: string }][] = [
  ['policy:substitute', { en: 'Replace with “{text}”', ja: '「{text}」に置き換える' }],
];

const APOSTROPHE = 0x27;
const RIGHT_SINGLE_QUOTE = 0x2019;

function isAsciiWordCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Folds one UTF-16 code unit without changing the text's length (so offsets stay exact). */
function fold(c: number, ignoreCase: boolean): number {
  if (c === RIGHT_SINGLE_QUOTE) return APOSTROPHE;
  if (!ignoreCase) return c;
  if (c >= 0x41 && c <= 0x5a) return c + 32;
  if (c < 0x80) return c;
  const lower = String.fromCharCode(c).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/**
 * Literal multi-phrase matcher (Aho–Corasick). `findAll` returns non-overlapping hits, leftmost
 * first and the longest phrase at a position, like a longest-first alternation would — in linear time.
 */
export class LiteralMatcher {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Phrase indices that end at each state (its own and, via failure links, its suffixes'). */
  private readonly out: number[][] = [[]];
  private readonly lengths: number[] = [];
  private readonly wordStart: boolean[] = [];
  private readonly wordEnd: boolean[] = [];

  constructor(
    phrases: readonly string[],
    private readonly ignoreCase = true,
  ) {
    phrases.forEach((phrase, k) => {
      this.lengths.push(phrase.length);
      this.wordStart.push(phrase.length > 0 && isAsciiWordCode(phrase.charCodeAt(0)));
      this.wordEnd.push(phrase.length > 0 && isAsciiWordCode(phrase.charCodeAt(phrase.length - 1)));
      if (phrase.length === 0) return;
      let state = 0;
      for (let i = 0; i < phrase.length; i++) {
        const c = fold(phrase.charCodeAt(i), ignoreCase);
        let to = this.next[state]!.get(c);
        if (to === undefined) {
          to = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.next[state]!.set(c, to);
        }
        state = to;
      }
      this.out[state]!.push(k);
    });
    // Breadth-first failure links; each state inherits the outputs of its failure state.
    const queue: number[] = [...this.next[0]!.values()];
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q]!;
      for (const [c, to] of this.next[state]!) {
        let f = this.fail[state]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const target = this.next[f]!.get(c);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        const inherited = this.out[this.fail[to]!]!;
        if (inherited.length > 0) this.out[to] = [...this.out[to]!, ...inherited];
        queue.push(to);
      }
    }
  }

  findAll(text: string): PhraseHit[] {
    const candidates: { start: number; end: number }[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = fold(text.charCodeAt(i), this.ignoreCase);
      while (state !== 0 && !this.next[state]!.has(c)) state = this.fail[state]!;
      state = this.next[state]!.get(c) ?? 0;
      for (const k of this.out[state]!) {
        const end = i + 1;
        const start = end - this.lengths[k]!;
        if (this.wordStart[k] && start > 0 && isAsciiWordCode(text.charCodeAt(start - 1))) continue;
        if (this.wordEnd[k] && end < text.length && isAsciiWordCode(text.charCodeAt(end))) continue;
        candidates.push({ start, end });
      }
    }
    return leftmostLongest(candidates).map((h) => ({ phrase: text.slice(h.start, h.end), start: h.start, end: h.end }));
  }
}

/** Non-overlapping hits: the leftmost first, the longest at a position. */
function leftmostLongest<T extends { start: number; end: number }>(hits: T[]): T[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  let end = -1;
  for (const h of hits) {
    if (h.start < end) continue;
    kept.push(h);
    end = h.end;
  }
  return kept;
}

const compiled = new WeakMap<PhraseRule, LiteralMatcher>();

function matcher(rule: PhraseRule): LiteralMatcher {
  let m = compiled.get(rule);
  if (!m) {
    m = new LiteralMatcher(rule.phrases, rule.ignoreCase ?? true);
    compiled.set(rule, m);
  }
  return m;
}

/** Surface hits of a rule's phrases in one piece of text (offsets into that text). */
export function surfaceHits(text: string, rule: PhraseRule): PhraseHit[] {
  return matcher(rule).findAll(text);
}

interface BaseToken {
  surface: string;
  baseForm: string;
}

/**
 * The index of the token where `phrase` ends when it starts at token `i`, or -1: the phrase is
 * spelled by consecutive tokens' surfaces, except that the last token may be any conjugation of the
 * phrase's last word (its dictionary form is what remains of the phrase).
 */
export function baseMatchEnd(tokens: readonly BaseToken[], i: number, phrase: string): number {
  let rest = phrase;
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.surface === rest || t.baseForm === rest) return j;
    if (t.surface.length === 0 || rest.length <= t.surface.length || !rest.startsWith(t.surface)) return -1;
    rest = rest.slice(t.surface.length);
  }
  return -1;
}

function baseFormHits(doc: AnalyzedText, phrases: readonly string[]): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (const s of jaSentences(doc)) {
    const tokens = s.ja.tokens;
    for (let i = 0; i < tokens.length; i++) {
      for (const phrase of phrases) {
        const j = baseMatchEnd(tokens, i, phrase);
        if (j >= 0) hits.push({ phrase, start: s.start + tokens[i]!.start, end: s.start + tokens[j]!.end });
      }
    }
  }
  return leftmostLongest(hits);
}

/** Where a rule's phrases occur in the analysed text (sentences of the rule's language only). */
export function phraseRuleHits(doc: AnalyzedText, rule: PhraseRule): PhraseHit[] {
  if (rule.match === 'base') return rule.lang === 'en' ? [] : baseFormHits(doc, rule.phrases);
  const hits: PhraseHit[] = [];
  for (const s of doc.sentences) {
    if (rule.lang && s.lang !== rule.lang) continue;
    for (const h of surfaceHits(s.text, rule)) hits.push({ ...h, start: s.start + h.start, end: s.start + h.end });
  }
  return hits;
}

export function findPhraseRuleFindings(doc: AnalyzedText, rules: readonly PhraseRule[]): Finding[] {
  const findings: Finding[] = [];
  const docLangs = new Set(doc.sentences.map((s) => s.lang));
  for (const rule of rules) {
    if (rule.lang && !docLangs.has(rule.lang)) continue;
    if (doc.sentences.length === 0) continue;
    const hits = phraseRuleHits(doc, rule);
    const base = {
      ruleId: rule.id,
      kind: rule.kind ?? 'policy',
      level: rule.level ?? 'warn',
      message: { id: `${rule.id}:message` },
      reason: { id: `${rule.id}:message` },
    } as const;
    switch (rule.type) {
      case 'require':
        if (hits.length === 0) findings.push({ ...base, start: 0, end: 0, fixes: [] });
        break;
      case 'forbid':
        for (const h of hits) findings.push({ ...base, start: h.start, end: h.end, fixes: [] });
        break;
      case 'substitute':
        for (const h of hits) {
          const text = rule.replacement ?? '';
          findings.push({
            ...base,
            start: h.start,
            end: h.end,
            fixes: [{ label: { id: 'policy:substitute', data: { text } }, edits: [{ start: h.start, end: h.end, text }] }],
          });
        }
        break;
      case 'maxCount':
        for (const h of hits.slice(rule.max ?? 1)) findings.push({ ...base, start: h.start, end: h.end, fixes: [] });
        break;
    }
  }
  return findings;
}
