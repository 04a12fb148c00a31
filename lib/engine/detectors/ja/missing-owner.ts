/**
 * ja/missing-owner — a reply on an OPEN problem that does not name one person who owns the case.
 * The case reading decides: no owner is asked for on a resolved case, when a date or time is given
 * (a scheduled case), on a thank-you or a question; an owner is 私 / 担当の〇〇 / the agent's name with
 * が / から / より (私からご連絡いたします, 私 佐藤が確認いたします, 担当の鈴木より), 担当いたします,
 * 責任をもって.
 * Japanese customers expect to deal with a single contact for one issue, not to be passed between
 * departments. The fix adds 「本件は引き続き私、{name}が担当いたします。」 before the closing, with the
 * agent's name from the context — or a placeholder (〈担当者名〉) the agent fills, and the message
 * says so.
 */
import data from '../../../../dictionaries/ja/owner.json';
import { insertBeforeClosing } from '../../reply/ja';
import { defineDetector, type RawFinding } from '../../detector';
import { NO_OPTIONS } from '../../options';

/** The agent's name as it goes into a Japanese sentence (trimmed, no honorific: one's own name takes none). */
export function ownName(agentName: string | undefined): string | undefined {
  const name = agentName?.replace(/(様|さま|さん)\s*$/u, '').trim();
  return name ? name : undefined;
}

export default defineDetector({
  meta: {
    id: 'ja/missing-owner',
    kind: 'ownership',
    languages: ['ja'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: true,
    schema: NO_OPTIONS,
    holdsSend: false,
    description: {
      en: 'Name one person who owns the case (「本件は引き続き私、〈name〉が担当いたします」).',
      ja: '本件を担当する一人の名前を明記します（「本件は引き続き私、〈氏名〉が担当いたします」）。',
    },
    messages: {
      missing: {
        en: 'Nobody owns the case: say that you, {name}, will keep handling it.',
        ja: '本件の担当者が明記されていません。引き続き{name}が担当する旨をお伝えしましょう。',
      },
      missingNoName: {
        en: 'Nobody owns the case: say who will keep handling it. The fix leaves {placeholder} for your name — fill it in, or set your name in the options so it is filled for you.',
        ja: '本件の担当者が明記されていません。修正案では{placeholder}の部分にご自身のお名前を記入してください（オプションでお名前を設定すると自動で入ります）。',
      },
      insert: { en: 'Add “{sentence}”', ja: '「{sentence}」を追加' },
      reason: {
        en: 'In Japan a customer expects one person to own their issue from start to finish; being passed between people or departments, or not knowing who is responsible, erodes trust quickly.',
        ja: '日本のお客様は、一つの問題を最初から最後まで一人の担当者が受け持つことを期待します。たらい回しにされたり、誰が責任者か分からなかったりすると、信頼はすぐに損なわれます。',
      },
    },
  },
  detect({ doc, reading, context }): RawFinding[] {
    // A case handed to the customer to settle now (再設定いただくとすぐにご利用いただけます) needs no owner.
    if (reading.state !== 'open' || reading.owner || reading.selfService) return [];
    const name = ownName(context.agentName);
    const sentence = data.insert.replace('{name}', name ?? data.placeholder);
    const edit = insertBeforeClosing(doc, sentence);
    return [
      {
        start: edit.start,
        end: edit.start,
        message: name ? 'missing' : 'missingNoName',
        data: name ? { name } : { placeholder: data.placeholder as string },
        fixes: [{ label: 'insert', data: { sentence }, edits: [edit] }],
      },
    ];
  },
});
