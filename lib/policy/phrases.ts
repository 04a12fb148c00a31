/**
 * Admins' phrase rules (require / forbid / substitute / maxCount) turned into findings. Phrases are
 * literals — never patterns — so a pack cannot make the analyser slow: matching is linear in the text.
 * `match: "base"` matches Japanese by dictionary form, so 対応できる also catches 対応できません.
 */
import { jaSentences, type AnalyzedText } from '../engine/document';
import { PhraseSet, type PhraseHit } from '../engine/phrases';
import type { Finding } from '../engine/types';
import type { PhraseRule } from './types';

const compiled = new WeakMap<PhraseRule, PhraseSet>();

function phraseSet(rule: PhraseRule): PhraseSet {
  let set = compiled.get(rule);
  if (!set) {
    set = new PhraseSet(rule.phrases);
    compiled.set(rule, set);
  }
  return set;
}

/**
 * Base-form hits: a phrase matches where consecutive tokens' surfaces spell it, except that the last
 * token may be any conjugation of the phrase's last word (its surface is a prefix of the phrase's tail).
 */
function baseFormHits(doc: AnalyzedText, phrases: readonly string[]): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (const s of jaSentences(doc)) {
    const tokens = s.ja.tokens;
    for (let i = 0; i < tokens.length; i++) {
      for (const phrase of phrases) {
        let rest = phrase;
        for (let j = i; j < tokens.length && rest.length > 0; j++) {
          const t = tokens[j]!;
          if (rest.startsWith(t.surface) && rest.length > t.surface.length) {
            rest = rest.slice(t.surface.length);
            continue;
          }
          if (t.baseForm === rest || rest === t.surface) {
            hits.push({ phrase, start: s.start + tokens[i]!.start, end: s.start + t.end });
          }
          break;
        }
      }
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

export function phraseRuleHits(doc: AnalyzedText, rule: PhraseRule): PhraseHit[] {
  if (rule.match === 'base') return baseFormHits(doc, rule.phrases);
  const set = phraseSet(rule);
  const hits: PhraseHit[] = [];
  for (const s of doc.sentences) {
    if (rule.lang && s.lang !== rule.lang) continue;
    for (const h of set.findAll(s.text)) hits.push({ ...h, start: s.start + h.start, end: s.start + h.end });
  }
  return hits;
}

export function findPhraseRuleFindings(doc: AnalyzedText, rules: readonly PhraseRule[]): Finding[] {
  const findings: Finding[] = [];
  const docLangs = new Set(doc.sentences.map((s) => s.lang));
  for (const rule of rules) {
    if (rule.lang && !docLangs.has(rule.lang)) continue;
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
