/**
 * The Japanese case reading: the draft's and the customer's Japanese sentences read token by token
 * (lib/lang/ja/case.ts), assembled into one `CaseReading`. See types.ts for what each field means.
 *
 * - problem: the customer reported a failure (not negated: 問題なく使えています is none; not fixed:
 *   エラーは出なくなりました is over), or the draft admits one. A customer who only thanks, or only asks,
 *   has no problem to apologise for — unless the draft admits one that is still going on.
 * - state: resolved when the draft reports a remedy done (発送いたしました) or the customer says it is
 *   fixed; scheduled when a promise comes with a date or time (19日にお届けする予定です); else open
 *   when there is a problem, none when there is not.
 */
import { isListItem } from '../../lang/text';
import { readJaSentence, type Hit, type JaSentenceCase, type Role } from '../../lang/ja/case';
import type { AnalyzedText, JaSentenceEntry } from '../document';
import { jaSentences } from '../document';
import type { AnalysisContext } from '../types';
import { SentenceMemo } from './memo';
import type { CaseReading, CaseSpan, Reported } from './types';

interface Read {
  s: JaSentenceEntry;
  r: JaSentenceCase;
}

/** The agent's surname as it appears in Japanese text (the first word of 佐藤 花子; one's own name takes no 様). */
export function agentSurname(agentName: string | undefined): string | undefined {
  const name = agentName?.replace(/(様|さま|さん)\s*$/u, '').trim();
  if (!name) return undefined;
  return name.split(/\s+/u)[0];
}

/** A how-to step that walks the screens: a path (「設定」→「アカウント」) or a named control (「保存」ボタン). */
const UI_STEP = /[→＞]|」(?:ボタン|タブ|欄|画面|メニュー|アイコン|リンク)/u;

const memo = new SentenceMemo<JaSentenceEntry['ja'], JaSentenceCase>();

function readAll(doc: AnalyzedText, surname: string | undefined, role: Role): Read[] {
  return jaSentences(doc).map((s) => ({
    s,
    r: memo.get(s.ja, `${role}\u0000${surname ?? ''}`, () =>
      readJaSentence(s.ja.tokens, { question: s.ja.ending.question, agentSurname: surname, role }),
    ),
  }));
}

function span(read: Read, hit: Hit | undefined): CaseSpan | undefined {
  return hit ? { start: read.s.start + hit.start, end: read.s.start + hit.end } : undefined;
}

function first(reads: readonly Read[], pick: (r: JaSentenceCase) => Hit | undefined): CaseSpan | undefined {
  for (const read of reads) {
    const hit = pick(read.r);
    if (hit) return span(read, hit);
  }
  return undefined;
}

function reported(reads: readonly Read[]): Reported & { fixed: boolean; ongoing: boolean } {
  // 安定しました。3日間使えず困りました。: once the message says it works now, a trouble told in the past is over.
  const fixedAny = reads.some((x) => x.r.fixed || x.r.allWell);
  // 返却できないトラブルの対応ありがとうございました: a trouble named as what the thanks are for is over
  // (unless it comes after the thanks: 対応ありがとうございますが、まだ直っていません).
  const reports = (r: JaSentenceCase) => !!r.problem && !(r.thanks && r.past && r.problem.start < r.thanks.start);
  return {
    problem: reads.some((x) => reports(x.r)),
    ongoing: reads.some((x) => reports(x.r) && !x.r.fixed && !(fixedAny && x.r.past)),
    question: reads.some((x) => x.r.question),
    thanks: reads.some((x) => x.r.thanks || x.r.allWell),
    fixed: reads.some((x) => x.r.fixed || x.r.allWell),
  };
}

export function readJaCase(doc: AnalyzedText, customer: AnalyzedText | undefined, context: Pick<AnalysisContext, 'agentName'>): CaseReading {
  const surname = agentSurname(context.agentName);
  const draftReads = readAll(doc, surname, 'draft');
  const customerReads = customer ? readAll(customer, undefined, 'customer') : [];
  const draft = reported(draftReads);
  const cust = customerReads.length > 0 ? reported(customerReads) : undefined;

  // The customer owns up to their own slip (住所を書き忘れていました、すみません): nothing of ours to apologise for.
  // Or says so plainly (サイズを間違えてしまいました。交換できますか？).
  const ownFault = customerReads.some((x) => x.r.ownSlip) || (customerReads.some((x) => x.r.ownMistake) && customerReads.some((x) => x.r.apology));
  let problem: boolean;
  if (!cust) problem = draft.problem;
  // Only a failure besides the slip itself: 住所を間違えてしまいました is theirs, 届いた箱が潰れていました ours.
  else if (ownFault) problem = customerReads.some((x) => x.r.problem && !x.r.fixed && !x.r.ownSlip && !x.r.ownMistake);
  // 水漏れの被害に遭われたとのこと、お見舞い申し上げます: the draft meets a misfortune not of our making
  // (an accident, a disaster, an illness) with sympathy — no failure of ours to apologise for or explain.
  else if (draftReads.some((x) => x.r.sympathy) && !draftReads.some((x) => x.r.apology)) problem = false;
  else if (cust.ongoing) problem = true;
  else if (cust.problem && !cust.fixed) problem = true;
  else if (cust.thanks || cust.fixed) problem = false; // a thank-you, or the customer says it works now
  else if (cust.question) problem = draft.ongoing; // a plain question: only a failure the draft admits
  else problem = draft.problem;

  const sincere = first(draftReads, (r) => (r.casualApology ? undefined : r.apology));
  const casual = first(draftReads, (r) => (r.casualApology ? r.apology : undefined));
  const apology = sincere ?? (casual ? { ...casual, casual: true } : undefined);
  // 設定を元に戻し、現在は正常に稼働しております: the draft reports it works again — the trouble is over.
  const remedyDone = first(draftReads, (r) => r.remedyDone) ?? first(draftReads, (r) => r.workingNow);
  let commitment: CaseReading['commitment'];
  for (const read of draftReads) {
    const hit = span(read, read.r.promise);
    if (!hit) continue;
    if (read.r.dated) {
      commitment = { ...hit, dated: true };
      break;
    }
    commitment ??= { ...hit, dated: false };
  }
  const customerSaysFixed = !!cust && cust.fixed && !cust.ongoing;
  // 20分お待たせしてしまい…今後は〜を徹底いたします: a one-off that is over (the customer tells it in the
  // past), answered with an apology and a step against it happening again — nothing is left to follow up.
  const pastOnly = !!cust && !cust.ongoing;
  const settledByPrevention = pastOnly && draftReads.some((x) => x.r.prevention) && !draftReads.some((x) => x.r.investigating || x.r.promisesContact || x.r.refusal);
  const state: CaseReading['state'] =
    remedyDone || customerSaysFixed || (problem && settledByPrevention) ? 'resolved' : commitment?.dated ? 'scheduled' : problem ? 'open' : 'none';

  return {
    lang: 'ja',
    customer: cust ? { problem: cust.ongoing || (cust.problem && !cust.fixed), question: cust.question, thanks: cust.thanks } : undefined,
    draft: { problem: draft.problem, question: draft.question, thanks: draft.thanks },
    problem,
    state,
    apology,
    // The cause clause, or else an account of what went wrong told in the past in a sentence of its own
    // (伝票の入力時に二重に計上されていた / 通信機器に不具合があり、…届いていませんでした) — not the
    // apology's own sentence, which names the trouble to apologise for it.
    cause: first(draftReads, (r) => r.cause) ?? first(draftReads, (r) => (r.problem && r.past && !r.apology && !r.question && !r.remedyDone ? r.problem : undefined)),
    blame: first(draftReads, (r) => r.blame),
    owner: first(draftReads, (r) => r.owner),
    commitment,
    // ご期待に沿えず申し訳ございません to a customer who asked for something, with nothing done or promised: a no.
    refusal: first(draftReads, (r) => r.refusal) ?? (cust?.question && !remedyDone && !commitment ? first(draftReads, (r) => r.regretNo) : undefined),
    alternative: first(draftReads, (r) => r.alternative),
    // A step of a numbered or bulleted how-to (1. 〜を押してください), or one that walks the screens
    // (「設定」→「セキュリティ」を開き、「IdPメタデータ」欄にアップロードしてください), is an instruction, not a
    // request of effort.
    requests: draftReads.flatMap((read) => {
      const hit = span(read, read.r.request);
      return hit && !isListItem(doc.paragraphs[read.s.paragraph]?.text ?? '') && !UI_STEP.test(read.s.text) ? [hit] : [];
    }),
    // Asked only to wait (もう少しお待ちください), the customer has nothing to do: the case waits on us.
    awaitingCustomer: draftReads.some((x) => (x.r.request && !x.r.waitOnly) || x.r.asksCustomer),
    contactPromised: draftReads.some((x) => x.r.promisesContact),
    selfService: draftReads.some((x) => x.r.refusal || x.r.promisesContact || x.r.investigating) ? undefined : first(draftReads, (r) => r.alternative),
  };
}
