/**
 * en/refusal-without-alternative — "We are unable to expedite orders", "Refunds cannot be issued …",
 * "Your claim has been rejected": a refusal that stops there leaves a US customer with nothing. A
 * senior lead expects what you can do instead ("… but here's what I can do: …", "Instead, I've added a
 * credit", "You can …"). Read from the case reading: a refusal (a remedy negated with a modal of ability,
 * or a ruling in the passive) with no alternative offered with or after it. A negated remedy is not a
 * remedy, so "cannot be refunded" never counts as the alternative. No one-click fix: only the agent knows
 * what the alternative is.
 */
import { defineDetector } from '../../detector';
import { isEnglishReply } from '../../reply/en';
import { NO_OPTIONS } from '../../options';

export default defineDetector({
  meta: {
    id: 'en/refusal-without-alternative',
    kind: 'remedy',
    languages: ['en'],
    markets: ['us'],
    defaultLevel: 'warn',
    fixable: false,
    holdsSend: false,
    schema: NO_OPTIONS,
    description: {
      en: 'A refusal with no alternative offered: say what you can do instead.',
      ja: '代替案のないお断りを指摘します。代わりにできることを伝えましょう。',
    },
    messages: {
      refusal: {
        en: '“{text}” refuses with no alternative; add what you can do instead (“Here’s what I can do: …”).',
        ja: '「{text}」は代替案のないお断りです。代わりにできること（Here’s what I can do: …）を加えましょう。',
      },
      reason: {
        en: 'US customers accept a “no” far better when it comes with a way forward; a bare refusal reads as the end of the conversation.',
        ja: '米国のお客様は、次の手段が添えられていれば「できません」を受け入れやすくなります。代替案のないお断りは、会話の打ち切りと受け取られます。',
      },
    },
  },
  detect({ doc, reading }) {
    if (!reading.refusal || reading.alternative || !isEnglishReply(doc)) return [];
    const { start, end } = reading.refusal;
    return [{ start, end, message: 'refusal', data: { text: doc.text.slice(start, end) } }];
  },
});
