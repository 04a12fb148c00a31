import { describe, expect, it } from 'vitest';
import { countryOfAddress, resolveMarket } from '../../lib/coach/market';
import { builtinSourced } from '../../lib/policy/builtin';
import { resolvePolicy } from '../../lib/policy/resolve';

const policy = resolvePolicy(builtinSourced());
const auto = { value: 'auto', source: 'setting' as const };

describe('countryOfAddress', () => {
  it.each([
    ['tanaka@example.co.jp', 'jp'],
    ['Tanaka@Example.JP', 'jp'],
    ['jane@example.com', undefined],
    ['jane@example.co.uk', 'uk'],
    ['no-at-sign.jp', 'jp'],
    ['weird@', undefined],
  ])('%s → %s', (address, country) => expect(countryOfAddress(address)).toBe(country));
});

describe('resolveMarket', () => {
  it('uses the agent’s setting when it names a market', () => {
    expect(resolveMarket(policy, { value: 'us', source: 'setting' }, { recipients: ['a@b.co.jp'] })).toEqual({
      id: 'us',
      source: 'setting',
    });
  });

  it('treats an unknown market setting as Auto', () => {
    expect(resolveMarket(policy, { value: 'fr', source: 'setting' }, { recipients: ['a@b.co.jp'] }).id).toBe('jp');
  });

  it('Auto: a .jp recipient suggests Japan', () => {
    expect(resolveMarket(policy, auto, { recipients: ['jane@example.com', 'tanaka@example.co.jp'] })).toEqual({
      id: 'jp',
      source: 'recipient',
    });
  });

  it('Auto: a customer writing Japanese suggests Japan', () => {
    expect(resolveMarket(policy, auto, { recipients: ['t@example.com'], customerLang: 'ja' })).toEqual({
      id: 'jp',
      source: 'language',
    });
  });

  it('Auto: a Japanese draft suggests Japan, an English one does not', () => {
    expect(resolveMarket(policy, auto, { draftLang: 'ja' }).id).toBe('jp');
    expect(resolveMarket(policy, auto, { draftLang: 'en' })).toEqual({ id: 'us', source: 'default' });
  });

  it('Auto: an English-speaking customer overrides a Japanese draft only through their language', () => {
    expect(resolveMarket(policy, auto, { customerLang: 'en', draftLang: 'ja' })).toEqual({ id: 'us', source: 'language' });
  });

  it('Auto with no hints falls back to the policy default', () => {
    const withDefault = { ...policy, defaultMarket: 'jp' };
    expect(resolveMarket(withDefault, { value: undefined, source: 'setting' }, {})).toEqual({ id: 'jp', source: 'default' });
  });
});
