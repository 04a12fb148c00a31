/**
 * The reply corpus (`test/corpus/<lang>.json`): realistic support replies, each with the findings a
 * senior reviewer expects and the rules that must stay silent, run through the real engine the way the
 * CLI runs it (`analyze` with the built-in packs and the reply's market). Reported per language:
 *
 * - recall: expected (reply, rule) pairs the engine flagged (at any level), over all expected pairs;
 * - clean share: excellent replies with no `warn` or `block` finding (what the pre-send check reads);
 * - warns per excellent reply: `warn`/`block` findings on excellent replies, averaged;
 * - misses (expected, not flagged) and false alarms (a warn/block finding on an excellent reply, or any
 *   finding of a rule the entry lists as `silent`).
 *
 * The metric code takes an `analyze` function, so it can be tested on a tiny fixture with a fake one.
 */
import { readFileSync } from 'node:fs';
import type { Engine } from '../engine/engine';
import type { Finding, Report } from '../engine/types';

export type CorpusMarket = 'jp' | 'us';
export type CorpusQuality = 'excellent' | 'flawed';

export interface CorpusEntry {
  id: string;
  market: CorpusMarket;
  quality: CorpusQuality;
  /** thank-you, question, resolved, open, refusal, outage, billing, delivery … */
  scenario: string;
  /** The customer's last message. */
  customer?: string;
  agentName?: string;
  customerName?: string;
  reply: string;
  /** Rule ids a senior reviewer expects to be flagged (may be empty). */
  expect: string[];
  /** Rule ids that must not fire. */
  silent?: string[];
  note?: string;
}

export class CorpusError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorpusError';
  }
}

const STRING_KEYS = ['scenario', 'customer', 'agentName', 'customerName', 'reply', 'note'] as const;

function isStringList(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((s) => typeof s === 'string' && s.length > 0);
}

/** Checks a parsed corpus file; throws a CorpusError naming the first bad entry and field. */
export function parseCorpus(data: unknown, source = 'corpus'): CorpusEntry[] {
  if (!Array.isArray(data)) throw new CorpusError(`${source}: expected an array of replies`);
  const ids = new Set<string>();
  return data.map((raw, i) => {
    const where = `${source}[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new CorpusError(`${where}: expected an object`);
    const e = raw as Record<string, unknown>;
    const known = new Set(['id', 'market', 'quality', 'expect', 'silent', ...STRING_KEYS]);
    for (const key of Object.keys(e)) if (!known.has(key)) throw new CorpusError(`${where}: unknown field "${key}"`);
    if (typeof e.id !== 'string' || e.id === '') throw new CorpusError(`${where}: "id" must be a non-empty string`);
    if (ids.has(e.id)) throw new CorpusError(`${where}: duplicate id "${e.id}"`);
    ids.add(e.id);
    if (e.market !== 'jp' && e.market !== 'us') throw new CorpusError(`${where} (${e.id}): "market" must be "jp" or "us"`);
    if (e.quality !== 'excellent' && e.quality !== 'flawed') {
      throw new CorpusError(`${where} (${e.id}): "quality" must be "excellent" or "flawed"`);
    }
    for (const key of STRING_KEYS) {
      if (e[key] !== undefined && typeof e[key] !== 'string') throw new CorpusError(`${where} (${e.id}): "${key}" must be a string`);
    }
    if (typeof e.scenario !== 'string' || e.scenario === '') throw new CorpusError(`${where} (${e.id}): "scenario" is required`);
    if (typeof e.reply !== 'string' || e.reply.trim() === '') throw new CorpusError(`${where} (${e.id}): "reply" is required`);
    if (!isStringList(e.expect)) throw new CorpusError(`${where} (${e.id}): "expect" must be a list of rule ids`);
    if (e.silent !== undefined && !isStringList(e.silent)) throw new CorpusError(`${where} (${e.id}): "silent" must be a list of rule ids`);
    const expected = e.expect;
    const overlap = (e.silent ?? []).filter((r) => expected.includes(r));
    if (overlap.length > 0) throw new CorpusError(`${where} (${e.id}): ${overlap.join(', ')} both expected and silent`);
    return e as unknown as CorpusEntry;
  });
}

export function loadCorpus(file: string): CorpusEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CorpusError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseCorpus(data, file);
}

/** A reply's findings as the harness reads them. */
export type CorpusAnalyze = (entry: CorpusEntry) => Pick<Report, 'findings'>;

/** The real thing: the engine's `analyze`, as the CLI calls it (built-in packs, the reply's market). */
export function engineAnalyze(engine: Engine): CorpusAnalyze {
  return (entry) =>
    engine.analyze(entry.reply, {
      market: entry.market,
      uiLang: 'en',
      ...(entry.customer !== undefined ? { customerMessage: entry.customer } : {}),
      ...(entry.agentName !== undefined ? { agentName: entry.agentName } : {}),
      ...(entry.customerName !== undefined ? { customerName: entry.customerName } : {}),
    });
}

export interface CorpusMiss {
  id: string;
  rule: string;
  reply: string;
}

export interface CorpusFalseAlarm {
  id: string;
  rule: string;
  level: Finding['level'];
  /** The text the finding covers ('' for an insertion point). */
  span: string;
  why: 'excellent' | 'silent';
  message: string;
}

export interface CorpusResult {
  replies: number;
  excellent: number;
  flawed: number;
  expected: number;
  found: number;
  /** found / expected (NaN with nothing expected). */
  recall: number;
  /** Excellent replies with no warn/block finding, over excellent replies. */
  cleanShare: number;
  /** warn/block findings on excellent replies, per excellent reply. */
  warnsPerExcellent: number;
  misses: CorpusMiss[];
  falseAlarms: CorpusFalseAlarm[];
  /** Per rule: expected, found, false alarms. */
  byRule: Map<string, { expected: number; found: number; falseAlarms: number }>;
}

const loud = (f: Finding) => f.level === 'warn' || f.level === 'block';

export function evaluateCorpus(entries: readonly CorpusEntry[], analyze: CorpusAnalyze): CorpusResult {
  const misses: CorpusMiss[] = [];
  const falseAlarms: CorpusFalseAlarm[] = [];
  const byRule = new Map<string, { expected: number; found: number; falseAlarms: number }>();
  const rule = (id: string) => {
    let r = byRule.get(id);
    if (!r) byRule.set(id, (r = { expected: 0, found: 0, falseAlarms: 0 }));
    return r;
  };
  let expected = 0;
  let found = 0;
  let excellent = 0;
  let clean = 0;
  let warns = 0;
  for (const entry of entries) {
    const { findings } = analyze(entry);
    const fired = new Set(findings.map((f) => f.ruleId));
    for (const id of entry.expect) {
      expected++;
      rule(id).expected++;
      if (fired.has(id)) {
        found++;
        rule(id).found++;
      } else {
        misses.push({ id: entry.id, rule: id, reply: entry.reply });
      }
    }
    const alarm = (f: Finding, why: CorpusFalseAlarm['why']) => {
      rule(f.ruleId).falseAlarms++;
      falseAlarms.push({
        id: entry.id,
        rule: f.ruleId,
        level: f.level,
        span: entry.reply.slice(f.start, f.end),
        why,
        message: f.message.id,
      });
    };
    const silent = new Set(entry.silent ?? []);
    if (entry.quality === 'excellent') {
      excellent++;
      const loudOnes = findings.filter(loud);
      warns += loudOnes.length;
      if (loudOnes.length === 0) clean++;
      for (const f of loudOnes) alarm(f, 'excellent');
      for (const f of findings) if (!loud(f) && silent.has(f.ruleId)) alarm(f, 'silent');
    } else {
      for (const f of findings) if (silent.has(f.ruleId)) alarm(f, 'silent');
    }
  }
  return {
    replies: entries.length,
    excellent,
    flawed: entries.length - excellent,
    expected,
    found,
    recall: expected > 0 ? found / expected : NaN,
    cleanShare: excellent > 0 ? clean / excellent : NaN,
    warnsPerExcellent: excellent > 0 ? warns / excellent : NaN,
    misses,
    falseAlarms,
    byRule,
  };
}

/** The JSON line's `corpus.<lang>` object. */
export interface CorpusJson {
  replies: number;
  excellent: number;
  flawed: number;
  recall: number | null;
  clean_share: number | null;
  warns_per_excellent: number | null;
  misses: number;
  false_alarms: number;
}

const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 10000) / 10000 : null);

export function corpusJson(r: CorpusResult): CorpusJson {
  return {
    replies: r.replies,
    excellent: r.excellent,
    flawed: r.flawed,
    recall: round(r.recall),
    clean_share: round(r.cleanShare),
    warns_per_excellent: round(r.warnsPerExcellent),
    misses: r.misses.length,
    false_alarms: r.falseAlarms.length,
  };
}
