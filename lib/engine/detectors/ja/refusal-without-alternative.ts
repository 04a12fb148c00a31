/**
 * ja/refusal-without-alternative — 「返品はできません」「セール品の返金はいたしかねます」 and nothing
 * else: a refusal that stops there leaves the customer with nowhere to go. A Japanese support lead
 * expects a way forward with it (代わりに〜を承ります, 〜からお手続きいただけます, 別の方法のご案内,
 * 〜いただければ〜可能です). Read from the case reading: a refusal (〜かねます, a service negated:
 * お受けできません / 対応しておりません) with no alternative anywhere in the draft. No one-click fix: only
 * the agent knows what the alternative is.
 */
import { defineDetector } from '../../detector';
import { NO_OPTIONS } from '../../options';

export default defineDetector({
  meta: {
    id: 'ja/refusal-without-alternative',
    kind: 'remedy',
    languages: ['ja'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: false,
    holdsSend: false,
    schema: NO_OPTIONS,
    description: {
      en: 'A refusal (いたしかねます, できません) with no alternative offered: say what you can do instead.',
      ja: '代替案のないお断り（いたしかねます・できません）を指摘します。代わりにご案内できることを添えましょう。',
    },
    messages: {
      refusal: {
        en: '“{text}” refuses with nothing offered instead; add what the customer can do (代わりに〜を承ります, 〜からお手続きいただけます).',
        ja: '「{text}」はお断りだけで終わっています。代わりにご案内できること（代わりに〜を承ります、〜からお手続きいただけます など）を添えましょう。',
      },
      reason: {
        en: 'A Japanese customer who is refused expects the company to look for another way (代替案); a bare refusal reads as being turned away.',
        ja: 'お断りする場合でも、日本のお客様は企業が別の方法を探してくれることを期待します。代替案のないお断りは、突き放されたように受け取られます。',
      },
    },
  },
  detect({ doc, reading }) {
    if (!reading.refusal || reading.alternative) return [];
    const { start, end } = reading.refusal;
    return [{ start, end, message: 'refusal', data: { text: doc.text.slice(start, end) } }];
  },
});
