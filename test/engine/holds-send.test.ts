/**
 * The pre-send check holds only for send-critical findings (issue 12, item 7): the engine carries each
 * rule's meta.holdsSend on its findings and the guard decision reads it, so an excellent reply whose
 * only findings are tips sends, while a cold or flippant one is held.
 */
import { describe, expect, it } from 'vitest';
import { decide } from '../../lib/guard/decide';
import type { Report } from '../../lib/engine/types';
import { testEngine } from '../helpers/engine';

function guardOf(report: Report) {
  return decide({
    mode: 'warn',
    findings: report.findings.map((f, i) => ({ key: String(i), ruleId: f.ruleId, kind: f.kind, level: f.level, message: f.message.id, holdsSend: f.holdsSend !== false })),
  });
}

describe('holdsSend from the rule to the guard', () => {
  it('marks findings with their rule’s meta.holdsSend', async () => {
    const engine = await testEngine();
    const report = await engine.analyzeAsync('Dear Mr. Kato,\n\nYour delivery has been delayed. We will ship it soon.\n\nBest regards,\nSupport Team', {
      market: 'jp',
      customerMessage: 'My delivery is one week late.',
    });
    const byRule = new Map(report.findings.map((f) => [f.ruleId, f.holdsSend]));
    expect(byRule.get('en/missing-apology-formal')).toBe(true);
    expect(byRule.get('en/missing-owner')).toBe(false);
    expect(byRule.get('en/missing-commitment')).toBe(false);
    expect(guardOf(report).action).toBe('ask');
  });

  it('lets a reply whose only warn findings are tips through', async () => {
    const engine = await testEngine();
    const report = await engine.analyzeAsync("Hi Erin,\n\nThanks for flagging this, and I'm sorry for the worry. We'll get back to you once we know more.\n\nBest,\nMia", {
      market: 'us',
      customerMessage: "Our dashboard shows zero visitors since Monday, that can't be right.",
    });
    expect(report.findings.map((f) => f.ruleId)).toContain('en/missing-commitment');
    expect(guardOf(report).action).toBe('allow');
  });

  it('holds a flippant reply to an upset customer', async () => {
    const engine = await testEngine();
    const report = await engine.analyzeAsync("omg that's so annoying lol 😅 gonna send u another one asap", {
      market: 'us',
      customerMessage: "This is the second time my replacement phone case arrived broken. I'm really frustrated.",
    });
    const decision = guardOf(report);
    expect(decision.action).toBe('ask');
    if (decision.action !== 'allow') expect(decision.warnings.some((w) => w.ruleId === 'en/casual-register')).toBe(true);
  });
});
