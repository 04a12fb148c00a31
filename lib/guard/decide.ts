/**
 * The pre-send decision, pure: the open findings of the FINAL text × the guard mode (from the policy)
 * × the finding levels × what the agent dismissed → allow | ask | block, with what is missing for this
 * market in short labels ("No apology", "2 plain-form endings").
 *
 * - `off`: always allow.
 * - `warn`: send-critical findings at `warn` or `block` level ask the agent (Review / Send anyway),
 *   unless the agent said "don't ask again" for this message; `info` findings never stop a send.
 * - `block` (an admin's pack): `block`-level findings must be fixed or dismissed with a typed reason —
 *   "don't ask again" does not apply to them; `warn`-level findings ask as in `warn` mode.
 *
 * Send-critical is data: each rule's `meta.holdsSend` (lib/engine/detector.ts), carried on the finding.
 * A `warn` finding of a tip rule (a closing, an owner, a commitment …) stays an underline and lets Send
 * through; a pack that raises a rule to `block` makes its findings hold in any mode.
 */
import type { FindingKind, Level, UiLang } from '../engine/types';
import type { SendGuard } from '../policy/types';

/** One open (not dismissed) finding of the final text, as the guard sees it. */
export interface GuardFinding {
  /** The session's key for the finding (dismissal, focusing its card). */
  key: string;
  ruleId: string;
  kind: FindingKind;
  level: Exclude<Level, 'off'>;
  /** The finding's message, rendered in the UI language (the label of last resort). */
  message: string;
  /** Whether a `warn` finding holds the send (its rule's `meta.holdsSend`); absent: it does. */
  holdsSend?: boolean;
}

/** A finding stops a send when it is `block`-level, or `warn`-level from a send-critical rule. */
function holds(f: GuardFinding): boolean {
  return f.level === 'block' || (f.level === 'warn' && f.holdsSend !== false);
}

/** Who set the guard mode: the pack and where it came from. */
export interface GuardSetBy {
  packId: string;
  packName?: string;
  source: string;
}

export interface GuardInput {
  mode: SendGuard;
  findings: readonly GuardFinding[];
  /** "Don't ask again for this message" (warn-level findings only). */
  skipAsk?: boolean;
}

/** One line of the dialog: a label for a group of findings, and the findings behind it. */
export interface MissingItem {
  label: string;
  level: Exclude<Level, 'off'>;
  keys: string[];
}

export type GuardDecision =
  | { action: 'allow' }
  | {
      action: 'ask' | 'block';
      /** Findings that stop the send until fixed or dismissed with a reason (block mode). */
      blocking: GuardFinding[];
      /** Findings the agent may send anyway. */
      warnings: GuardFinding[];
    };

export function decide(input: GuardInput): GuardDecision {
  if (input.mode === 'off') return { action: 'allow' };
  const blocking = input.mode === 'block' ? input.findings.filter((f) => f.level === 'block') : [];
  const warnings = input.findings.filter((f) => holds(f) && !blocking.includes(f));
  if (blocking.length > 0) return { action: 'block', blocking, warnings };
  if (warnings.length === 0 || input.skipAsk) return { action: 'allow' };
  return { action: 'ask', blocking, warnings };
}

type Label = (n: number) => string;
const plural = (one: string, many: (n: number) => string): Label => (n) => (n === 1 ? one : many(n));

/**
 * Short labels per built-in rule id: what the reply lacks or how often it slips. Rules not listed (a
 * pack's phrase rule) use their own message. The tables are written by the rule's name (the part after
 * `ja/` or `en/`) and looked up in Maps by the full id, so a pack rule named `acme/missing-apology` or
 * `ja/constructor` never picks up a built-in label or anything of `Object.prototype`.
 */
const LABEL_TABLES: Record<UiLang, Record<string, Label>> = {
  en: {
    'missing-apology': () => 'No apology',
    'missing-apology-formal': () => 'No apology',
    'missing-cause': () => 'Cause not explained',
    'missing-commitment': () => 'No time committed',
    'missing-next-step': () => 'No next step',
    'missing-owner': () => 'No named owner',
    'missing-empathy': () => 'No empathy',
    'missing-greeting': () => 'No greeting',
    'missing-closing': () => 'No closing',
    'missing-cushion': plural('No softening phrase', (n) => `${n} refusals without a softening phrase`),
    'plain-ending': plural('1 plain-form ending', (n) => `${n} plain-form endings`),
    'casual-wording': plural('1 casual word', (n) => `${n} casual words`),
    'customer-address': plural('Customer addressed without honorific', (n) => `${n} addresses without honorific`),
    'double-keigo': plural('1 double honorific', (n) => `${n} double honorifics`),
    'keigo-direction': plural('1 honorific in the wrong direction', (n) => `${n} honorifics in the wrong direction`),
    'ra-nuki': plural('1 ra-nuki verb', (n) => `${n} ra-nuki verbs`),
    'chat-register': plural('1 chat-style phrase', (n) => `${n} chat-style phrases`),
    'cold-phrase': plural('1 cold phrase', (n) => `${n} cold phrases`),
    'first-name-familiarity': () => 'Too familiar with the customer’s name',
    hedging: plural('1 hedge', (n) => `${n} hedges`),
    'long-sentence': plural('1 long sentence', (n) => `${n} long sentences`),
    'over-apology': () => 'Too many apologies',
    'passive-ownership': plural('1 passive, ownerless phrase', (n) => `${n} passive, ownerless phrases`),
  },
  ja: {
    'missing-apology': () => 'お詫びがありません',
    'missing-apology-formal': () => 'お詫びがありません',
    'missing-cause': () => '原因の説明がありません',
    'missing-commitment': () => '対応時期の約束がありません',
    'missing-next-step': () => '今後の対応がありません',
    'missing-owner': () => '担当者の名乗りがありません',
    'missing-empathy': () => '共感の言葉がありません',
    'missing-greeting': () => '挨拶がありません',
    'missing-closing': () => '結びの挨拶がありません',
    'missing-cushion': (n) => (n === 1 ? 'クッション言葉がありません' : `クッション言葉のないお断り ${n} 件`),
    'plain-ending': (n) => `常体の文末 ${n} 件`,
    'casual-wording': (n) => `くだけた表現 ${n} 件`,
    'customer-address': (n) => (n === 1 ? 'お客様の敬称がありません' : `敬称のない呼びかけ ${n} 件`),
    'double-keigo': (n) => `二重敬語 ${n} 件`,
    'keigo-direction': (n) => `敬語の向きの誤り ${n} 件`,
    'ra-nuki': (n) => `ら抜き言葉 ${n} 件`,
    'chat-register': (n) => `チャット調の表現 ${n} 件`,
    'cold-phrase': (n) => `冷たい表現 ${n} 件`,
    'first-name-familiarity': () => 'お客様の名前の呼び方がなれなれしい',
    hedging: (n) => `曖昧な表現 ${n} 件`,
    'long-sentence': (n) => `長い文 ${n} 件`,
    'over-apology': () => 'お詫びが多すぎます',
    'passive-ownership': (n) => `主体のない受け身の表現 ${n} 件`,
  },
};

/** The built-in rules' ids that have a short label (the tables name them without their language prefix). */
const LABELLED_IDS = new Set(
  ['ja', 'en'].flatMap((lang) => Object.keys(LABEL_TABLES.en).map((name) => `${lang}/${name}`)),
);

const LABELS: Record<UiLang, ReadonlyMap<string, Label>> = {
  en: labelMap(LABEL_TABLES.en),
  ja: labelMap(LABEL_TABLES.ja),
};

function labelMap(table: Record<string, Label>): Map<string, Label> {
  const map = new Map<string, Label>();
  for (const id of LABELLED_IDS) {
    const name = id.slice(3);
    if (Object.hasOwn(table, name)) map.set(id, table[name]!);
  }
  return map;
}

/** The short label of a built-in rule, if it has one. */
export function ruleLabel(ruleId: string, uiLang: UiLang): Label | undefined {
  return LABELS[uiLang].get(ruleId);
}

/**
 * Groups findings by rule into labelled lines, in the order they first appear; rules sharing a label
 * (the two apology rules) share a line. A group's level is its highest.
 */
export function missingItems(findings: readonly GuardFinding[], uiLang: UiLang): MissingItem[] {
  const groups = new Map<string, GuardFinding[]>();
  for (const f of findings) {
    const list = groups.get(f.ruleId);
    if (list) list.push(f);
    else groups.set(f.ruleId, [f]);
  }
  const byLabel = new Map<string, MissingItem>();
  for (const [ruleId, list] of groups) {
    const label = ruleLabel(ruleId, uiLang);
    const text = label ? label(list.length) : list.length === 1 ? list[0]!.message : `${list[0]!.message} (×${list.length})`;
    const level = list.some((f) => f.level === 'block') ? 'block' : list.some((f) => f.level === 'warn') ? 'warn' : 'info';
    const item = byLabel.get(text);
    if (item) {
      item.keys.push(...list.map((f) => f.key));
      if (level === 'block') item.level = 'block';
    } else byLabel.set(text, { label: text, level, keys: list.map((f) => f.key) });
  }
  return [...byLabel.values()];
}
