/** Options page: every built-in rule with its effective level per market; the agent's on/off and level (locked rules disabled). */
import { useState } from 'preact/hooks';
import type { Level } from '../../../engine/types';
import type { EffectiveRule, RuleOverride } from '../../../policy/agent-settings';
import type { RuleInfo, PanelState } from '../../../contract/panel';
import { LockIcon, LockNote, marketName, type PanelModel } from '../common';
import type { SectionProps } from './section';

const RULE_LEVELS = ['info', 'warn', 'block'] as const;

/** The level the rule has where it runs (the chosen market if it has one there, else the first market that runs it). */
function levelShown(rule: EffectiveRule, market: string): Level {
  const here = market !== 'auto' ? rule.levels[market] : undefined;
  if (here && here !== 'off') return here;
  return Object.values(rule.levels).find((l) => l !== 'off') ?? 'off';
}

export function RulesSection({ model, state, client }: SectionProps) {
  const { t } = model;
  const patchRule = (id: string, override: RuleOverride | null) => void model.run(() => client.settings({ rules: { [id]: override } }));
  // One group per language the rules read (ja/…, en/…): closed unless something in it is locked or
  // the agent changed it, so the page stays short.
  const groups = new Map<string, EffectiveRule[]>();
  for (const rule of state.effective.rules) {
    const prefix = rule.ruleId.includes('/') ? rule.ruleId.slice(0, rule.ruleId.indexOf('/')) : '';
    groups.set(prefix, [...(groups.get(prefix) ?? []), rule]);
  }
  const info = new Map((state.ruleInfo ?? []).map((r) => [r.id, r]));
  // Decided once: a group must not fold up under the agent when their last change is undone.
  const [initiallyOpen] = useState(
    () => new Set([...groups].filter(([, rules]) => rules.some((r) => r.lock || state.agent.rules[r.ruleId] !== undefined)).map(([prefix]) => prefix)),
  );
  return (
    <section class="card" aria-labelledby="tb-rules-h">
      <h2 id="tb-rules-h">{t.rules}</h2>
      <p class="hint">{t.rulesHint}</p>
      {[...groups].map(([prefix, rules]) => {
        const locked = rules.filter((r) => r.lock).length;
        const changed = rules.filter((r) => state.agent.rules[r.ruleId] !== undefined).length;
        return (
          <details key={prefix} class="rule-group" data-group={prefix} open={initiallyOpen.has(prefix)}>
            <summary>
              <strong>{t.ruleGroup(prefix)}</strong>
              <span class="muted small"> · {t.ruleCount(rules.length)}</span>
              {locked > 0 ? (
                <span class="lock-note inline">
                  <LockIcon />
                  {t.lockedCount(locked)}
                </span>
              ) : null}
              {changed > 0 ? <span class="tag">{t.changedCount(changed)}</span> : null}
            </summary>
            <table class="rules">
              <thead>
                <tr>
                  <th scope="col">{t.rule}</th>
                  <th scope="col">{t.perMarket}</th>
                  <th scope="col" class="narrow">
                    {t.onCol}
                  </th>
                  <th scope="col">{t.levelCol}</th>
                </tr>
              </thead>
              <tbody>
                {rules.map((rule) => (
                  <RuleRow key={rule.ruleId} rule={rule} info={info.get(rule.ruleId)} model={model} state={state} patchRule={patchRule} />
                ))}
              </tbody>
            </table>
          </details>
        );
      })}
    </section>
  );
}

function RuleRow(props: { rule: EffectiveRule; info: RuleInfo | undefined; model: PanelModel; state: PanelState; patchRule(id: string, o: RuleOverride | null): void }) {
  const { rule, info, model, state, patchRule } = props;
  const { t, lang } = model;
  const own = state.agent.rules[rule.ruleId] ?? {};
  const lock = rule.lock;
  const on = lock ? levelShown(rule, state.effective.market) !== 'off' : own.enabled !== false;
  const safeId = rule.ruleId.replace(/[^a-z0-9-]/gi, '_');
  const lockId = `tb-rule-lock-${safeId}`;
  return (
    <tr key={rule.ruleId} data-rule={rule.ruleId} class={lock ? 'locked' : ''}>
      <th scope="row">
        <code>{rule.ruleId}</code>
        {info ? <span class={`tag kind-${info.kind}`}>{t.kind[info.kind]}</span> : null}
        {rule.setBy === 'agent' ? <span class="tag set-by-agent">{t.agent}</span> : null}
        {info ? <div class="rule-desc">{info.description[lang] || info.description.en}</div> : null}
        {lock ? (
          <div>
            <LockNote lock={lock} t={t} id={lockId} />
          </div>
        ) : null}
      </th>
      <td class="levels">
        {Object.entries(rule.levels)
          .filter(([, l]) => l !== 'off')
          .map(([m, l]) => (
            <span key={m} class={`lvl lvl-${l}`}>
              {marketName(state, m, lang)}: {t.level[l]}
            </span>
          ))}
      </td>
      <td class="narrow">
        <input
          type="checkbox"
          role="switch"
          class="rule-on"
          checked={on}
          disabled={Boolean(lock)}
          aria-label={t.ruleOn(rule.ruleId)}
          aria-describedby={lock ? lockId : undefined}
          onChange={(e) => {
            const checked = (e.currentTarget as HTMLInputElement).checked;
            patchRule(rule.ruleId, checked ? (own.level ? { level: own.level } : null) : { ...own, enabled: false });
          }}
        />
      </td>
      <td>
        <select
          class="rule-level"
          value={own.level ?? ''}
          disabled={Boolean(lock) || !on}
          aria-label={t.ruleLevel(rule.ruleId)}
          aria-describedby={lock ? lockId : undefined}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            const next: RuleOverride = { ...own };
            if (v === '') delete next.level;
            else next.level = v as RuleOverride['level'];
            patchRule(rule.ruleId, next.enabled === undefined && next.level === undefined ? null : next);
          }}
        >
          <option value="">{t.policyLevel}</option>
          {RULE_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t.level[l]}
            </option>
          ))}
        </select>
      </td>
    </tr>
  );
}
