/**
 * What `tonebridge check` prints with `--format json`, and what the CI formats (./annotations.ts) are
 * made from: a report whose messages are rendered in the UI language, with lines and columns.
 */
import type { Finding, Report } from '../engine/types';

/** A finding with its messages rendered in the UI language: what `--format json` prints. */
export interface RenderedFinding {
  ruleId: string;
  kind: Finding['kind'];
  level: Finding['level'];
  start: number;
  end: number;
  line: number;
  column: number;
  messageId: string;
  message: string;
  reason: string;
  fixes: { label: string; edits: { start: number; end: number; text: string }[] }[];
}

export interface RenderedReport extends Omit<Report, 'findings'> {
  findings: RenderedFinding[];
}
