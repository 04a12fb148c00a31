/**
 * en/blames-customer — "The disconnections are caused by your network configuration", "Your payment
 * failed because you entered the wrong ZIP code", "You should have checked …": laying the cause at the
 * customer's door reads to a US customer as an accusation, even when it is accurate. Read from the case
 * reading's cause clauses (lib/lang/en/case.ts): a cause word followed by the customer's own doing ("your
 * … configuration", "you entered", "you didn't"), or a direct reproach ("you failed to", "your fault").
 * No one-click fix: the agent rewrites it neutrally ("The disconnections come from a router setting —
 * here's how to change it").
 */
import { defineDetector } from '../../detector';
import { isEnglishReply } from '../../reply/en';
import { NO_OPTIONS } from '../../options';

export default defineDetector({
  meta: {
    id: 'en/blames-customer',
    kind: 'warmth',
    languages: ['en'],
    markets: ['us'],
    defaultLevel: 'warn',
    fixable: false,
    holdsSend: true,
    schema: NO_OPTIONS,
    description: {
      en: 'The reply blames the customer (“caused by your network configuration”, “you should have …”).',
      ja: 'お客様のせいにする表現（caused by your network configuration、you should have … など）を指摘します。',
    },
    messages: {
      blame: {
        en: '“{text}” blames the customer; describe the cause neutrally and what will fix it.',
        ja: '「{text}」はお客様を責めています。原因を中立的に説明し、解決方法を伝えましょう。',
      },
      reason: {
        en: 'Even when the customer’s setup caused it, US customers hear “your fault” as an accusation; a neutral cause and a fix keep them on your side.',
        ja: 'たとえお客様側の設定が原因でも、米国のお客様は「あなたのせい」を非難と受け取ります。中立的な原因の説明と解決策が、信頼を保ちます。',
      },
    },
  },
  detect({ doc, reading }) {
    if (!reading.blame || !isEnglishReply(doc)) return [];
    const { start, end } = reading.blame;
    return [{ start, end, message: 'blame', data: { text: doc.text.slice(start, end) } }];
  },
});
