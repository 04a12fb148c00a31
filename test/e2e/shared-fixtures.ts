/**
 * Drafts and packs the browser tests share, so Chromium's tests and Firefox's test the very same thing
 * (test/e2e/*.e2e.ts and test/e2e/firefox/*.firefox.e2e.ts).
 */

/** An open problem with no empathy ("No empathy" in the US market); a resolved case asks for none. */
export const NEEDS_EMPATHY = 'Hi Jane, your order is late. It will ship on Friday.';

/** A US reply with nothing to flag. */
export const CLEAN_US_REPLY =
  "Hi Jane, I'm sorry this happened — I know how frustrating that must be. I have issued your refund today; you will see it on your card within 3 business days. Best regards, Sam";

/** An imported pack that turns the pre-send check on (warn). */
export const WARN_PACK = { schemaVersion: 1, id: 'team/send-check', name: 'Team send check', version: '1.0.0', sendGuard: 'warn' };

/** The admin's pack pushed by enterprise policy: a phrase rule and a locked default market. */
export const ADMIN_PACK = {
  schemaVersion: 1,
  id: 'acme/support-policy',
  name: 'Acme Support Policy',
  version: '3.1.0',
  owner: 'Support Operations',
  defaultMarket: 'us',
  locked: ['market'],
  phrases: [
    {
      id: 'acme/no-asap',
      type: 'forbid',
      phrases: ['ASAP'],
      kind: 'commitment',
      message: { en: 'Give the customer a time, not "ASAP".', ja: '「ASAP」ではなく具体的な時期を伝えます。' },
      examples: { match: ['We will fix it ASAP.'], noMatch: ['We will fix it by Friday.'] },
    },
  ],
};
