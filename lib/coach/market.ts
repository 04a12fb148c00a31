/**
 * Which market a draft is coached for. The agent's setting wins when it names a market; with "Auto",
 * the recipient's country domain (a `.jp` address → `jp`), then the customer's language (a customer
 * who writes Japanese reads Japanese), then the draft's language, then the policy's default market.
 */
import type { DetectedLang } from '../engine/types';
import type { MarketSource } from '../contract/messages';
import type { MarketSetting } from '../contract/settings';
import type { ResolvedPolicy } from '../policy/types';

export interface MarketHints {
  /** Recipient addresses of the draft. */
  recipients?: string[];
  /** Language of the customer's last message, when there is one. */
  customerLang?: DetectedLang;
  /** Language of the draft itself. */
  draftLang?: DetectedLang;
}

/** The country-code top-level domain of an address (`tanaka@example.co.jp` → `jp`). */
export function countryOfAddress(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  const domain = (at >= 0 ? address.slice(at + 1) : address).trim().toLowerCase().replace(/\.$/, '');
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  return /^[a-z]{2}$/.test(tld) ? tld : undefined;
}

/** The first market whose customers usually read `lang` (its first language). */
function marketForLanguage(policy: ResolvedPolicy, lang: DetectedLang | undefined): string | undefined {
  if (lang !== 'ja' && lang !== 'en') return undefined;
  for (const market of policy.markets.values()) if (market.languages[0] === lang) return market.id;
  return undefined;
}

export function fallbackMarket(policy: ResolvedPolicy): string {
  if (policy.defaultMarket && policy.markets.has(policy.defaultMarket)) return policy.defaultMarket;
  if (policy.markets.has('us')) return 'us';
  const first = policy.markets.keys().next();
  if (first.done) throw new Error('the policy defines no market');
  return first.value;
}

export function resolveMarket(
  policy: ResolvedPolicy,
  setting: { value: MarketSetting | undefined; source: 'setting' | 'request' | 'locked' },
  hints: MarketHints,
): { id: string; source: MarketSource } {
  if (setting.value && setting.value !== 'auto' && policy.markets.has(setting.value))
    return { id: setting.value, source: setting.source };
  // A market whose id is the recipient's country code (packs may add more markets this way).
  const countries = new Set((hints.recipients ?? []).map(countryOfAddress).filter((c) => c !== undefined));
  for (const country of countries) if (policy.markets.has(country)) return { id: country, source: 'recipient' };
  const byCustomer = marketForLanguage(policy, hints.customerLang);
  if (byCustomer) return { id: byCustomer, source: 'language' };
  const byDraft = marketForLanguage(policy, hints.draftLang);
  // English is the default language everywhere; only a non-default draft language moves the market.
  if (byDraft && hints.draftLang === 'ja') return { id: byDraft, source: 'language' };
  return { id: fallbackMarket(policy), source: 'default' };
}
