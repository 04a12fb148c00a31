/**
 * Table-driven detector tests, after ESLint's RuleTester: `valid` cases must produce no finding from
 * the rule; `invalid` cases list the findings expected (message key, exact text span or insertion
 * point) and the text after applying each finding's first fix.
 */
import { describe, expect, it } from 'vitest';
import type { Detector } from '../../lib/engine/detector';
import type { AnalysisContext, Edit, Finding } from '../../lib/engine/types';
import { testEngine } from './engine';

export interface ValidCase {
  text: string;
  context?: Partial<AnalysisContext>;
  /** Why this must not be flagged (every false positive becomes a valid case). */
  why?: string;
}

export interface ExpectedFinding {
  /** Message key in the detector's meta.messages. */
  message: string;
  /** The exact text the finding covers; '' for an insertion point. */
  span?: string;
  data?: Record<string, string | number>;
  /** The level the finding comes at (a mild finding is a tip: info). */
  level?: 'info' | 'warn' | 'block';
}

export interface InvalidCase {
  text: string;
  context?: Partial<AnalysisContext>;
  findings: ExpectedFinding[];
  /** The text after applying the first finding's first fix. */
  output?: string;
}

export interface DetectorCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

/** Applies edits (non-overlapping) to the text, last first so offsets stay true. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function defaultMarket(detector: Detector): string {
  return detector.meta.markets === '*' ? 'jp' : detector.meta.markets[0]!;
}

async function run(detector: Detector, text: string, context: Partial<AnalysisContext> | undefined): Promise<Finding[]> {
  const engine = await testEngine();
  const report = await engine.analyzeAsync(text, { market: defaultMarket(detector), uiLang: 'en', ...context });
  expect(report.errors ?? []).toEqual([]);
  return report.findings.filter((f) => f.ruleId === detector.meta.id);
}

export function testDetector(detector: Detector, cases: DetectorCases): void {
  const id = detector.meta.id;
  describe(id, () => {
    it('has cases both ways', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    for (const c of cases.valid) {
      it(`valid: ${c.text.replace(/\n/g, '⏎').slice(0, 60)}`, async () => {
        expect(await run(detector, c.text, c.context)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.text.replace(/\n/g, '⏎').slice(0, 60)}`, async () => {
        const findings = await run(detector, c.text, c.context);
        expect(
          findings.map((f) => ({ message: f.message.id.slice(id.length + 1), span: c.text.slice(f.start, f.end) })),
        ).toEqual(c.findings.map((e) => ({ message: e.message, span: e.span ?? '' })));
        c.findings.forEach((e, i) => {
          if (e.data) expect(findings[i]!.message.data).toMatchObject(e.data);
          if (e.level) expect(findings[i]!.level).toBe(e.level);
        });
        if (c.output !== undefined) {
          const fix = findings[0]?.fixes[0];
          expect(fix, 'first finding has a fix').toBeDefined();
          expect(applyEdits(c.text, fix!.edits)).toBe(c.output);
        }
      });
    }
  });
}
