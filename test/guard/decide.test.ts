import { describe, expect, it } from 'vitest';
import { decide, missingItems, type GuardFinding } from '../../lib/guard/decide';
import type { SendGuard } from '../../lib/policy/types';

let n = 0;
function f(ruleId: string, level: GuardFinding['level'], kind: GuardFinding['kind'] = 'politeness', message = `message of ${ruleId}`): GuardFinding {
  return { key: `k${++n}`, ruleId, kind, level, message };
}

const apology = f('ja/missing-apology', 'warn', 'apology');
const cause = f('ja/missing-cause', 'warn', 'cause');
const closing = f('ja/missing-closing', 'info');
const plainA = f('ja/plain-ending', 'warn');
const plainB = f('ja/plain-ending', 'warn');
const forbidden = f('acme/no-asap', 'block', 'commitment', 'Give the customer a time, not "ASAP".');
/** Tips: warn-level findings of rules that do not hold the send (meta.holdsSend false). */
const owner = { ...f('ja/missing-owner', 'warn', 'ownership'), holdsSend: false };
const commitment = { ...f('en/missing-commitment', 'warn', 'commitment'), holdsSend: false };
/** A tip rule a pack raised to block holds all the same. */
const raisedOwner = { ...f('ja/missing-owner', 'block', 'ownership'), holdsSend: false };

describe('decide: report × mode × level', () => {
  const table: { why: string; mode: SendGuard; findings: GuardFinding[]; skipAsk?: boolean; action: string; blocking?: number; warnings?: number }[] = [
    { why: 'off never stops a send', mode: 'off', findings: [apology, forbidden], action: 'allow' },
    { why: 'a clean draft sends', mode: 'warn', findings: [], action: 'allow' },
    { why: 'info findings are tips, not reasons to stop', mode: 'warn', findings: [closing], action: 'allow' },
    { why: 'warn findings ask', mode: 'warn', findings: [apology, closing], action: 'ask', blocking: 0, warnings: 1 },
    { why: 'in warn mode a block-level finding only asks', mode: 'warn', findings: [forbidden], action: 'ask', blocking: 0, warnings: 1 },
    { why: '"don’t ask again" lets warn mode send', mode: 'warn', findings: [apology, forbidden], skipAsk: true, action: 'allow' },
    { why: 'block mode with only warn findings asks', mode: 'block', findings: [apology, cause], action: 'ask', blocking: 0, warnings: 2 },
    { why: 'block mode blocks on block-level findings', mode: 'block', findings: [apology, forbidden], action: 'block', blocking: 1, warnings: 1 },
    { why: '"don’t ask again" cannot pass a block', mode: 'block', findings: [forbidden], skipAsk: true, action: 'block', blocking: 1, warnings: 0 },
    { why: 'block mode, warn findings, don’t ask again', mode: 'block', findings: [apology], skipAsk: true, action: 'allow' },
    { why: 'block mode with info only sends', mode: 'block', findings: [closing], action: 'allow' },
    { why: 'tips (owner, commitment) at warn stay underlines: Send goes through', mode: 'warn', findings: [owner, commitment, closing], action: 'allow' },
    { why: 'a send-critical finding asks; the tips beside it are not listed', mode: 'warn', findings: [owner, apology, commitment], action: 'ask', blocking: 0, warnings: 1 },
    { why: 'a tip rule raised to block by a pack holds in warn mode', mode: 'warn', findings: [raisedOwner], action: 'ask', blocking: 0, warnings: 1 },
    { why: 'and blocks in block mode', mode: 'block', findings: [raisedOwner, owner], action: 'block', blocking: 1, warnings: 0 },
  ];
  for (const row of table) {
    it(row.why, () => {
      const d = decide({ mode: row.mode, findings: row.findings, skipAsk: row.skipAsk });
      expect(d.action).toBe(row.action);
      if (d.action !== 'allow') {
        expect(d.blocking).toHaveLength(row.blocking!);
        expect(d.warnings).toHaveLength(row.warnings!);
        expect(d.warnings.every((w) => w.level !== 'info')).toBe(true);
      }
    });
  }
});

describe('missingItems: short labels grouped by rule', () => {
  it('names what is missing and counts repeated slips, in English', () => {
    expect(missingItems([apology, plainA, cause, plainB], 'en')).toEqual([
      { label: 'No apology', level: 'warn', keys: [apology.key] },
      { label: '2 plain-form endings', level: 'warn', keys: [plainA.key, plainB.key] },
      { label: 'Cause not explained', level: 'warn', keys: [cause.key] },
    ]);
  });
  it('and in Japanese', () => {
    expect(missingItems([apology, cause, plainA, plainB], 'ja').map((i) => i.label)).toEqual([
      'お詫びがありません',
      '原因の説明がありません',
      '常体の文末 2 件',
    ]);
  });
  it('singular counts read naturally', () => {
    expect(missingItems([plainA], 'en')[0]!.label).toBe('1 plain-form ending');
  });
  it('the English and Japanese apology rules share one line', () => {
    const en = f('en/missing-apology-formal', 'warn', 'apology');
    const items = missingItems([apology, en], 'en');
    expect(items).toEqual([{ label: 'No apology', level: 'warn', keys: [apology.key, en.key] }]);
  });
  it.each(['ja/constructor', 'en/__proto__', 'ja/toString', 'en/hasOwnProperty', 'acme/constructor', 'constructor', 'acme/missing-apology'])(
    'a rule id like %s gets its own message, never an Object.prototype member or a built-in label',
    (ruleId) => {
      for (const ui of ['en', 'ja'] as const) {
        const one = f(ruleId, 'warn');
        const two = f(ruleId, 'warn');
        expect(missingItems([one], ui)).toEqual([{ label: one.message, level: 'warn', keys: [one.key] }]);
        expect(missingItems([one, two], ui)[0]!.label).toBe(`${one.message} (×2)`);
      }
    },
  );
  it('a pack’s own rule uses its message, with a count when repeated, and keeps its block level', () => {
    const again = { ...forbidden, key: 'again' };
    expect(missingItems([forbidden], 'en')).toEqual([{ label: forbidden.message, level: 'block', keys: [forbidden.key] }]);
    expect(missingItems([forbidden, again], 'en')[0]!.label).toBe(`${forbidden.message} (×2)`);
  });
});
