/**
 * ja/missing-owner — a reply on an OPEN problem that does not name one person who owns the case.
 * The case reading decides: no owner is asked for on a resolved case, when a date or time is given
 * (a scheduled case), on a thank-you or a question; an owner is 私 / 担当の〇〇 / the agent's name with
 * が / から / より (私からご連絡いたします, 私 佐藤が確認いたします, 担当の鈴木より), 担当いたします,
 * 責任をもって.
 * Japanese customers expect to deal with a single contact for one issue, not to be passed between
 * departments. The fix adds 「本件は引き続き私、{name}が担当いたします。」 before the closing, with the
 * agent's name from the context — or a placeholder (〈担当者名〉) the agent fills, and the message
 * says so. A scheduled case (a dated remedy) needs no owner sentence — unless nobody is named at all
 * (no self-introduction, no personal name under the signature, only 緑川市 道路管理課): then a mild tip
 * (info) says the customer has nobody to come back to.
 */
import data from '../../../../dictionaries/ja/owner.json';
import { insertBeforeClosing, isAddress, isSelfIntroduction, replyShape } from '../../reply/ja';
import { jaSentences, type AnalyzedText } from '../../document';
import { defineDetector, type RawFinding } from '../../detector';
import { NO_OPTIONS } from '../../options';

/** The agent's name as it goes into a Japanese sentence (trimmed, no honorific: one's own name takes none). */
export function ownName(agentName: string | undefined): string | undefined {
  const name = agentName?.replace(/(様|さま|さん)\s*$/u, '').trim();
  return name ? name : undefined;
}

/** A department, team or company line in a signature (緑川市 道路管理課, ミライモバイル カスタマーセンター). */
const ORGANISATION = /[課部係室局店市町村県都府庁]$|センター|窓口|チーム|サポート|デスク|事務局|会社|営業所|支店|TEL|Tel|電話|[@＠〒\d\uff10-\uff19]/u;
/** A personal name line: one or two short words of kanji or kana (佐藤 / 長谷川 拓也). */
const PERSON_LINE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{1,5}(?:[ \u3000][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{1,5})?$/u;

/** A notice to many (お客様各位). */
function isBroadcast(doc: AnalyzedText): boolean {
  return jaSentences(doc).some((x) => x.ja.tokens.some((t) => t.baseForm === '各位'));
}

/** Whether the reply names the person writing it: a self-introduction, the agent's surname, or a name under the signature. */
function namesWriter(doc: AnalyzedText, surname: string | undefined): boolean {
  if (surname && doc.text.includes(surname)) return true;
  // (松井様, the address line, also names a person: the customer.)
  if (doc.sentences.some((x) => isSelfIntroduction(x) && !isAddress(x.text))) return true;
  // No signature typed: the helpdesk may add the agent's own — no grounds to say nobody is named.
  const { signatureStart } = replyShape(doc);
  if (signatureStart < 0) return true;
  return doc.paragraphs.slice(signatureStart).some((p) => {
    const line = p.text.trim();
    return PERSON_LINE.test(line) && !line.split(/[ \u3000]/u).some((w) => ORGANISATION.test(w));
  });
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
      teamOnly: {
        en: 'Signed by a department only: name the person who keeps the case, so the customer has someone to come back to.',
        ja: '部署名だけの署名です。お客様が再度連絡できるよう、本件の担当者名を明記しましょう。',
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
    // A refusal with no further contact promised is the answer: the case closes with it.
    if (reading.owner || reading.selfService || (reading.refusal && !reading.contactPromised)) return [];
    const name = ownName(context.agentName);
    // (…only when the customer will hear from us again — a refund on a date with nothing more to come is
    // settled — and not on a notice to many, お客様各位, which has no one case to own. Checked in that
    // order, so the text is scanned only for a scheduled case.)
    const teamOnly =
      reading.state === 'scheduled' && !!reading.contactPromised && !isBroadcast(doc) && !namesWriter(doc, name?.split(/\s+/u)[0]);
    if (reading.state !== 'open' && !teamOnly) return [];
    const sentence = data.insert.replace('{name}', name ?? data.placeholder);
    const edit = insertBeforeClosing(doc, sentence);
    return [
      {
        start: edit.start,
        end: edit.start,
        message: teamOnly ? 'teamOnly' : name ? 'missing' : 'missingNoName',
        data: name ? { name } : { placeholder: data.placeholder as string },
        ...(teamOnly ? { mild: true } : {}),
        fixes: [{ label: 'insert', data: { sentence }, edits: [edit] }],
      },
    ];
  },
});
