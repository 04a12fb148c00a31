/**
 * Every Japanese data file in dictionaries/ja is validated like a pack: its shape (non-empty lists of
 * non-empty, unique strings; mappings to strings), and every example it documents behaves as
 * documented when run through the analyser and the detector that reads the file.
 */
import { describe, expect, it } from 'vitest';
import address from '../../../dictionaries/ja/address.json';
import apology from '../../../dictionaries/ja/apology.json';
import casualWording from '../../../dictionaries/ja/casual-wording.json';
import cause from '../../../dictionaries/ja/cause.json';
import closing from '../../../dictionaries/ja/closing.json';
import commitment from '../../../dictionaries/ja/commitment.json';
import coverage from '../../../dictionaries/ja/coverage.json';
import cushion from '../../../dictionaries/ja/cushion.json';
import keigo from '../../../dictionaries/ja/keigo.json';
import owner from '../../../dictionaries/ja/owner.json';
import raNuki from '../../../dictionaries/ja/ra-nuki.json';
import register from '../../../dictionaries/ja/register.json';
import reply from '../../../dictionaries/ja/reply.json';
import type { Detector } from '../../../lib/engine/detector';
import { jaSentences } from '../../../lib/engine/document';
import { getDetector } from '../../../lib/engine/registry';
import type { AnalysisContext } from '../../../lib/engine/types';
import { readJaSentence } from '../../../lib/lang/ja/case';
import { replyShape } from '../../../lib/engine/reply/ja';
import { jaCoverageLexicon } from '../../../lib/lang/ja/signals';
import { COVERAGE_KEYS, coverageOf } from '../../../lib/lang/signals';
import { applyEdits } from '../../helpers/detector-tester';
import { testEngine } from '../../helpers/engine';

function phraseList(name: string, list: unknown): void {
  it(`${name} is a non-empty list of unique, non-empty phrases`, () => {
    expect(Array.isArray(list)).toBe(true);
    const items = list as unknown[];
    expect(items.length).toBeGreaterThan(0);
    for (const p of items) {
      expect(typeof p, String(p)).toBe('string');
      expect((p as string).trim(), 'empty phrase').not.toBe('');
    }
    expect(new Set(items).size, `${name} has duplicates`).toBe(items.length);
  });
}

function stringMap(name: string, map: unknown): void {
  it(`${name} maps strings to non-empty strings`, () => {
    expect(typeof map).toBe('object');
    const entries = Object.entries(map as Record<string, unknown>);
    expect(entries.length).toBeGreaterThan(0);
    for (const [k, v] of entries) {
      expect(k.trim()).not.toBe('');
      expect(typeof v, k).toBe('string');
      expect((v as string).trim(), k).not.toBe('');
    }
  });
}

interface DetectorExample {
  text: string;
  fixed?: string;
  flagged?: boolean;
  customerMessage?: string;
  agentName?: string;
}

/** Runs a documented example through the detector: `fixed` is the text after its first finding's first fix. */
function detectorExamples(name: string, ruleId: string, examples: readonly DetectorExample[]): void {
  describe(`${name} examples through ${ruleId}`, () => {
    it.each(examples.map((e) => [e.text.replace(/\n/g, '⏎'), e] as const))('%s', async (_label, e) => {
      const detector: Detector | undefined = getDetector(ruleId);
      expect(detector, ruleId).toBeDefined();
      const engine = await testEngine();
      const context: AnalysisContext = { market: 'jp' };
      if (e.customerMessage) context.customerMessage = e.customerMessage;
      if (e.agentName) context.agentName = e.agentName;
      const findings = (await engine.analyzeAsync(e.text, context)).findings.filter((f) => f.ruleId === ruleId);
      if (e.flagged === false) {
        expect(findings).toEqual([]);
        return;
      }
      expect(e.fixed, 'an example is either fixed or not flagged').toBeDefined();
      const fix = findings[0]?.fixes[0];
      expect(fix, 'flagged with a fix').toBeDefined();
      expect(applyEdits(e.text, fix!.edits)).toBe(e.fixed);
    });
  });
}

describe('dictionaries/ja/apology.json', () => {
  phraseList('sincere', apology.sincere);
  it('has an apology to insert, fitting rules and upgrades', () => {
    expect(apology.insert).toMatch(/申し訳|お詫び/);
    for (const f of apology.fitting) {
      expect(f.when.length).toBeGreaterThan(0);
      expect(f.text).toMatch(/申し訳|お詫び/);
    }
    for (const u of apology.upgrades) expect(u.formal).toMatch(/申し訳|失礼いたしました/);
  });
  phraseList('upgrades.casual', apology.upgrades.map((u) => u.casual));
  detectorExamples('apology', 'ja/missing-apology', apology.examples);
});

describe('dictionaries/ja/cause.json', () => {
  it('has the sentences the fix inserts', () => {
    expect(cause.insert.known).toContain('〈');
    expect(cause.insert.investigating).toMatch(/調査/);
  });
  it.each(cause.examples.map((e) => [e.text, e.cause] as const))('%s → cause %s', async (text, expected) => {
    const engine = await testEngine();
    const s = jaSentences(engine.analyzeText(text, { lang: 'ja' }));
    expect(s.some((x) => readJaSentence(x.ja.tokens).cause !== undefined)).toBe(expected);
  });
});

describe('dictionaries/ja/coverage.json', () => {
  for (const key of [...COVERAGE_KEYS, 'casualApology'] as const) phraseList(key, coverage[key]);
  it.each(coverage.examples.map((e) => [e.text, e.covers] as const))('%s covers %j', async (text, covers) => {
    const engine = await testEngine();
    const c = coverageOf(jaSentences(engine.analyzeText(text, { lang: 'ja' })), jaCoverageLexicon);
    expect(COVERAGE_KEYS.filter((k) => c[k]).sort()).toEqual([...covers].sort());
  });
});

describe('dictionaries/ja/register.json', () => {
  phraseList('formal', register.formal);
  phraseList('casual', register.casual);
  it('keeps the formal and casual lists apart', () => {
    const formal = new Set(register.formal);
    expect(register.casual.filter((w) => formal.has(w))).toEqual([]);
  });
  it.each(register.examples.map((e) => [e.text, e.cue, e.word] as const))('%s has the %s cue %s', async (text, cue, word) => {
    const engine = await testEngine();
    const s = jaSentences(engine.analyzeText(text, { lang: 'ja' }))[0]!;
    expect(s.ja.register.cues.map((c) => c.cue)).toContain(`${cue}:${word}`);
  });
});

describe('dictionaries/ja/keigo.json', () => {
  phraseList('niNaruNotHonorific.stems', keigo.niNaruNotHonorific.stems);
  phraseList('bikaNouns.stems', keigo.bikaNouns.stems);
  phraseList('customerActions.stems', keigo.customerActions.stems);
  phraseList('selfMarkers.words', keigo.selfMarkers.words);
  phraseList('acceptedDoubles.forms', keigo.acceptedDoubles.forms);
  it('maps verbs to verbs with a conjugation type', () => {
    for (const [from, to] of [...Object.entries(keigo.honorificToHumble.verbs), ...Object.entries(keigo.humbleToHonorific.verbs), ...Object.entries(keigo.doubleHumbleStems.stems)]) {
      expect(to.verb.trim(), from).not.toBe('');
      expect(typeof to.type, from).toBe('string');
    }
  });
  it.each(keigo.niNaruNotHonorific.examples.map((e) => [e.text, e.honorific] as const))('%s → お〜になる %s', async (text, honorific) => {
    const engine = await testEngine();
    const s = jaSentences(engine.analyzeText(text, { lang: 'ja' }))[0]!;
    expect(s.ja.keigo.some((m) => m.form === 'o-ni-naru')).toBe(honorific);
  });
  detectorExamples('honorificToHumble', 'ja/keigo-direction', keigo.honorificToHumble.examples);
  detectorExamples('humbleToHonorific', 'ja/keigo-direction', keigo.humbleToHonorific.examples);
  detectorExamples('customerActions', 'ja/keigo-direction', keigo.customerActions.examples);
  detectorExamples('selfMarkers', 'ja/keigo-direction', keigo.selfMarkers.examples);
  detectorExamples('bikaNouns', 'ja/keigo-direction', keigo.bikaNouns.examples);
  detectorExamples('doubleHumbleStems', 'ja/double-keigo', keigo.doubleHumbleStems.examples);
  detectorExamples('acceptedDoubles', 'ja/double-keigo', keigo.acceptedDoubles.examples);
});

describe('dictionaries/ja/reply.json', () => {
  phraseList('addressSuffixes', reply.addressSuffixes);
  phraseList('greetings', reply.greetings);
  phraseList('closings', reply.closings);
  phraseList('signatureStarts', reply.signatureStarts);
  it.each(reply.examples.map((e) => [e.text.replace(/\n/g, '⏎'), e] as const))('%s', async (_label, e) => {
    const engine = await testEngine();
    const shape = replyShape(engine.analyzeText(e.text, { lang: 'ja' }));
    expect(shape.opening?.paragraph ?? -1).toBe(e.openingEnds);
    expect(shape.closingStart).toBe(e.closingStarts);
  });
});

describe('dictionaries/ja/address.json', () => {
  phraseList('pronouns', address.pronouns);
  phraseList('familiarSuffixes', address.familiarSuffixes);
  phraseList('customerCompany', address.customerCompany);
  phraseList('inGroupMarkers', address.inGroupMarkers);
  phraseList('companyWords', address.companyWords);
  stringMap('words', address.words);
  stringMap('ownCompanyWithHonorific', address.ownCompanyWithHonorific);
  detectorExamples('address', 'ja/customer-address', address.examples);
});

describe('dictionaries/ja/ra-nuki.json', () => {
  stringMap('lexicalized', raNuki.lexicalized);
  detectorExamples('ra-nuki', 'ja/ra-nuki', raNuki.examples);
});

describe('dictionaries/ja/casual-wording.json', () => {
  phraseList('casual', casualWording.entries.map((e) => e.casual));
  it('gives every entry a formal replacement and an example that uses it', () => {
    for (const e of casualWording.entries) {
      expect(e.formal.trim(), e.casual).not.toBe('');
      expect(e.formal, e.casual).not.toBe(e.casual);
      expect(e.example.text, e.casual).toContain(e.casual);
      expect(e.example.fixed, e.casual).toContain(e.formal);
    }
  });
  detectorExamples('entries', 'ja/casual-wording', casualWording.entries.map((e) => e.example));
});

describe('dictionaries/ja/cushion.json', () => {
  phraseList('cushions', cushion.cushions);
  phraseList('refusals', cushion.refusals);
  phraseList('requests', cushion.requests);
  phraseList('offers', cushion.offers);
  phraseList('conditional', cushion.conditional);
  phraseList('leadingConnectives', cushion.leadingConnectives);
  detectorExamples('cushion', 'ja/missing-cushion', cushion.examples);
});

describe('dictionaries/ja/commitment.json', () => {
  phraseList('promises', commitment.promises);
  phraseList('vague.replace', commitment.vague.replace);
  phraseList('vague.keep', commitment.vague.keep);
  it('has the inserted sentences with the hours placeholder', () => {
    expect(commitment.insert).toContain('{hours}');
    expect(commitment.insertTime).toContain('{hours}');
    expect(commitment.progressInsert).toContain('{hours}');
  });
  detectorExamples('commitment', 'ja/missing-commitment', commitment.examples);
});

describe('dictionaries/ja/owner.json', () => {
  it('has the owner sentence with the name placeholder', () => {
    expect(owner.insert).toContain('{name}');
    expect(owner.placeholder).toMatch(/^〈.+〉$/);
  });
  detectorExamples('owner', 'ja/missing-owner', owner.examples);
});

describe('dictionaries/ja/closing.json', () => {
  phraseList('formulas', closing.formulas);
  detectorExamples('closing', 'ja/missing-closing', closing.examples);
});
