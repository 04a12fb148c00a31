/**
 * ja/blames-customer — 「お客様の設定ミスが原因です」「お客様の入力ミスにより」: laying the cause at the
 * customer's door. Even when the customer's own step caused it, a Japanese reply states what happened
 * without pointing at them (ご登録の住所に番地の記載がなかったため…) and never reads as a reprimand. Read
 * from the case reading: a cause clause whose subject is the customer (お客様 / 貴社 / ご自身 + の +
 * 操作・設定・入力・ミス …). No one-click fix: the agent rewords what happened.
 */
import { defineDetector } from '../../detector';
import { NO_OPTIONS } from '../../options';

export default defineDetector({
  meta: {
    id: 'ja/blames-customer',
    kind: 'warmth',
    languages: ['ja'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: false,
    holdsSend: true,
    schema: NO_OPTIONS,
    description: {
      en: 'Do not lay the cause at the customer’s door (お客様の設定ミスが原因です); say what happened, neutrally.',
      ja: '原因をお客様のせいにしない（「お客様の設定ミスが原因です」など）。起きたことを中立的に説明します。',
    },
    messages: {
      blame: {
        en: '“{text}” blames the customer; describe what happened without pointing at them (e.g. ご登録の設定が〜となっていたため).',
        ja: '「{text}」はお客様を責める表現です。お客様を主語にせず、起きたことを説明しましょう（例: ご登録の設定が〜となっていたため）。',
      },
      reason: {
        en: 'In Japanese service culture the company absorbs the blame; telling customers it was their fault, however true, costs the relationship.',
        ja: '日本の接客では、原因がどこにあっても企業側が受け止めるのが基本です。お客様のせいだと伝えると、事実であっても信頼関係を損ないます。',
      },
    },
  },
  detect({ doc, reading }) {
    if (!reading.blame) return [];
    const { start, end } = reading.blame;
    return [{ start, end, message: 'blame', data: { text: doc.text.slice(start, end) } }];
  },
});
