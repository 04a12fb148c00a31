import { describe, expect, it } from 'vitest';
import { getDetector } from '../../lib/engine/registry';
import {
  DEFAULT_AGENT_SETTINGS,
  applyAgentSettings,
  effectiveSettingsView,
  isEnabledFor,
  lockFor,
  sanitizeAgentSettings,
  type AgentSettings,
} from '../../lib/policy/agent-settings';
import { builtinSourced } from '../../lib/policy/builtin';
import { resolvePolicy } from '../../lib/policy/resolve';
import { managedPolicyPack } from '../../lib/policy/sources/managed';
import type { PolicyPack, SourcedPack } from '../../lib/policy/types';

const detectors = [getDetector('ja/missing-apology')!, getDetector('en/cold-phrase')!];
const pack = (over: Partial<PolicyPack> & { id: string }): PolicyPack => ({ schemaVersion: 1, name: over.id, version: '1.0.0', ...over });
const agent = (over: Partial<AgentSettings> = {}): AgentSettings => ({ ...DEFAULT_AGENT_SETTINGS, rules: {}, phrases: [], sites: {}, ...over });
const policyOf = (...extra: SourcedPack[]) => resolvePolicy([...builtinSourced(), ...extra]);
const apply = (policy: ReturnType<typeof policyOf>, a: AgentSettings) => applyAgentSettings(policy, a, { detectors });

describe('applyAgentSettings', () => {
  it('uses the agent’s choices when nothing is locked', () => {
    const e = apply(
      policyOf(),
      agent({
        market: 'us',
        uiLang: 'ja',
        agentName: 'Sato',
        sendGuardOff: true,
        rules: { 'ja/missing-apology': { level: 'block' }, 'en/cold-phrase': { enabled: false } },
      }),
    );
    expect(e).toMatchObject({ market: 'us', uiLang: 'ja', agentName: 'Sato', sendGuard: 'off', ignored: [] });
    expect(e.locks.size).toBe(0);
    expect(e.policy.markets.get('jp')!.rules.get('ja/missing-apology')).toEqual({ level: 'block', packId: 'agent', source: 'file' });
    expect(e.policy.markets.get('us')!.rules.get('en/cold-phrase')!.level).toBe('off');
    // A rule is tuned only where it runs: the Japanese apology rule does not start running for US customers.
    expect(e.policy.markets.get('us')!.rules.has('ja/missing-apology')).toBe(false);
    expect(e.rules).toEqual([
      { ruleId: 'ja/missing-apology', levels: { jp: 'block', us: 'off' }, setBy: 'agent' },
      { ruleId: 'en/cold-phrase', levels: { jp: 'off', us: 'off' }, setBy: 'agent' },
    ]);
  });

  it('defaults the market to the policy’s default, then auto', () => {
    expect(apply(policyOf(), agent()).market).toBe('auto');
    expect(apply(policyOf({ pack: pack({ id: 'acme/p', defaultMarket: 'jp' }), source: 'url' }), agent()).market).toBe('jp');
    const unknown = apply(policyOf(), agent({ market: 'br' }));
    expect(unknown.market).toBe('auto');
    expect(unknown.ignored).toEqual([{ path: 'market', message: 'market "br" is not defined by any active pack' }]);
  });

  it('keeps every locked setting at the policy’s value and says who locked it', () => {
    const policy = policyOf({
      pack: pack({ id: 'acme/policy', name: 'Acme support policy', defaultMarket: 'jp', sendGuard: 'block', locked: ['market', 'sendGuard', 'uiLang', 'agentName', 'rules.ja/missing-apology'], rules: { 'ja/missing-apology': 'block' } }),
      source: 'managed',
    });
    const e = apply(policy, agent({ market: 'us', uiLang: 'en', agentName: 'Sato', sendGuardOff: true, rules: { 'ja/missing-apology': { enabled: false }, 'en/cold-phrase': { level: 'info' } } }));
    expect(e).toMatchObject({ market: 'jp', uiLang: 'auto', agentName: '', sendGuard: 'block' });
    const lock = { packId: 'acme/policy', packName: 'Acme support policy', source: 'managed' };
    expect(Object.fromEntries(e.locks)).toEqual({
      market: { key: 'market', ...lock },
      sendGuard: { key: 'sendGuard', ...lock },
      uiLang: { key: 'uiLang', ...lock },
      agentName: { key: 'agentName', ...lock },
      'rules.ja/missing-apology': { key: 'rules.ja/missing-apology', ...lock },
    });
    expect(e.ignored.map((i) => i.path)).toEqual(['market', 'uiLang', 'agentName', 'sendGuardOff', 'rules.ja/missing-apology']);
    expect(e.ignored[0]!.message).toBe('locked by Acme support policy (acme/policy, managed)');
    expect(e.policy.markets.get('jp')!.rules.get('ja/missing-apology')).toMatchObject({ level: 'block', packId: 'acme/policy' });
    expect(e.policy.markets.get('us')!.rules.get('en/cold-phrase')!.level).toBe('info');
    expect(e.rules[0]).toMatchObject({ ruleId: 'ja/missing-apology', setBy: 'policy', packId: 'acme/policy', source: 'managed', lock: { key: 'rules.ja/missing-apology' } });
  });

  it('locks every rule with rules.*', () => {
    const policy = policyOf({ pack: pack({ id: 'acme/all', locked: ['rules.*'] }), source: 'url' });
    const e = apply(policy, agent({ rules: { 'en/cold-phrase': { enabled: false } } }));
    expect(e.policy.markets.get('us')!.rules.get('en/cold-phrase')!.level).toBe('warn');
    expect(e.locks.get('rules.en/cold-phrase')).toEqual({ key: 'rules.*', packId: 'acme/all', packName: 'acme/all', source: 'url' });
    expect(lockFor(policy, 'market')).toBeUndefined();
  });

  it('names the stronger lock when a rule is locked both by id and by rules.*', () => {
    const policy = policyOf(
      { pack: pack({ id: 'me/file', locked: ['rules.*'] }), source: 'file' },
      { pack: pack({ id: 'acme/policy', locked: ['rules.en/cold-phrase'] }), source: 'managed' },
    );
    expect(lockFor(policy, 'rules.en/cold-phrase')).toMatchObject({ key: 'rules.en/cold-phrase', source: 'managed' });
    expect(lockFor(policy, 'rules.ja/missing-apology')).toMatchObject({ key: 'rules.*', source: 'file' });
  });

  it('cannot undo a lock from a stronger source through a weaker pack or the agent', () => {
    const managed = managedPolicyPack({ packs: [], packUrls: [], lockedMarket: 'jp', sendGuard: 'block', disabledRules: ['en/cold-phrase'] }, new Set(['en/cold-phrase'])).pack!;
    const weaker = pack({ id: 'team/relaxed', defaultMarket: 'us', sendGuard: 'off', rules: { 'en/cold-phrase': 'warn' }, locked: ['market', 'sendGuard'] });
    const policy = policyOf({ pack: managed, source: 'managed' }, { pack: weaker, source: 'url' });
    const e = apply(policy, agent({ market: 'us', sendGuardOff: true, rules: { 'en/cold-phrase': { enabled: true, level: 'warn' } } }));
    expect(e.market).toBe('jp');
    expect(e.sendGuard).toBe('block');
    expect(e.policy.markets.get('us')!.rules.get('en/cold-phrase')!.level).toBe('off');
    expect(e.locks.get('market')).toMatchObject({ packId: 'enterprise/policy', source: 'managed' });
    expect(e.locks.get('sendGuard')).toMatchObject({ packId: 'enterprise/policy', source: 'managed' });
    expect(e.locks.get('rules.en/cold-phrase')).toMatchObject({ packId: 'enterprise/policy', source: 'managed' });
  });

  it('lets the agent turn back on a rule a pack turned off without locking it', () => {
    const policy = policyOf({ pack: pack({ id: 'team/p', rules: { 'ja/missing-apology': 'off' } }), source: 'url' });
    const e = apply(policy, agent({ rules: { 'ja/missing-apology': { enabled: true } } }));
    expect(e.policy.markets.get('jp')!.rules.get('ja/missing-apology')!.level).toBe('warn');
  });

  it('reports overrides of rules this version does not have', () => {
    const e = apply(policyOf(), agent({ rules: { 'ja/retired-rule': { enabled: false } } }));
    expect(e.ignored).toEqual([{ path: 'rules.ja/retired-rule', message: 'no such rule in this version of Tonebridge' }]);
  });

  it('adds personal phrases to every market without touching the input policy', () => {
    const policy = policyOf();
    const e = apply(policy, agent({ phrases: [{ phrase: 'ASAP', replacement: 'as soon as we can' }, { phrase: '了解しました', lang: 'ja' }] }));
    expect(e.phrases).toMatchObject([
      { id: 'personal:0', type: 'substitute', phrases: ['ASAP'], replacement: 'as soon as we can', level: 'info' },
      { id: 'personal:1', type: 'forbid', phrases: ['了解しました'], lang: 'ja' },
    ]);
    expect(e.policy.markets.get('us')!.phrases.map((p) => p.id)).toEqual(['personal:0', 'personal:1']);
    expect(policy.markets.get('us')!.phrases).toEqual([]);
    expect(e.phrases[1]!.message.ja).toBe('個人リストの表現です：「了解しました」');
  });

  it('gives the UI a plain JSON view with locks and markets', () => {
    const policy = policyOf({ pack: pack({ id: 'acme/p', name: 'Acme', locked: ['market'], defaultMarket: 'us' }), source: 'url' });
    const view = effectiveSettingsView(apply(policy, agent({ market: 'jp' })));
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    expect(view).toMatchObject({
      market: 'us',
      locks: { market: { key: 'market', packId: 'acme/p', packName: 'Acme', source: 'url' } },
      ignored: [{ path: 'market', message: 'locked by Acme (acme/p, url)' }],
      markets: [
        { id: 'jp', name: { en: 'Japan', ja: '日本' } },
        { id: 'us', name: { en: 'United States', ja: '米国' } },
      ],
    });
  });

  it('an admin keeps coaching on: a pack locking `enabled` and `sites` overrides the agent’s off switches, with the reason (issue 14.4)', () => {
    const policy = policyOf({ pack: pack({ id: 'acme/on', name: 'Acme always on', locked: ['enabled', 'sites'] }), source: 'managed' });
    const e = apply(policy, agent({ enabled: false, sites: { 'mail.google.com': false, 'acme.zendesk.com': true } }));
    expect(e.enabled).toBe(true);
    expect(e.sites).toEqual({});
    expect(isEnabledFor(e, 'mail.google.com')).toBe(true);
    expect(e.locks.get('enabled')).toEqual({ key: 'enabled', packId: 'acme/on', packName: 'Acme always on', source: 'managed' });
    expect(e.locks.get('sites')).toEqual({ key: 'sites', packId: 'acme/on', packName: 'Acme always on', source: 'managed' });
    expect(e.ignored).toEqual([
      { path: 'enabled', message: 'locked by Acme always on (acme/on, managed)' },
      { path: 'sites.mail.google.com', message: 'locked by Acme always on (acme/on, managed)' },
      { path: 'sites.acme.zendesk.com', message: 'locked by Acme always on (acme/on, managed)' },
    ]);
    expect(effectiveSettingsView(e).locks).toMatchObject({ enabled: { packId: 'acme/on' }, sites: { packId: 'acme/on' } });
  });

  it('each lock holds alone: `enabled` keeps the global switch on but not the sites; `sites` the reverse', () => {
    const onlyEnabled = apply(policyOf({ pack: pack({ id: 'a/e', locked: ['enabled'] }), source: 'url' }), agent({ enabled: false, sites: { 'mail.google.com': false } }));
    expect(onlyEnabled.enabled).toBe(true);
    expect(isEnabledFor(onlyEnabled, 'mail.google.com')).toBe(false);
    expect(isEnabledFor(onlyEnabled, 'acme.zendesk.com')).toBe(true);
    const onlySites = apply(policyOf({ pack: pack({ id: 'a/s', locked: ['sites'] }), source: 'url' }), agent({ enabled: false, sites: { 'mail.google.com': false } }));
    expect(onlySites.enabled).toBe(false);
    expect(onlySites.sites).toEqual({});
    // Agent's stored values that agree with the locked value are not reported.
    expect(apply(policyOf({ pack: pack({ id: 'a/e', locked: ['enabled'] }), source: 'url' }), agent()).ignored).toEqual([]);
  });

  it('switches coaching per site', () => {
    const e = apply(policyOf(), agent({ sites: { 'mail.google.com': false } }));
    expect(isEnabledFor(e, 'mail.google.com')).toBe(false);
    expect(isEnabledFor(e, 'acme.zendesk.com')).toBe(true);
    expect(isEnabledFor({ ...e, enabled: false }, 'acme.zendesk.com')).toBe(false);
  });
});

describe('sanitizeAgentSettings', () => {
  it('keeps valid settings', () => {
    const input = {
      market: 'jp',
      uiLang: 'ja',
      agentName: ' Sato Hanako ',
      rules: { 'ja/missing-apology': { enabled: true, level: 'block' } },
      phrases: [{ phrase: 'ASAP', replacement: 'soon', lang: 'en' }],
      sendGuardOff: true,
      enabled: false,
      sites: { 'Mail.Google.com': false },
    };
    expect(sanitizeAgentSettings(input)).toEqual({
      settings: { ...input, agentName: 'Sato Hanako', sites: { 'mail.google.com': false } },
      issues: [],
    });
  });

  it('falls back to defaults for missing settings', () => {
    expect(sanitizeAgentSettings(undefined)).toEqual({ settings: { ...DEFAULT_AGENT_SETTINGS }, issues: [] });
    expect(sanitizeAgentSettings('x').issues).toEqual([{ path: '', message: 'expected an object' }]);
  });

  it('drops each malformed field with its path, keeping the rest', () => {
    const { settings, issues } = sanitizeAgentSettings({
      market: 'Japan!',
      uiLang: 'fr',
      agentName: 'a\nb',
      sendGuardOff: 'yes',
      rules: { 'ja/missing-apology': { level: 'off' }, 'BAD ID': {}, 'en/cold-phrase': { enabled: false } },
      phrases: [{ phrase: '   ' }, { phrase: 'ok', lang: 'fr' }, { phrase: 'fine' }, 'x'],
      sites: { 'not a host': true, 'example.com': 'on', 'zendesk.com': true },
      extra: 1,
    });
    expect(issues.map((i) => i.path)).toEqual([
      'market',
      'uiLang',
      'agentName',
      'sendGuardOff',
      'rules.ja/missing-apology.level',
      'rules.BAD ID',
      'phrases[0].phrase',
      'phrases[1].lang',
      'phrases[3]',
      'sites.not a host',
      'sites.example.com',
    ]);
    expect(settings).toEqual({
      ...DEFAULT_AGENT_SETTINGS,
      rules: { 'ja/missing-apology': {}, 'en/cold-phrase': { enabled: false } },
      phrases: [{ phrase: 'fine' }],
      sites: { 'zendesk.com': true },
    });
  });

  it('bounds list sizes', () => {
    const { settings, issues } = sanitizeAgentSettings({ phrases: Array.from({ length: 150 }, (_, i) => ({ phrase: `p${i}` })) });
    expect(settings.phrases).toHaveLength(100);
    expect(issues).toEqual([{ path: 'phrases', message: 'has 150 entries; the limit is 100' }]);
  });
});
