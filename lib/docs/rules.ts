/** Renders the rule reference (docs/rules.md) from the detectors' own meta, so docs cannot drift. */
import type { Detector } from '../engine/detector';
import { builtinPacks } from '../policy/builtin';

function levelIn(marketId: string, ruleId: string): string | undefined {
  for (const pack of builtinPacks) {
    for (const m of pack.markets ?? []) {
      if (m.id !== marketId) continue;
      const entry = m.rules?.[ruleId];
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
  lines.push('', '## Why each rule matters', '');
  for (const d of detectors) {
    lines.push(`### \`${d.meta.id}\``, '', d.meta.description.en, '', `> ${d.meta.messages.reason.en}`, '', `> ${d.meta.messages.reason.ja}`, '');
  }
  return `${lines.join('\n')}\n`;
}
