/**
 * `tonebridge check`: coach saved replies, macros or a draft from stdin, exactly as the extension
 * would (same engine, same packs). Arguments are files, folders, globs and macro exports (./inputs.ts).
 * Text output for people (one reply in full; many as a summary line each and a total), `--format json`
 * for scripts, `--format sarif|github` for CI annotations (./annotations.ts).
 */
import path from 'node:path';
import type { Engine } from '../engine/engine';
import type { ResolvedPolicy } from '../policy/types';
import { LanguageNotReadyError, UnknownMarketError } from '../engine/engine';
import { detectLang } from '../engine/language';
import type { AnalysisContext, Report, UiLang } from '../engine/types';
import { levelRank } from '../engine/types';
import type { SourcedPack } from '../policy/types';
import { toGithubAnnotations, toSarif, type CheckedReply } from './annotations';
import { flag, parseArgs, UsageError } from './args';
import { createCliEngine } from './engine';
import { version as CLI_VERSION } from '../../package.json';
import { resolvePaths, macrosOf, type CheckInput } from './inputs';
import type { CliIo } from './io';
import { loadPackFile } from './pack';
import type { RenderedFinding, RenderedReport } from './rendered';

export type { RenderedFinding, RenderedReport } from './rendered';

const SPEC = {
  market: { value: true },
  pack: { value: true, repeat: true },
  lang: { value: true, choices: ['ja', 'en'] },
  format: { value: true, choices: ['text', 'json', 'sarif', 'github'] },
  'fail-on': { value: true, choices: ['block', 'warn', 'info'] },
  ui: { value: true, choices: ['en', 'ja'] },
  agent: { value: true },
  customer: { value: true },
  'customer-message': { value: true },
} as const;

/** 1-based line and column (in characters, as editors count them) of a UTF-16 offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: [...text.slice(lineStart, offset)].length + 1 };
}

export function renderReport(engine: Engine<ResolvedPolicy>, text: string, report: Report, ui: UiLang): RenderedReport {
  const fmt = (ref: { id: string; data?: Record<string, string | number> }) => engine.messages.format(ref, ui);
  return {
    ...report,
    findings: report.findings.map((f) => ({
      ruleId: f.ruleId,
      kind: f.kind,
      level: f.level,
      start: f.start,
      end: f.end,
      ...lineColumn(text, f.start),
      messageId: f.message.id,
      message: fmt(f.message),
      reason: fmt(f.reason),
      fixes: f.fixes.map((x) => ({ label: fmt(x.label), edits: x.edits })),
    })),
  };
}

function describeEdit(text: string, edit: { start: number; end: number; text: string }): string {
  const shown = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}…` : s);
  if (edit.start === edit.end) return `insert ${shown(edit.text)}`;
  if (edit.text === '') return `delete ${shown(text.slice(edit.start, edit.end))}`;
  return `${shown(text.slice(edit.start, edit.end))} → ${shown(edit.text)}`;
}

const COVERAGE_LABELS: Record<UiLang, Record<string, string>> = {
  en: { apology: 'apology', cause: 'cause', remedy: 'remedy', nextStep: 'next step', commitment: 'commitment', owner: 'owner', greeting: 'greeting', closing: 'closing' },
  ja: { apology: 'お詫び', cause: '原因', remedy: '対応策', nextStep: '次の手順', commitment: '回答期限', owner: '担当者', greeting: '挨拶', closing: '結び' },
};

export function formatText(name: string, text: string, r: RenderedReport, ui: UiLang): string {
  const out: string[] = [];
  const head = ui === 'ja' ? `${name}: 市場 ${r.market}, 言語 ${r.lang}` : `${name}: market ${r.market}, language ${r.lang}`;
  out.push(head);
  if (r.findings.length === 0) out.push(ui === 'ja' ? '  指摘はありません。' : '  No findings.');
  for (const f of r.findings) {
    out.push(`  ${f.line}:${f.column}  ${f.level.padEnd(5)}  ${f.kind.padEnd(10)}  ${f.message}  [${f.ruleId}]`);
    out.push(`      ${ui === 'ja' ? '理由' : 'why'}: ${f.reason}`);
    for (const fix of f.fixes) {
      out.push(`      ${ui === 'ja' ? '修正' : 'fix'}: ${fix.label} — ${fix.edits.map((e) => describeEdit(text, e)).join('; ')}`);
    }
  }
  const scores = Object.entries(r.scores)
    .map(([k, v]) => `${k} ${(v as number).toFixed(2)}`)
    .join(', ');
  if (scores) out.push(`  ${ui === 'ja' ? 'スコア' : 'scores'}: ${scores}`);
  const labels = COVERAGE_LABELS[ui];
  const covered = Object.keys(labels).map((k) => `${r.coverage[k as keyof typeof r.coverage] ? '✓' : '✗'} ${labels[k]}`);
  out.push(`  ${ui === 'ja' ? '網羅' : 'coverage'}: ${covered.join('  ')}${r.coverage.problem ? (ui === 'ja' ? '  (問題の報告あり)' : '  (problem reported)') : ''}`);
  const blocks = r.findings.filter((f) => f.level === 'block').length;
  const warns = r.findings.filter((f) => f.level === 'warn').length;
  out.push(
    ui === 'ja'
      ? `  ${r.findings.length} 件（block ${blocks}、warn ${warns}）`
      : `  ${r.findings.length} finding(s): ${blocks} block, ${warns} warn`,
  );
  return `${out.join('\n')}\n`;
}

/** How many findings of each level, for the summary lines. */
function counts(findings: readonly RenderedFinding[]): { block: number; warn: number; info: number } {
  return {
    block: findings.filter((f) => f.level === 'block').length,
    warn: findings.filter((f) => f.level === 'warn').length,
    info: findings.filter((f) => f.level === 'info').length,
  };
}

/** One reply of many: a summary line, then one line per finding (no reasons, fixes or scores). */
export function formatSummary(name: string, r: RenderedReport, ui: UiLang): string {
  const c = counts(r.findings);
  const tally =
    r.findings.length === 0
      ? ui === 'ja'
        ? '指摘なし'
        : 'no findings'
      : ui === 'ja'
        ? `${r.findings.length} 件（block ${c.block}、warn ${c.warn}、info ${c.info}）`
        : `${r.findings.length} finding(s): ${c.block} block, ${c.warn} warn, ${c.info} info`;
  const out = [`${name}: ${r.market}/${r.lang} — ${tally}`];
  for (const f of r.findings) out.push(`  ${f.line}:${f.column}  ${f.level.padEnd(5)}  ${f.kind.padEnd(10)}  ${f.message}  [${f.ruleId}]`);
  return `${out.join('\n')}\n`;
}

export type FailOn = 'block' | 'warn' | 'info';

/**
 * Checks every reply named on the command line (files, folders, globs, macro exports, stdin).
 * Exit code: 1 if any finding is at or above `--fail-on` (default `block`), else 0; usage errors throw.
 */
export async function runCheck(argv: string[], io: CliIo, makeEngine = createCliEngine): Promise<number> {
  const args = parseArgs(argv, SPEC);
  const packs: SourcedPack[] = [];
  for (const file of args.flags.get('pack') ?? []) packs.push({ pack: await loadPackFile(file, io), source: 'file' });
  let engine: Engine<ResolvedPolicy>;
  try {
    engine = makeEngine({ packs });
  } catch (error) {
    throw new UsageError(`packs do not resolve: ${error instanceof Error ? error.message : String(error)}`);
  }
  const marketFlag = flag(args, 'market');
  if (marketFlag !== undefined && !engine.activePolicy.markets.has(marketFlag)) {
    throw new UsageError(`unknown market "${marketFlag}" (known: ${[...engine.activePolicy.markets.keys()].join(', ')})`);
  }
  const ui = (flag(args, 'ui') ?? 'en') as UiLang;
  const format = flag(args, 'format') ?? 'text';
  const failOn = (flag(args, 'fail-on') ?? 'block') as FailOn;
  const lang = flag(args, 'lang') as AnalysisContext['lang'];
  const customerFile = flag(args, 'customer-message');
  const customerMessage = customerFile !== undefined ? await readInput(customerFile, io) : undefined;
  const files = await resolvePaths(args.positional.length > 0 ? args.positional : ['-'], io);

  const inputs: CheckInput[] = [];
  for (const file of files) {
    const text = await readInput(file, io);
    const name = file === '-' ? '<stdin>' : file;
    if (file !== '-' && path.extname(file).toLowerCase() === '.json') inputs.push(...macrosOf(name, text));
    else inputs.push({ name, file: name, text });
  }

  const checked: (CheckedReply & { text: string; report: RenderedReport })[] = [];
  for (const input of inputs) {
    const detected = lang ?? detectLang(input.text);
    const market = marketFlag ?? engine.activePolicy.defaultMarket ?? (detected === 'ja' ? 'jp' : 'us');
    const context: AnalysisContext = {
      market,
      uiLang: ui,
      ...(lang ? { lang } : {}),
      ...(flag(args, 'agent') !== undefined ? { agentName: flag(args, 'agent') } : {}),
      ...(flag(args, 'customer') !== undefined ? { customerName: flag(args, 'customer') } : {}),
      ...(customerMessage !== undefined ? { customerMessage } : {}),
    };
    let report: Report;
    try {
      report = await engine.analyzeAsync(input.text, context);
    } catch (error) {
      if (error instanceof UnknownMarketError || error instanceof LanguageNotReadyError) throw new UsageError(error.message);
      throw error;
    }
    const rendered = renderReport(engine, input.text, report, ui);
    checked.push({ ...input, findings: rendered.findings, report: rendered });
  }

  const many = inputs.length !== 1;
  switch (format) {
    case 'json': {
      const entries = checked.map((c) => ({ file: c.file, ...(c.title !== undefined ? { title: c.title } : {}), report: c.report }));
      io.stdout(`${JSON.stringify(many ? entries : entries[0]!.report, null, 2)}\n`);
      break;
    }
    case 'sarif':
      io.stdout(`${JSON.stringify(toSarif(checked, CLI_VERSION), null, 2)}\n`);
      break;
    case 'github':
      io.stdout(toGithubAnnotations(checked));
      break;
    default:
      for (const c of checked) io.stdout(many ? formatSummary(c.name, c.report, ui) : formatText(c.name, c.text, c.report, ui));
      if (many) {
        const failing = checked.filter((c) => c.findings.some((f) => levelRank(f.level) >= levelRank(failOn))).length;
        const clean = checked.filter((c) => c.findings.length === 0).length;
        io.stdout(
          ui === 'ja'
            ? `${checked.length} 件の返信を確認: ${failing} 件が ${failOn} 以上、${clean} 件は指摘なし\n`
            : `${checked.length} replies checked: ${failing} with findings at ${failOn} level or above, ${clean} without findings\n`,
        );
      }
  }
  return checked.some((c) => c.findings.some((f) => levelRank(f.level) >= levelRank(failOn))) ? 1 : 0;
}
async function readInput(file: string, io: CliIo): Promise<string> {
  if (file === '-') return io.readStdin();
  try {
    return await io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${file}${code ? ` (${code})` : ''}`);
  }
}
