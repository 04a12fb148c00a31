/**
 * Admins' phrase rules — a pack's `phrases` (require / forbid / substitute / maxCount) — as a detector
 * family. The engine runs each rule of the market over the analysed text as it runs a detector: through
 * the one phrase matcher (lib/lang/phrases.ts), into findings of the rule's id, kind and level, and a rule
 * that throws is reported in `Report.errors` while the rest of the report stands.
 *
 * - `match: "surface"` (default): the phrase as written; English phrases on word boundaries, case-
 *   insensitive unless `ignoreCase: false`; ' and ’ are the same character.
 * - `match: "base"`: Japanese by token, so a conjugated last word matches its dictionary form:
 *   できる catches できません and できない, 対応できる catches 対応できません.
 *
 * Messages: a finding's message and reason are both the rule's own text (`<rule id>:message` in the
 * catalog); a substitute's fix is labelled `policy:substitute`. A pack's rule is send-critical: its
 * `warn` findings hold the pre-send check (`holdsSend`), as its `block` ones do.
 *
 * `PackPhraseRule` is what the engine needs of a rule; lib/contract/pack.ts's `PhraseRule` (the pack
 * format) has that shape, so the policy layer hands its rules over as they are.
 */
import { baseFormHits, PhraseSet, type PhraseHit } from '../lang/phrases';
import type { LocalizedText } from './detector';
import { jaSentences, type AnalyzedText } from './document';
import type { Finding, FindingKind, Lang, Level } from './types';

export interface PackPhraseRule {
  /** The rule's id, e.g. `acme/no-slang`: its findings' `ruleId`. */
  readonly id: string;
  readonly type: 'require' | 'forbid' | 'substitute' | 'maxCount';
  readonly phrases: readonly string[];
  /** `surface` when absent. */
  readonly match?: 'surface' | 'base' | undefined;
  /** Case-insensitive when absent. */
  readonly ignoreCase?: boolean | undefined;
  /** What a `substitute` rule replaces each phrase with. */
  readonly replacement?: string | undefined;
  /** How many hits a `maxCount` rule allows (1 when absent). */
  readonly max?: number | undefined;
  /** Only sentences in this language are read; all when absent. */
  readonly lang?: Lang | undefined;
  /** `warn` when absent. */
  readonly level?: Exclude<Level, 'off'> | undefined;
  /** `policy` when absent. */
  readonly kind?: FindingKind | undefined;
  readonly message: LocalizedText;
}

/** Fix labels phrase rules use (the engine adds them to its message catalog). */
export const PACK_RULE_LABELS: readonly [string, LocalizedText][] = [
  ['policy:substitute', { en: 'Replace with “{text}”', ja: '「{text}」に置き換える' }],
];

const compiled = new WeakMap<PackPhraseRule, PhraseSet>();

function phraseSet(rule: PackPhraseRule): PhraseSet {
  let set = compiled.get(rule);
  if (!set) {
    set = new PhraseSet(rule.phrases, { ignoreCase: rule.ignoreCase ?? true });
    compiled.set(rule, set);
  }
  return set;
}

/** Surface hits of a rule's phrases in one piece of text (offsets into that text). */
export function surfaceHits(text: string, rule: PackPhraseRule): PhraseHit[] {
  return phraseSet(rule).findAll(text);
}

/** Where a rule's phrases occur in the analysed text (sentences of the rule's language only). */
export function phraseRuleHits(doc: AnalyzedText, rule: PackPhraseRule): PhraseHit[] {
  const hits: PhraseHit[] = [];
  if (rule.match === 'base') {
    if (rule.lang === 'en') return hits;
    for (const s of jaSentences(doc)) {
      for (const h of baseFormHits(s.ja.tokens, rule.phrases)) hits.push({ ...h, start: s.start + h.start, end: s.start + h.end });
    }
    return hits;
  }
  for (const s of doc.sentences) {
    if (rule.lang && s.lang !== rule.lang) continue;
    for (const h of surfaceHits(s.text, rule)) hits.push({ ...h, start: s.start + h.start, end: s.start + h.end });
  }
  return hits;
}

/** One rule's findings in the analysed text. */
export function packRuleFindings(doc: AnalyzedText, rule: PackPhraseRule): Finding[] {
  if (doc.sentences.length === 0) return [];
  if (rule.lang && !doc.sentences.some((s) => s.lang === rule.lang)) return [];
  const hits = phraseRuleHits(doc, rule);
  const base = {
    ruleId: rule.id,
    kind: rule.kind ?? 'policy',
    level: rule.level ?? 'warn',
    holdsSend: true,
    message: { id: `${rule.id}:message` },
    reason: { id: `${rule.id}:message` },
  } as const;
  const at = (h: PhraseHit): Finding => ({ ...base, start: h.start, end: h.end, fixes: [] });
  switch (rule.type) {
    case 'require':
      return hits.length === 0 ? [{ ...base, start: 0, end: 0, fixes: [] }] : [];
    case 'forbid':
      return hits.map(at);
    case 'substitute': {
      const text = rule.replacement ?? '';
      return hits.map((h) => ({
        ...at(h),
        fixes: [{ label: { id: 'policy:substitute', data: { text } }, edits: [{ start: h.start, end: h.end, text }] }],
      }));
    }
    case 'maxCount':
      return hits.slice(rule.max ?? 1).map(at);
  }
}

/** Every rule's findings, rule by rule (the engine runs them one at a time, as it runs detectors). */
export function findPackRuleFindings(doc: AnalyzedText, rules: readonly PackPhraseRule[]): Finding[] {
  return rules.flatMap((rule) => packRuleFindings(doc, rule));
}
