/** Renders the rule reference (docs/rules.md) from the detectors' own meta, so docs cannot drift. */
import type { Detector } from '../engine/detector';
import { builtinPacks } from '../policy/builtin';

interface PipeItem {
  type: string;
  requirement?: unknown;
  description?: string;
}

/** An option's allowed values and description, read from its schema's pipe. */
function describeOption(entry: unknown): { range: string; description: string } {
  const schema = (entry as { wrapped?: { pipe?: PipeItem[] } }).wrapped ?? (entry as { pipe?: PipeItem[] });
  const flat = (items: PipeItem[] = []): PipeItem[] => items.flatMap((i) => ('pipe' in i ? flat((i as { pipe?: PipeItem[] }).pipe) : [i]));
  const items = flat(schema.pipe);
  const min = items.find((i) => i.type === 'min_value')?.requirement;
  const max = items.find((i) => i.type === 'max_value')?.requirement;
  const whole = items.some((i) => i.type === 'integer');
  const range = min !== undefined && max !== undefined ? `${whole ? 'whole number ' : ''}${String(min)}–${String(max)}` : '—';
  return { range, description: items.find((i) => i.type === 'description')?.description ?? '' };
}

function levelIn(marketId: string, ruleId: string): string | undefined {
  for (const pack of builtinPacks) {
    for (const m of pack.markets ?? []) {
      if (m.id !== marketId) continue;
      const entry = m.rules && Object.hasOwn(m.rules, ruleId) ? m.rules[ruleId] : undefined;
      if (entry !== undefined) return typeof entry === 'string' ? entry : entry.level;
    }
  }
  return undefined;
}

export function renderRulesDoc(detectors: readonly Detector[]): string {
  const lines = [
    '# Rules',
    '',
    'Generated from each detector\'s `meta` by `npm run docs:rules`; a test keeps this file current.',
    'Packs refer to rules by id (`"rules": { "<id>": "off" | "info" | "warn" | "block" }`).',
    '**Holds Send**: whether a `warn` finding of the rule holds the pre-send check (`meta.holdsSend`: what a',
    'senior reviewer would stop a send for); the others are tips that stay underlined. A pack that raises a',
    'rule to `block` makes it hold in any case.',
    '',
    '| id | kind | reads | markets (built-in level) | fixes | holds Send | what it checks |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const d of detectors) {
    const markets = d.meta.markets === '*' ? ['*'] : d.meta.markets;
    const levels = markets.map((m) => `${m} (${levelIn(m, d.meta.id) ?? d.meta.defaultLevel})`).join(', ');
    lines.push(
      `| \`${d.meta.id}\` | ${d.meta.kind} | ${d.meta.languages.join(', ')} | ${levels} | ${d.meta.fixable ? 'yes' : 'no'} | ${d.meta.holdsSend ? 'yes' : 'no'} | ${d.meta.description.en.replace(/\|/g, '\\|')} |`,
    );
  }
  const tunable = detectors.filter((d) => Object.keys(d.meta.schema.entries).length > 0);
  if (tunable.length > 0) {
    lines.push(
      '',
      '## Options',
      '',
      'Set in a pack as `"<id>": { "level": "warn", "options": { "<option>": <value> } }`. Validation checks each value',
      'and refuses options a rule does not take (every other rule takes none).',
      '',
      '| id | option | default | allowed | what it does |',
      '|---|---|---|---|---|',
    );
    for (const d of tunable) {
      for (const [name, entry] of Object.entries(d.meta.schema.entries)) {
        const { range, description } = describeOption(entry);
        lines.push(`| \`${d.meta.id}\` | \`${name}\` | ${JSON.stringify(d.meta.options?.[name])} | ${range} | ${description.replace(/\|/g, '\\|')} |`);
      }
    }
  }
  lines.push('', '## Why each rule matters', '');
  for (const d of detectors) {
    lines.push(`### \`${d.meta.id}\``, '', d.meta.description.en, '', `> ${d.meta.messages.reason.en}`, '', `> ${d.meta.messages.reason.ja}`, '');
  }
  return `${lines.join('\n')}\n`;
}
