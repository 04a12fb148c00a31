/**
 * The options page, one component per section (this folder): the agent's settings (agent.tsx),
 * per-rule on/off and level (rules.tsx), personal phrases (phrases.tsx), packs — import, URL
 * subscriptions and every pack's contents (packs.tsx) — and the policy's problems and ignored
 * settings (issues.tsx).
 *
 * Everything a lock covers is disabled and names the pack that locked it. Pack texts are untrusted:
 * rendered as text only, links only when they are https.
 */
import { useEffect } from 'preact/hooks';
import type { PanelClient } from '../../client';
import { FailureBanner, usePanel } from '../common';
import type { PanelLang } from '../strings';
import { Issues } from './issues';
import { AgentSection } from './agent';
import { PacksSection } from './packs';
import { PhrasesSection } from './phrases';
import { RulesSection } from './rules';

export interface OptionsProps {
  client: PanelClient;
  fallbackLang: PanelLang;
}

export function Options(props: OptionsProps) {
  const model = usePanel(props.client, { fallbackLang: props.fallbackLang });
  const { state, t, lang } = model;
  useEffect(() => {
    document.title = t.optionsTitle;
    document.documentElement.lang = lang;
  }, [t, lang]);
  return (
    <main class="options" lang={lang} aria-busy={model.busy}>
      <header class="page-head">
        <h1 class="brand">
          <span class="logo" aria-hidden="true">
            T
          </span>
          {t.optionsTitle}
        </h1>
      </header>
      <FailureBanner failure={model.failure} t={t} onClose={model.clearFailure} />
      {!state ? (
        <p class="muted" role="status">
          {t.loading}
        </p>
      ) : (
        <>
          <Issues title={t.policyIssues} issues={state.managedIssues} kind="error" />
          <Issues title={t.ignored} issues={state.effective.ignored} kind="note" />
          <AgentSection model={model} state={state} client={props.client} />
          <RulesSection model={model} state={state} client={props.client} />
          <PhrasesSection model={model} state={state} client={props.client} />
          <PacksSection model={model} state={state} client={props.client} lang={lang} t={t} />
        </>
      )}
    </main>
  );
}
