/**
 * The politeness cue dictionary (dictionaries/en/politeness.json) is data: this checks its shape and
 * that every example behaves as documented, then that the scores order real replies sensibly and
 * explain themselves through report.cues.
 */
import { describe, expect, it } from 'vitest';
import data from '../../../dictionaries/en/politeness.json';
import { Engine } from '../../../lib/engine/engine';
import { createEnAnalyzer } from '../../../lib/lang/en/analyzer';
import { CUE_DEFINITIONS, POLITENESS_SCALE, STRATEGIES, STRUCTURAL_CUES, STRUCTURAL_DEFINITIONS } from '../../../lib/lang/en/cues';
import { builtinSourced } from '../../../lib/policy/builtin';
import { resolvePolicy } from '../../../lib/policy/resolve';

const engine = new Engine({ policy: resolvePolicy(builtinSourced()), en: createEnAnalyzer() });
const analyze = (text: string) => engine.analyze(text, { market: 'us', lang: 'en' });
const cuesOf = (text: string) => new Set(analyze(text).cues.map((c) => c.cue));
const politeness = (text: string) => analyze(text).scores.politeness!;
const warmth = (text: string) => analyze(text).scores.warmth!;

describe('dictionaries/en/politeness.json', () => {
  it('has the documented shape', () => {
    const names = new Set<string>();
    for (const d of CUE_DEFINITIONS) {
      expect(d.cue).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(names.has(d.cue), `duplicate cue ${d.cue}`).toBe(false);
      names.add(d.cue);
      expect(['anywhere', 'start', 'inside']).toContain(d.where);
      if (d.when !== undefined) expect(d.when).toBe('question');
      expect(d.phrases.length).toBeGreaterThan(0);
      for (const p of d.phrases) expect(p.trim()).toBe(p);
      expect(Math.abs(d.politeness)).toBeLessThanOrEqual(2);
      expect(Math.abs(d.warmth)).toBeLessThanOrEqual(2);
      expect(d.examples.match.length).toBeGreaterThan(0);
      expect(d.examples.noMatch.length).toBeGreaterThan(0);
    }
    for (const name of STRUCTURAL_CUES) {
      const s = data.structural[name];
      expect(s, name).toBeDefined();
      expect(s.strategy === null || s.strategy in STRATEGIES, name).toBe(true);
      expect(s.examples.match.length).toBeGreaterThan(0);
      expect(s.examples.noMatch.length).toBeGreaterThan(0);
    }
  });

  it('weighs politeness by the published strategies only: strength × one scale, 0 for a cue that is no strategy', () => {
    // Danescu-Niculescu-Mizil et al. 2013, Table 3: the directions the paper reports.
    for (const positive of ['gratitude', 'deference', 'greeting', 'apologizing', 'please', 'indirect-btw', 'counterfactual-modal', 'hedges']) {
      expect(STRATEGIES[positive], positive).toBeGreaterThan(0);
    }
    for (const negative of ['please-start', 'direct-question', 'direct-start', 'second-person-start', 'factuality', 'negative-lexicon']) {
      expect(STRATEGIES[negative], negative).toBeLessThan(0);
    }
    for (const d of CUE_DEFINITIONS) {
      expect(d.strategy === null || d.strategy in STRATEGIES, d.cue).toBe(true);
      expect(d.politeness, d.cue).toBeCloseTo(d.strategy === null ? 0 : STRATEGIES[d.strategy]! * POLITENESS_SCALE, 10);
    }
    for (const name of STRUCTURAL_CUES) {
      const s = STRUCTURAL_DEFINITIONS[name];
      expect(s.politeness, name).toBeCloseTo(s.strategy === null ? 0 : STRATEGIES[s.strategy]! * POLITENESS_SCALE, 10);
    }
  });

  it('gives each phrase to one cue only (per position)', () => {
    const seen = new Map<string, string>();
    for (const d of CUE_DEFINITIONS) {
      for (const p of d.phrases) {
        const k = `${d.where === 'start' ? 'start' : 'any'}:${p.toLowerCase()}`;
        expect(seen.get(k), `${p} in ${seen.get(k)} and ${d.cue}`).toBeUndefined();
        seen.set(k, d.cue);
      }
    }
  });

  const cases = [
    ...CUE_DEFINITIONS.map((d) => [d.cue, d.examples] as const),
    ...STRUCTURAL_CUES.map((name) => [name, data.structural[name].examples] as const),
  ];
  describe.each(cases)('%s', (cue, examples) => {
    it.each(examples.match)('finds it in: %s', (text) => {
      expect(cuesOf(text)).toContain(`en/${cue}`);
    });
    it.each(examples.noMatch)('does not find it in: %s', (text) => {
      expect(cuesOf(text)).not.toContain(`en/${cue}`);
    });
  });
});

describe('English politeness and warmth scores', () => {
  it('stay in [0, 1] and are neutral without cues', () => {
    expect(politeness('The parcel left the depot at 9.')).toBeCloseTo(0.5, 5);
    for (const t of ['Thanks so much!! :) Could you please help? I really appreciate it, thank you!', 'WHY did you do this?? You must fix it. Stop lying.']) {
      const r = analyze(t);
      expect(r.scores.politeness).toBeGreaterThanOrEqual(0);
      expect(r.scores.politeness).toBeLessThanOrEqual(1);
      expect(r.scores.warmth).toBeGreaterThanOrEqual(0);
      expect(r.scores.warmth).toBeLessThanOrEqual(1);
    }
  });

  it.each([
    ['Could you please send me the receipt? Thanks!', 'Send me the receipt.'],
    ['Hi Jane, would you mind checking the order number?', 'Why did you not check the order number?'],
    ['I think the link might be wrong — could you take a look?', 'The link is wrong. Fix it.'],
    ['Sorry to bother you, but is there any update?', 'So is there any update or not?'],
    ['We could look at this together if you have time.', 'You must look at this now.'],
    ['Great catch, thank you for spotting it.', 'In fact, you obviously missed it.'],
  ])('ranks “%s” above “%s”', (polite, rude) => {
    expect(politeness(polite)).toBeGreaterThan(politeness(rude));
  });

  it('reads sentence-initial “please” as a command marker, mid-sentence “please” as a softener', () => {
    expect(cuesOf('Please send the receipt.')).toContain('en/please-start');
    expect(cuesOf('Could you please send the receipt?')).toContain('en/please');
    expect(politeness('Could you please send the receipt?')).toBeGreaterThan(politeness('Please send the receipt.'));
  });

  it('scores a warm support reply warmer than a cold one', () => {
    const warm = "Hi Jane, thanks for reaching out! I'm sorry the order was late — I know how frustrating that is. I've sent a replacement, and I'm happy to help with anything else.";
    const cold = 'Per our policy, unfortunately we are unable to refund the order. You must contact the courier.';
    expect(warmth(warm)).toBeGreaterThan(0.8);
    expect(warmth(cold)).toBeLessThan(0.25);
  });

  it('explains the scores: each cue with its weight and span in the text', () => {
    const text = 'Hi Sam. Why did you close the ticket?';
    const r = analyze(text);
    const pol = r.cues.filter((c) => c.score === 'politeness');
    expect(pol.map((c) => [c.cue, text.slice(c.start, c.end)])).toEqual([
      ['en/greeting', 'Hi'],
      ['en/why-start', 'Why'],
      ['en/challenge', 'Why did you'],
      ['en/direct-question', 'Why'],
    ].filter(([cue]) => cue !== 'en/direct-question'));
    const sum = pol.reduce((s, c) => s + c.weight, 0);
    expect(r.scores.politeness).toBeCloseTo(1 / (1 + Math.exp(-sum)), 10);
  });
});
