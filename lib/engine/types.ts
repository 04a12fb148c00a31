/**
 * The engine's vocabulary. Everything here is plain data: it crosses the message boundary between
 * the background and content scripts, and it is what the CLI prints with `--format json`.
 *
 * Offsets are UTF-16 code-unit offsets into the analysed text (what `String.prototype.slice` uses
 * and what DOM ranges use), so a finding maps straight back to the editor.
 */

import type { Coverage } from '../lang/signals';
import type { Lang } from '../lang/types';

/** The languages Tonebridge analyses (defined with the analysers, lib/lang/types.ts). */
export type { Lang } from '../lang/types';
/** What the reply already covers (defined with its phrase lexicons, lib/lang/signals.ts). */
export type { Coverage } from '../lang/signals';

/** A target market: the culture of the customer who will read the reply. Packs may add markets. */
export type Market = string;

/** What the language detector may say about a whole message. */
export type DetectedLang = Lang | 'mixed' | 'unknown';

/** The language the UI speaks (messages, reasons, fix labels). */
export type UiLang = 'en' | 'ja';

/** How loudly a finding speaks. `off` disables a rule; `block` can stop a send when a pack says so. */
export type Level = 'off' | 'info' | 'warn' | 'block';

export const LEVELS: readonly Level[] = ['off', 'info', 'warn', 'block'];

/** Orders levels: off < info < warn < block. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** What a finding is about. Colours in the overlay and groups in the send check follow it. */
export type FindingKind =
  | 'apology'
  | 'cause'
  | 'honorific'
  | 'politeness'
  | 'warmth'
  | 'remedy'
  | 'commitment'
  | 'ownership'
  | 'formality'
  | 'clarity'
  | 'policy';

export const FINDING_KINDS: readonly FindingKind[] = [
  'apology',
  'cause',
  'honorific',
  'politeness',
  'warmth',
  'remedy',
  'commitment',
  'ownership',
  'formality',
  'clarity',
  'policy',
];

/** Values a message may interpolate: `{name}` in a template is replaced by `data.name`. */
export type MessageData = Record<string, string | number>;

/** A message by id with its data, never a hard-coded sentence: the UI speaks English and Japanese. */
export interface MessageRef {
  id: string;
  data?: MessageData;
}

/** One replacement in the analysed text. `start === end` is an insertion. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A one-click fix: a label for the button and the edits it applies, all at once. */
export interface Fix {
  label: MessageRef;
  edits: Edit[];
}

export interface Finding {
  /** The rule that found it, e.g. `ja/missing-apology` or a pack phrase rule `acme/no-slang`. */
  ruleId: string;
  kind: FindingKind;
  level: Exclude<Level, 'off'>;
  /** UTF-16 span in the text; `start === end` marks an insertion point (something missing). */
  start: number;
  end: number;
  message: MessageRef;
  /** Why the target culture cares. */
  reason: MessageRef;
  fixes: Fix[];
  /**
   * Whether it holds the pre-send check at `warn` (its rule's `meta.holdsSend`; a pack's phrase rule
   * always does). A `block`-level finding holds whatever this says. Absent: holds (older answers).
   */
  holdsSend?: boolean;
}

/** Scores in [0, 1]; a score is absent when the text gives nothing to judge it on. */
export interface Scores {
  /** Japanese register: 0 plain (常体) … 1 fully honorific business Japanese; English: formal register. */
  formality?: number;
  /** How polite the wording is (politeness strategies). */
  politeness?: number;
  /** How warm and friendly it reads. */
  warmth?: number;
}

export interface Report {
  lang: DetectedLang;
  market: Market;
  findings: Finding[];
  scores: Scores;
  coverage: Coverage;
  /** Explanations of the scores: which cues moved them (e.g. `en/please` +0.1). */
  cues: ScoreCue[];
  /** Detectors that threw; the rest of the report stands (a broken rule never blocks the agent). */
  errors?: { ruleId: string; message: string }[];
}

export interface ScoreCue {
  score: keyof Scores;
  cue: string;
  weight: number;
  start?: number;
  end?: number;
}

/** What the engine knows beyond the draft itself. */
export interface AnalysisContext {
  market: Market;
  uiLang?: UiLang;
  /** The agent's display name, used in the ownership sentence. */
  agentName?: string;
  /** The customer's name as the host shows it (e.g. "Tanaka Hiroshi", "田中 様", "Jane Doe"). */
  customerName?: string;
  /** The customer's last message in the thread, to tell whether they reported a problem. */
  customerMessage?: string;
  /** Force the language instead of detecting it. */
  lang?: Lang;
}
