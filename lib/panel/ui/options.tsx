/**
 * The options page: the agent's name, UI language, send check, per-rule on/off and level, personal
 * phrases; importing a pack file, subscribing to a signed pack URL; and every pack with its rules,
 * phrase rules and their examples, source, version, last update and any error.
 *
 * Everything a lock covers is disabled and names the pack that locked it. Pack texts are untrusted:
 * rendered as text only, links only when they are https.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Level } from '../../engine/types';
import type { EffectiveRule, PersonalPhrase, RuleOverride, UiLang } from '../../policy/agent-settings';
import type { PackFailure, PackIssue } from '../../policy/sources/types';
import type { PanelClient } from '../client';
import type { RuleInfo, PanelImportOutcome, PanelPack, PanelState, PanelUrlOutcome, PhraseRuleSummary } from '../../contract/panel';
import { FailureBanner, LockIcon, LockNote, marketName, Switch, usePanel, type PanelModel } from './common';
import { formatTime, type PanelLang, type PanelStrings } from './strings';

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

type SectionProps = { model: PanelModel; state: PanelState; client: PanelClient };

function IssueList({ issues }: { issues: readonly PackIssue[] }) {
  return (
    <ul class="issues">
      {issues.map((i, n) => (
        <li key={n} data-path={i.path}>
          {i.path ? <code class="path">{i.path}</code> : null}
          <span class="issue-message">{i.message}</span>
        </li>
      ))}
    </ul>
  );
}

function Issues({ title, issues, kind }: { title: string; issues: readonly PackIssue[]; kind: 'error' | 'note' }) {
  if (issues.length === 0) return null;
  return (
    <section class={`card issues-card ${kind}`} aria-label={title}>
      <h2>{title}</h2>
      <IssueList issues={issues} />
    </section>
  );
}

function AgentSection({ model, state, client }: SectionProps) {
  const { t } = model;
  const nameLock = state.effective.locks.agentName;
  const langLock = state.effective.locks.uiLang;
  const guardLock = state.sendGuard.lock ?? state.effective.locks.sendGuard;
  const [name, setName] = useState<string | undefined>(undefined);
  const shownName = name ?? state.agent.agentName;
  const [saved, setSaved] = useState(false);

  const saveName = async (e: Event) => {
    e.preventDefault();
    const answer = await model.run(() => client.settings({ agentName: shownName.trim() }));
    if (answer.ok) {
      setName(undefined);
      setSaved(true);
    }
  };

  return (
    <section class="card" aria-labelledby="tb-agent-h">
      <h2 id="tb-agent-h">{t.agent}</h2>
      <form class="field" onSubmit={(e) => void saveName(e)}>
        <label for="tb-name">{t.agentName}</label>
        <div class="row">
          <input
            id="tb-name"
            type="text"
            maxLength={80}
            autocomplete="name"
            value={nameLock ? state.effective.agentName : shownName}
            disabled={Boolean(nameLock)}
            aria-describedby={nameLock ? 'tb-name-lock' : 'tb-name-hint'}
            onInput={(e) => {
              setName((e.currentTarget as HTMLInputElement).value);
              setSaved(false);
            }}
          />
          <button type="submit" class="primary" disabled={Boolean(nameLock) || name === undefined}>
            {t.save}
          </button>
          {saved ? (
            <span class="saved" role="status">
              {t.saved}
            </span>
          ) : null}
        </div>
        {nameLock ? <LockNote lock={nameLock} t={t} id="tb-name-lock" /> : <p class="hint" id="tb-name-hint">{t.agentNameHint}</p>}
      </form>
      <div class="field">
        <label for="tb-uilang">{t.uiLang}</label>
        <div class="row">
          <select
            id="tb-uilang"
            value={state.effective.uiLang}
            disabled={Boolean(langLock)}
            aria-describedby={langLock ? 'tb-uilang-lock' : undefined}
            onChange={(e) => void model.run(() => client.settings({ uiLang: (e.currentTarget as HTMLSelectElement).value as UiLang }))}
          >
            {(['auto', 'en', 'ja'] as const).map((l) => (
              <option key={l} value={l}>
                {t.uiLangs[l]}
              </option>
            ))}
          </select>
        </div>
        {langLock ? <LockNote lock={langLock} t={t} id="tb-uilang-lock" /> : null}
      </div>
      <div class="field">
        <span class="label">{t.sendGuard}</span>
        <div class="row">
          <Switch
            id="tb-guard"
            checked={!state.agent.sendGuardOff || Boolean(guardLock)}
            disabled={Boolean(guardLock)}
            describedBy={guardLock ? 'tb-guard-lock' : 'tb-guard-now'}
            onChange={(on) => void model.run(() => client.settings({ sendGuardOff: !on }))}
          >
            {t.sendGuardOn}
          </Switch>
          <span class="muted small" id="tb-guard-now">
            {t.sendGuardNow(t.guard[state.sendGuard.value])}
          </span>
        </div>
        {guardLock ? <LockNote lock={guardLock} t={t} id="tb-guard-lock" /> : null}
      </div>
    </section>
  );
}

const RULE_LEVELS = ['info', 'warn', 'block'] as const;

/** The level the rule has where it runs (the chosen market if it has one there, else the first market that runs it). */
function levelShown(rule: EffectiveRule, market: string): Level {
  const here = market !== 'auto' ? rule.levels[market] : undefined;
  if (here && here !== 'off') return here;
  return Object.values(rule.levels).find((l) => l !== 'off') ?? 'off';
}

function RulesSection({ model, state, client }: SectionProps) {
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

function PhrasesSection({ model, state, client }: SectionProps) {
  const { t } = model;
  const [phrase, setPhrase] = useState('');
  const [replacement, setReplacement] = useState('');
  const [lang, setLang] = useState<'' | 'ja' | 'en'>('');
  const phrases = state.agent.phrases;
  const save = (list: PersonalPhrase[]) => model.run(() => client.settings({ phrases: list }));

  const add = async (e: Event) => {
    e.preventDefault();
    if (!phrase.trim()) return;
    const entry: PersonalPhrase = { phrase: phrase.trim() };
    if (replacement.trim()) entry.replacement = replacement.trim();
    if (lang) entry.lang = lang;
    const answer = await save([...phrases, entry]);
    if (answer.ok) {
      setPhrase('');
      setReplacement('');
    }
  };

  return (
    <section class="card" aria-labelledby="tb-phrases-h">
      <h2 id="tb-phrases-h">{t.phrases}</h2>
      <p class="hint">{t.phrasesHint}</p>
      {phrases.length === 0 ? (
        <p class="muted small">{t.noPhrases}</p>
      ) : (
        <ul class="phrase-list">
          {phrases.map((p, i) => (
            <li key={`${i}:${p.phrase}`} data-phrase={p.phrase}>
              <span class="phrase">{p.phrase}</span>
              {p.replacement !== undefined ? <span class="arrow"> → {p.replacement}</span> : null}
              {p.lang ? <span class="tag">{p.lang}</span> : null}
              <button type="button" class="link" aria-label={t.removePhrase(p.phrase)} onClick={() => void save(phrases.filter((_, j) => j !== i))}>
                {t.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="phrase-form" onSubmit={(e) => void add(e)}>
        <label>
          <span class="label">{t.phrase}</span>
          <input id="tb-phrase" type="text" required maxLength={100} value={phrase} onInput={(e) => setPhrase((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          <span class="label">{t.replacement}</span>
          <input id="tb-replacement" type="text" maxLength={100} value={replacement} onInput={(e) => setReplacement((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          <span class="label">{t.phraseLang}</span>
          <select id="tb-phrase-lang" value={lang} onChange={(e) => setLang((e.currentTarget as HTMLSelectElement).value as '' | 'ja' | 'en')}>
            <option value="">{t.anyLang}</option>
            <option value="ja">日本語</option>
            <option value="en">English</option>
          </select>
        </label>
        <button type="submit" class="primary">
          {t.add}
        </button>
      </form>
    </section>
  );
}

type ImportView = { fileName: string; outcome: PanelImportOutcome };

function FailureDetails({ failure, t }: { failure: PackFailure; t: PanelStrings }) {
  return (
    <div class="failure">
      <strong>{t.failure[failure.kind]}</strong>
      <IssueList issues={failure.issues} />
    </div>
  );
}

function PacksSection({ model, state, client, lang, t }: SectionProps & { lang: PanelLang; t: PanelStrings }) {
  const [imported, setImported] = useState<ImportView>();
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const [urlResults, setUrlResults] = useState<PanelUrlOutcome[]>();

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    const answer = await model.run(() => client.importPack(text, file.name));
    if (answer.ok) setImported({ fileName: file.name, outcome: answer.result });
    input.value = '';
  };

  const subscribe = async (e: Event) => {
    e.preventDefault();
    const answer = await model.run(() => client.subscribe(url.trim(), key.trim()));
    if (answer.ok) {
      setUrlResults(answer.results);
      if (answer.results.every((r) => r.status !== 'failed')) {
        setUrl('');
        setKey('');
      }
    }
  };

  const refresh = async (target?: string) => {
    const answer = await model.run(() => client.refresh(target));
    if (answer.ok) setUrlResults(answer.results);
  };

  return (
    <section class="card" aria-labelledby="tb-packs-h">
      <h2 id="tb-packs-h">{t.packs}</h2>
      <p class="hint">{t.packsHint}</p>

      <div class="pack-actions">
        <div class="field">
          <input id="tb-import" class="file-input" type="file" accept=".json,application/json" onChange={(e) => void onFile(e)} />
          <label class="file-button" for="tb-import">
            {t.importPack}
          </label>
          {imported ? <ImportResult view={imported} t={t} /> : null}
        </div>

        <form class="subscribe" onSubmit={(e) => void subscribe(e)}>
          <h3>{t.subscribe}</h3>
          <label>
            <span class="label">{t.url}</span>
            <input id="tb-url" type="url" required pattern="https://.*" placeholder="https://" value={url} onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <label>
            <span class="label">{t.publicKey}</span>
            <input id="tb-key" type="text" required spellcheck={false} value={key} onInput={(e) => setKey((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <div class="row">
            <button type="submit" class="primary">
              {t.subscribeButton}
            </button>
            <button type="button" onClick={() => void refresh()}>
              {t.refresh}
            </button>
          </div>
          {urlResults ? <UrlResults results={urlResults} t={t} /> : null}
        </form>
      </div>

      <ul class="pack-cards">
        {state.packs.map((p) => (
          <PackCard
            key={p.slot}
            pack={p}
            state={state}
            lang={lang}
            t={t}
            onRemove={p.source === 'file' && p.id ? () => void model.run(() => client.removeImport(p.id!)) : undefined}
            onUnsubscribe={p.source === 'url' && p.url ? () => void model.run(() => client.unsubscribe(p.url!)) : undefined}
          />
        ))}
      </ul>
    </section>
  );
}

function ImportResult({ view, t }: { view: ImportView; t: PanelStrings }) {
  const o = view.outcome;
  if (o.accepted)
    return (
      <div class="banner ok" role="status">
        <span class="banner-text">{t.imported(o.packId, t.version(o.version))}</span>
        {o.warnings.length > 0 ? <IssueList issues={o.warnings} /> : null}
      </div>
    );
  return (
    <div class="banner error import-error" role="alert">
      <div class="banner-text">
        <p>{t.importRejected(view.fileName)}</p>
        <FailureDetails failure={o.failure} t={t} />
      </div>
    </div>
  );
}

function UrlResults({ results, t }: { results: PanelUrlOutcome[]; t: PanelStrings }) {
  return (
    <ul class="url-results" role="status">
      {results.map((r) => (
        <li key={r.slot} class={r.status === 'failed' ? 'error' : 'ok'}>
          {r.status === 'failed' ? <FailureDetails failure={{ kind: r.kind, issues: r.issues, at: 0 }} t={t} /> : <span>{t.subscribed}</span>}
        </li>
      ))}
    </ul>
  );
}

function safeLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    return new URL(link).protocol === 'https:' ? link : undefined;
  } catch {
    return undefined;
  }
}

function PackCard(props: { pack: PanelPack; state: PanelState; lang: PanelLang; t: PanelStrings; onRemove?: () => void; onUnsubscribe?: () => void }) {
  const { pack: p, t, lang, state } = props;
  const href = safeLink(p.link);
  return (
    <li class={`pack-card source-${p.source}${p.active ? '' : ' inactive'}${p.error ? ' has-error' : ''}`} data-slot={p.slot} data-pack={p.id ?? ''}>
      <details open={Boolean(p.error) || p.source !== 'builtin'}>
        <summary>
          <span class="pack-name">{p.name ?? p.id ?? p.slot}</span>
          {p.version ? <span class="ver">{t.version(p.version)}</span> : null}
          <span class={`tag tag-${p.source}`}>{t.source[p.source]}</span>
          {!p.active ? <span class="tag">{t.inactive}</span> : null}
          {p.error ? (
            <span class="tag tag-error">
              {t.packError}: {t.failure[p.error.kind]}
            </span>
          ) : null}
        </summary>
        <div class="pack-body">
          {p.description ? <p class="desc">{p.description}</p> : null}
          <dl class="facts">
            {p.id ? <Fact label="ID" value={p.id} /> : null}
            {p.owner ? <Fact label={t.owner} value={p.owner} /> : null}
            {p.link ? (
              <div>
                <dt>{t.link}</dt>
                <dd>
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer">
                      {p.link}
                    </a>
                  ) : (
                    p.link
                  )}
                </dd>
              </div>
            ) : null}
            {p.url ? <Fact label="URL" value={p.url} /> : null}
            {p.fileName ? <Fact label={t.file} value={p.fileName} /> : null}
            <Fact label={t.lastUpdate} value={formatTime(p.lastUpdate, lang)} />
            {p.since ? <Fact label={t.since} value={formatTime(p.since, lang)} /> : null}
            {p.markets.length > 0 ? <Fact label={t.packMarkets} value={p.markets.map((m) => marketName(state, m, lang)).join(', ')} /> : null}
            {p.locked.length > 0 ? (
              <div>
                <dt>
                  <LockIcon /> {t.packLocked}
                </dt>
                <dd>{p.locked.join(', ')}</dd>
              </div>
            ) : null}
            {p.sendGuard ? <Fact label={t.sendGuard} value={t.guard[p.sendGuard]} /> : null}
          </dl>
          {p.error ? (
            <div class="banner error" role="note">
              <div class="banner-text">
                <FailureDetails failure={p.error} t={t} />
                <p class="muted small">{formatTime(p.error.at, lang)}</p>
              </div>
            </div>
          ) : null}
          {p.suspended && p.suspended.length > 0 ? <IssueList issues={p.suspended} /> : null}
          {p.rules.length > 0 ? (
            <>
              <h4>{t.packRules}</h4>
              <ul class="pack-rules">
                {p.rules.map((r) => (
                  <li key={r.id}>
                    <code>{r.id}</code> <span class={`lvl lvl-${r.level}`}>{t.level[r.level]}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {p.phrases.length > 0 ? (
            <>
              <h4>{t.phraseRules}</h4>
              <ul class="phrase-rules">
                {p.phrases.map((r) => (
                  <PhraseRuleView key={r.id} rule={r} lang={lang} t={t} />
                ))}
              </ul>
            </>
          ) : null}
          {props.onRemove || props.onUnsubscribe ? (
            <div class="row">
              {props.onRemove ? (
                <button type="button" class="danger" onClick={props.onRemove}>
                  {t.remove}
                </button>
              ) : null}
              {props.onUnsubscribe ? (
                <button type="button" class="danger" onClick={props.onUnsubscribe}>
                  {t.unsubscribe}
                </button>
              ) : null}
            </div>
          ) : null}
        </div>
      </details>
    </li>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function PhraseRuleView({ rule, lang, t }: { rule: PhraseRuleSummary; lang: PanelLang; t: PanelStrings }) {
  return (
    <li class="phrase-rule" data-rule={rule.id}>
      <div class="phrase-rule-head">
        <span class={`lvl lvl-${rule.level}`}>{t.level[rule.level]}</span>
        <strong>{t.ruleType[rule.type] ?? rule.type}</strong>
        {rule.max !== undefined ? <span> {rule.max}</span> : null}
        <span class="phrases">
          {rule.phrases.map((p, i) => (
            <code key={i}>{p}</code>
          ))}
        </span>
        {rule.replacement !== undefined ? (
          <span>
            {' → '}
            <code>{rule.replacement}</code>
          </span>
        ) : null}
        {rule.lang ? <span class="tag">{rule.lang}</span> : null}
      </div>
      <p class="msg">{rule.message[lang] || rule.message.en}</p>
      <div class="examples">
        {rule.examples.match.length > 0 ? (
          <div>
            <span class="ex-label">{t.mustMatch}</span>
            <ul>
              {rule.examples.match.map((x, i) => (
                <li key={i} class="ex match">
                  {x}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {rule.examples.noMatch.length > 0 ? (
          <div>
            <span class="ex-label">{t.mustNotMatch}</span>
            <ul>
              {rule.examples.noMatch.map((x, i) => (
                <li key={i} class="ex nomatch">
                  {x}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </li>
  );
}

