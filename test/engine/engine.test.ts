import { describe, expect, it } from 'vitest';
import type { SentenceAnalyzer } from '../../lib/lang/analyzer';
import { defineDetector } from '../../lib/engine/detector';
import { Engine, LanguageNotReadyError, UnknownMarketError } from '../../lib/engine/engine';
import { NO_OPTIONS } from '../../lib/engine/options';
import { createEnAnalyzer } from '../../lib/lang/en/analyzer';
import type { EnSentence } from '../../lib/lang/en/types';
import type { JaSentence } from '../../lib/lang/ja/types';
import { jaSentences, type AnalyzedText } from '../../lib/engine/document';
import { builtinSourced } from '../../lib/policy/builtin';
import { resolvePolicy } from '../../lib/policy/resolve';
import { testEngine } from '../helpers/engine';

/** Wraps the English analyser to count what the engine asks of it. */
function countingEn() {
  const inner = createEnAnalyzer();
  const calls = { split: 0, analyze: [] as string[] };
  const analyzer: SentenceAnalyzer<EnSentence> = {
    lang: 'en',
    split: (p) => {
      calls.split++;
      return inner.split(p);
    },
    analyze: (s) => {
      calls.analyze.push(s);
      return inner.analyze(s);
    },
  };
  return { analyzer, calls };
}

const policy = resolvePolicy(builtinSourced());

function jaOf(doc: AnalyzedText): JaSentence {
  const first = jaSentences(doc)[0];
  if (!first) throw new Error('no Japanese sentence');
  return first.ja;
}

describe('Engine', () => {
  it('re-analyses only the sentence that changed after a keystroke', () => {
    const { analyzer, calls } = countingEn();
    const engine = new Engine({ policy, en: analyzer });
    const draft = 'Hi Jane.\nThanks for your patience. Your refund is on its way. It should arrive by Friday.';
    engine.analyze(draft, { market: 'us' });
    expect(calls.analyze).toHaveLength(4);
    calls.analyze.length = 0;
    calls.split = 0;
    engine.analyze(draft.replace('its way.', 'its way!'), { market: 'us' });
    expect(calls.analyze).toEqual(['Your refund is on its way!']);
    expect(calls.split).toBe(1); // only the edited line is split again
  });

  it('keeps a report when one detector throws, naming the broken rule', () => {
    const broken = defineDetector({
      meta: {
        id: 'en/broken',
        kind: 'clarity',
        languages: ['en'],
        markets: '*',
        defaultLevel: 'warn',
        fixable: false,
        schema: NO_OPTIONS,
        description: { en: 'x', ja: 'x' },
        messages: { reason: { en: 'x', ja: 'x' } },
      },
      detect() {
        throw new Error('boom');
      },
    });
    const engine = new Engine({ policy, en: createEnAnalyzer(), detectors: [broken] });
    const report = engine.analyze('Hello there.', { market: 'us' });
    expect(report.errors).toEqual([{ ruleId: 'en/broken', message: 'boom' }]);
    expect(report.findings).toEqual([]);
  });

  it('says which market is unknown', () => {
    const engine = new Engine({ policy, en: createEnAnalyzer() });
    expect(() => engine.analyze('Hello.', { market: 'fr' })).toThrow(UnknownMarketError);
  });

  it('refuses Japanese until the analyser has loaded, then loads it once for concurrent callers', async () => {
    let loads = 0;
    const real = await testEngine();
    const engine = new Engine({
      policy,
      en: createEnAnalyzer(),
      ja: async () => {
        loads++;
        await new Promise((r) => setTimeout(r, 10));
        return { lang: 'ja', split: (p) => [{ start: 0, end: p.length }], analyze: (s) => jaOf(real.analyzeText(s, { lang: 'ja' })) };
      },
    });
    expect(engine.isReady('ja')).toBe(false);
    expect(() => engine.analyze('ご確認ください。', { market: 'jp' })).toThrow(LanguageNotReadyError);
    const [a, b] = await Promise.all([
      engine.analyzeAsync('ご確認ください。', { market: 'jp' }),
      engine.analyzeAsync('お待ちください。', { market: 'jp' }),
    ]);
    expect(loads).toBe(1);
    expect(a.lang).toBe('ja');
    expect(b.lang).toBe('ja');
  });

  it('retries a failed analyser load', async () => {
    let attempts = 0;
    const engine = new Engine({
      policy,
      ja: async () => {
        attempts++;
        if (attempts === 1) throw new Error('dictionary fetch failed');
        const real = await testEngine();
        return { lang: 'ja', split: (p) => [{ start: 0, end: p.length }], analyze: (s) => jaOf(real.analyzeText(s, { lang: 'ja' })) };
      },
    });
    await expect(engine.prepare(['ja'])).rejects.toThrow('dictionary fetch failed');
    await engine.prepare(['ja']);
    expect(engine.isReady('ja')).toBe(true);
  });

  it('treats the customer’s message as context for the problem signal', async () => {
    const engine = await testEngine();
    const quiet = await engine.analyzeAsync('確認いたしました。', { market: 'jp' });
    expect(quiet.coverage.problem).toBe(false);
    const withComplaint = await engine.analyzeAsync('確認いたしました。', {
      market: 'jp',
      customerMessage: '商品が壊れて届きました。',
    });
    expect(withComplaint.coverage.problem).toBe(true);
  });
});
