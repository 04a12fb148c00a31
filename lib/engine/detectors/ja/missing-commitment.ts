/**
 * ja/missing-commitment — an open problem with no promise of when the customer will hear back. Most
 * Japanese customers will not wait more than a day: the reply should say when the next contact comes
 * (「24時間以内に改めてご連絡いたします」).
 *
 * - No promise at all → the fix inserts one before the closing.
 * - A promise without a time (後ほどご連絡いたします, 改めてご報告いたします) → the fix puts the time
 *   in (24時間以内にご連絡いたします). A remedy promised without a date (全額返金いたします) is only a
 *   tip: the answer is in the reply; when it lands is worth adding.
 * The case reading decides: only an OPEN case needs a promise — not a resolved one (発送いたしました,
 * 修正いたしました, or the customer says it works now), not a scheduled one (a promise or a remedy with a
 * date or time: 19日にお届けする予定です, 明日12時までにご連絡いたします), not a thank-you or a question.
 * The phrase lists only place the fix (where the time goes in a vague promise).
 */
import data from '../../../../dictionaries/ja/commitment.json';
import { insertAfterSentence, insertBeforeClosing } from '../../reply/ja';
import { defineDetector, type RawFinding } from '../../detector';
import { ruleOptions, wholeNumberOption } from '../../options';
import { jaSentences } from '../../document';
import { PhraseSet } from '../../../lang/phrases';

const promises = new PhraseSet(data.promises);
const replaceable = new PhraseSet(data.vague.replace);
const keepable = new PhraseSet(data.vague.keep);
const onEvent = new PhraseSet(data.vague.onEvent);

function hoursOf(options: Record<string, unknown>): number {
  const h = options.withinHours;
  return typeof h === 'number' && Number.isFinite(h) && h > 0 && h <= 168 ? Math.round(h) : 24;
}

export default defineDetector({
  meta: {
    id: 'ja/missing-commitment',
    kind: 'commitment',
    languages: ['ja'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: true,
    holdsSend: false,
    options: { withinHours: 24 },
    schema: ruleOptions({
      withinHours: wholeNumberOption(1, 168, 'Hours within which the inserted promise says the customer will hear back (default 24).'),
    }),
    description: {
      en: 'An open problem needs a promise of the next contact with a time (「24時間以内に改めてご連絡いたします」).',
      ja: '未解決の問題には、次のご連絡の時期を約束する一文（「24時間以内に改めてご連絡いたします」）が必要です。',
    },
    messages: {
      missing: {
        en: 'The problem is still open and the customer is not told when they will hear back; promise a time (within {hours} hours).',
        ja: '問題が未解決のままで、次にいつ連絡が来るのかが書かれていません。時期（{hours}時間以内など）を約束しましょう。',
      },
      vague: {
        en: '“{promise}” has no time; say when (within {hours} hours).',
        ja: '「{promise}」には時期がありません。いつまでに連絡するのか（{hours}時間以内など）を明記しましょう。',
      },
      insert: { en: 'Promise contact within {hours} hours', ja: '{hours}時間以内のご連絡を約束する' },
      reason: {
        en: 'Most Japanese customers will not tolerate waiting more than 24 hours for an answer; a concrete time shows the company takes the case seriously, and keeping it builds the trust a Japanese customer relationship runs on.',
        ja: '日本のお客様の多くは、回答まで24時間以上待たされることを許容しません。具体的な時期を示すことで真剣に対応していることが伝わり、それを守ることが信頼関係につながります。',
      },
    },
  },
  detect({ doc, reading, options }) {
    // Open and waiting on us: a case waiting on the customer's answer (ご返送いただけますでしょうか) needs no promise.
    // …and so does one the draft hands to the customer to settle now (以下の方法でご利用を再開いただけます).
    // A refusal is the answer (ja/refusal-without-alternative judges what it offers): no later contact is owed.
    if (reading.state !== 'open' || reading.awaitingCustomer || reading.selfService || reading.refusal) return [];
    const sentences = jaSentences(doc);
    const hours = hoursOf(options);
    const time = data.insertTime.replace('{hours}', String(hours));
    const findings: RawFinding[] = [];
    const commitment = reading.commitment;
    for (const s of commitment ? sentences : []) {
      if (commitment!.start < s.start || commitment!.start >= s.end) continue;
      // Where the time goes: the promise phrase of the sentence, else the promised verb the reading found.
      const promise = promises.findAll(s.text)[0] ?? {
        phrase: s.text.slice(commitment!.start - s.start, commitment!.end - s.start),
        start: commitment!.start - s.start,
        end: commitment!.end - s.start,
      };
      const before = s.text.slice(0, promise.start);
      // 判明し次第ご連絡いたします: keep the promise, add a progress report within the time.
      const event = onEvent.findAll(before).pop();
      if (event) {
        const from = s.text.lastIndexOf('、', event.start) + 1;
        findings.push({
          start: s.start + from,
          end: s.start + promise.end,
          message: 'vague',
          data: { promise: s.text.slice(from, promise.end), hours },
          fixes: [{ label: 'insert', data: { hours }, edits: [insertAfterSentence(doc, s, data.progressInsert.replace('{hours}', String(hours)))] }],
        });
        continue;
      }
      // Put the time in: replace 後ほど (kept 改めて may follow it), or go before 改めて / the promise.
      const replace = replaceable.findAll(before).pop();
      const keep = keepable.findAll(before).pop();
      const keepNext = !!keep && before.slice(keep.end).trim() === '';
      const rest = (from: number) => (keepNext && keep!.start >= from ? before.slice(from, keep!.start) : before.slice(from)).trim();
      const replaceNext = !!replace && rest(replace.end) === '';
      const from = replaceNext ? replace!.start : keepNext ? keep!.start : promise.start;
      const edit = replaceNext
        ? { start: s.start + replace!.start, end: s.start + replace!.end, text: time }
        : { start: s.start + from, end: s.start + from, text: time };
      // 全額返金いたします: a remedy promised, not a further contact — the answer itself is here; when it
      // lands is worth adding, so only a tip.
      const remedyOnly = !promises.test(s.text) && !replace && !keep;
      findings.push({
        ...(remedyOnly ? { mild: true } : {}),
        start: s.start + from,
        end: s.start + promise.end,
        message: 'vague',
        data: { promise: s.text.slice(from, promise.end), hours },
        fixes: [{ label: 'insert', data: { hours }, edits: [edit] }],
      });
    }
    if (commitment) return findings;
    const edit = insertBeforeClosing(doc, data.insert.replace('{hours}', String(hours)));
    return [{ start: edit.start, end: edit.start, message: 'missing', data: { hours }, fixes: [{ label: 'insert', data: { hours }, edits: [edit] }] }];
  },
});
