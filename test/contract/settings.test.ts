import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { AgentSettingsPatchSchema, AgentSettingsSchema, AGENT_SETTINGS_KEYS, AGENT_PATCH_KEYS } from '../../lib/contract/settings';
import { DEFAULT_AGENT_SETTINGS, sanitizeAgentSettings } from '../../lib/policy/agent-settings';

describe('the agent settings contract', () => {
  it('the defaults satisfy the schema', () => {
    expect(v.is(AgentSettingsSchema, { ...DEFAULT_AGENT_SETTINGS })).toBe(true);
  });

  it('whatever storage holds, the lenient reader gives settings the schema accepts (and never throws)', () => {
    const field = fc.oneof(
      fc.anything(),
      fc.constantFrom('jp', 'auto', 'Japan!', 'ja', 'fr', ' Sato ', 'a\nb', true, false),
      fc.dictionary(fc.constantFrom('ja/missing-apology', 'BAD ID', 'mail.google.com', 'Mail.Google.com', '__proto__', 'x'), fc.anything()),
      fc.array(fc.record({ phrase: fc.string(), replacement: fc.anything(), lang: fc.constantFrom('ja', 'en', 'fr') }, { requiredKeys: [] })),
    );
    const stored = fc.dictionary(fc.constantFrom(...AGENT_SETTINGS_KEYS, 'extra'), field);
    fc.assert(
      fc.property(fc.oneof(stored, fc.anything()), (input) => {
        const { settings } = sanitizeAgentSettings(input);
        const r = v.safeParse(AgentSettingsSchema, settings);
        if (!r.success) throw new Error(`${JSON.stringify(settings)}: ${r.issues[0].message}`);
      }),
      { numRuns: 500 },
    );
  });

  it('a stored setting is a patchable one, and the other way round', () => {
    expect([...AGENT_PATCH_KEYS].sort()).toEqual([...AGENT_SETTINGS_KEYS].sort());
    expect(Object.keys(AgentSettingsSchema.entries).sort()).toEqual([...AGENT_SETTINGS_KEYS].sort());
    expect(v.is(AgentSettingsPatchSchema, { enabled: false })).toBe(true);
  });
});
