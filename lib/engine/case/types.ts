/**
 * The case reading: ONE analysis of what a reply is about, shared by every coverage detector (apology,
 * cause, commitment, owner, cushion, empathy, next step …) in both languages, so the rules agree with
 * each other and with what a senior support lead would say. It is read from the draft and the
 * customer's last message — Japanese from kuromoji tokens and base forms (every conjugation counts),
 * English from compromise's terms and lemmas — never from a raw substring of a fixed phrase list.
 *
 * Spans are UTF-16 offsets into the draft (the analysed text), like a finding's. A reader per language
 * (`case/ja.ts`, `case/en.ts`) fills a `CaseReading` from its sentences; `case/index.ts` merges them.
 */
import type { Lang } from '../types';

/** Where something is said in the draft. */
export interface CaseSpan {
  start: number;
  end: number;
}

/** What a message (the customer's, or the draft itself) reports. Negation-aware: 問題なく / "no issue" is not a problem. */
export interface Reported {
  /** A failure, delay, error, damage, wrong charge or complaint that actually happened (not negated, not hypothetical). */
  problem: boolean;
  /** A question or a request for information (〜でしょうか, 教えてください, "how do I …?"). */
  question: boolean;
  /** Thanks, praise or a report that all is well (ありがとう, 問題なく使えています, "works now, thanks"). */
  thanks: boolean;
  /** The writer is upset (emotion words, repeated contact, "!!", shouting) about a problem; English reads it for the customer. */
  upset?: boolean;
  /** The writer asks how to do something ("How do I reset …?", "Is there a way to …?"): a how-to question. */
  howTo?: boolean;
  /** English: the customer's question asks us for a remedy ("Can you refund them?"). */
  asksRemedy?: boolean;
  /** The writer owns up to a slip of their own ("I typed my address wrong", サイズを間違えてしまいました). */
  ownSlip?: boolean;
}

/**
 * Where the case stands after this reply.
 * - `resolved`: the remedy is done (発送いたしました, 修正いたしました, "we've refunded"), or the customer says it is.
 * - `scheduled`: the remedy or the next contact is promised with a date or time (19日にお届けする予定です,
 *   "by Friday") — a dated remedy is a commitment.
 * - `open`: a problem is on the table with neither.
 * - `none`: no problem at all (a thank-you, a plain question).
 */
export type CaseState = 'open' | 'resolved' | 'scheduled' | 'none';

/** A promise of what happens next. */
export interface Commitment extends CaseSpan {
  /** A date, time or deadline goes with it (明日12時までに, 24時間以内に, "by 5 pm tomorrow"). */
  dated: boolean;
}

export interface CaseReading {
  /** The language read (the draft's main language), or undefined when the draft has no text we read. */
  lang: Lang | undefined;
  /** The customer's last message, when there is one we can read. */
  customer: Reported | undefined;
  /** What the draft itself says happened (it may admit a problem the customer did not name). */
  draft: Reported;
  /**
   * A problem is on the table: the customer reported one, or the draft admits one — and neither side
   * says it is a thank-you or a plain question only.
   */
  problem: boolean;
  state: CaseState;
  /** The draft's apology: the first sincere one, else the first casual one (`casual: true`: すみません, "sorry about that"). */
  apology: (CaseSpan & { casual?: boolean }) | undefined;
  /** The draft explains what caused it (a clause: 〜ため / 〜ので / 〜により / "because", "due to"), or says it is being investigated. */
  cause: CaseSpan | undefined;
  /** The draft lays the cause at the customer's door ("caused by your network configuration", お客様の操作ミスにより). */
  blame: CaseSpan | undefined;
  /** One named person owns the case (私が / 担当の〇〇より / the agent's name + が; "I'll", "I will personally"). */
  owner: CaseSpan | undefined;
  /** The first promise of what happens next, dated or not. */
  commitment: Commitment | undefined;
  /** The agent refuses something (いたしかねます, お受けできません, "we cannot refund"). */
  refusal: CaseSpan | undefined;
  /** An alternative or a way forward is offered (代わりに, 〜いただけます, "instead, you can"). */
  alternative: CaseSpan | undefined;
  /** The case is handed to someone else ("our engineering team is looking into it"), English. */
  handoff?: CaseSpan;
  /**
   * English: the first remedy or next step the customer can hold — a remedy or instruction not negated,
   * or a promise that is more than news (a concrete action, or any promise with a date). "We'll look
   * into it and get back to you" is none.
   */
  nextStep?: CaseSpan;
  /** Requests that put effort on the customer (ご記入ください, 〜をお願いいたします, "please send"), in order. */
  requests: CaseSpan[];
  /**
   * The next step is the customer’s: the draft asks them to send, return or choose something (a request,
   * 〜いただけますでしょうか, ご返信いただければ; in English, "Bring it by and we'll fix it") — the case waits on
   * them, not on a promise of ours.
   */
  awaitingCustomer?: boolean;
  /**
   * The draft hands the customer a way to settle it now. Japanese: 以下の方法でご利用を再開いただけます,
   * 再設定いただくとすぐにご利用いただけます) and nothing of ours is pending — no check under way, no
   * promise, no refusal. English: "You can unlock it right away: …", with nothing handed off or refused.
   * The case needs no owner or response time from us.
   */
  selfService?: CaseSpan;
  /** Japanese: the draft promises to contact the customer again (ご連絡いたします, お知らせいたします). */
  contactPromised?: boolean;
}

/** A reading of nothing: no problem, no request, nothing promised. */
export function emptyReading(lang: Lang | undefined = undefined): CaseReading {
  return {
    lang,
    customer: undefined,
    draft: { problem: false, question: false, thanks: false },
    problem: false,
    state: 'none',
    apology: undefined,
    cause: undefined,
    blame: undefined,
    owner: undefined,
    commitment: undefined,
    refusal: undefined,
    alternative: undefined,
    requests: [],
  };
}
