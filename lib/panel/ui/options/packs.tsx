/**
 * Options page: importing a pack file, subscribing to a signed pack URL, and every pack with its rules,
 * phrase rules and examples, source, version, last update and any error. Pack texts are untrusted:
 * rendered as text only, links only when they are https.
 */
import { useState } from 'preact/hooks';
import type { PackFailure } from '../../../policy/sources/types';
import { decodePackBytes } from '../../../policy/validate';
import type { PanelImportOutcome, PanelPack, PanelState, PanelUrlOutcome, PhraseRuleSummary } from '../../../contract/panel';
import { LockIcon, marketName } from '../common';
import { formatTime, type PanelLang, type PanelStrings } from '../strings';
import { IssueList } from './issues';
import type { SectionProps } from './section';

type ImportView = { fileName: string; outcome: PanelImportOutcome };

function FailureDetails({ failure, t }: { failure: PackFailure; t: PanelStrings }) {
  return (
    <div class="failure">
      <strong>{t.failure[failure.kind]}</strong>
      <IssueList issues={failure.issues} />
    </div>
  );
}

export function PacksSection({ model, state, client, lang, t }: SectionProps & { lang: PanelLang; t: PanelStrings }) {
  const [imported, setImported] = useState<ImportView>();
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const [urlResults, setUrlResults] = useState<PanelUrlOutcome[]>();

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    // Strict UTF-8, as the CLI and signed URLs read packs: a file in another encoding is refused with the
    // reason, never imported with its text turned into replacement characters.
    const decoded = decodePackBytes(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) {
      setImported({ fileName: file.name, outcome: { accepted: false, failure: { kind: 'validation', issues: decoded.errors, at: Date.now() } } });
      input.value = '';
      return;
    }
    const text = decoded.text;
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
