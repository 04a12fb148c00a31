/**
 * The toolbar popup: the reader's market (one click, remembered in storage.sync by the background and
 * applied to open compose boxes at once), coaching on/off everywhere and for the active tab's site,
 * the status of the compose box the agent last worked in there, the active packs, and what an admin
 * locked (disabled controls that say who locked them).
 */
import { useEffect } from 'preact/hooks';
import type { FindingKind } from '../../engine/types';
import type { LockInfo } from '../../policy/agent-settings';
import type { PanelClient } from '../client';
import type { BoxStatus, PanelState } from '../../contract/panel';
import { FailureBanner, LockIcon, LockNote, lockText, marketName, Switch, usePanel } from './common';
import type { PanelLang, PanelStrings } from './strings';

export interface PopupProps {
  client: PanelClient;
  /** The active tab (its site switch and compose box); absent when there is none. */
  tabId?: number;
  fallbackLang: PanelLang;
  openOptions(): void;
  /** How often to refresh the box status while open (ms); 0 = never. */
  refreshMs?: number;
}

export function Popup(props: PopupProps) {
  const model = usePanel(props.client, { tabId: props.tabId, fallbackLang: props.fallbackLang, refreshMs: props.refreshMs ?? 1500 });
  const { state, t, lang, failure } = model;
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <main class="popup" lang={lang} aria-busy={model.busy}>
      <header class="top">
        <h1 class="brand">
          <span class="logo" aria-hidden="true">
            T
          </span>
          {t.brand}
        </h1>
        {state ? <GlobalSwitch state={state} t={t} onToggle={(on) => void model.run(() => props.client.settings({ enabled: on }))} /> : null}
      </header>
      <FailureBanner failure={failure} t={t} onClose={model.clearFailure} />
      {!state ? (
        <p class="muted" role="status">
          {failure ? (
            <button type="button" onClick={() => void model.reload()}>
              {t.retry}
            </button>
          ) : (
            t.loading
          )}
        </p>
      ) : (
        <>
          <SiteRow state={state} t={t} onToggle={(host, on) => void model.run(() => props.client.settings({ sites: { [host]: on ? null : false } }))} />
          <MarketPicker state={state} t={t} lang={lang} busy={model.busy} onPick={(market) => void model.run(() => props.client.settings({ market }))} />
          <BoxSection box={state.box} state={state} t={t} lang={lang} />
          <PacksSection state={state} t={t} />
          <LocksSection state={state} t={t} />
          <footer class="bottom">
            <button type="button" class="link" onClick={props.openOptions}>
              {t.openOptions}
            </button>
          </footer>
        </>
      )}
    </main>
  );
}

/** Coaching on or off everywhere; a pack that locks `enabled` keeps it on (disabled switch naming the pack). */
function GlobalSwitch({ state, t, onToggle }: { state: PanelState; t: PanelStrings; onToggle(on: boolean): void }) {
  const lock: LockInfo | undefined = state.effective.locks.enabled;
  return (
    <div class="global">
      <Switch id="tb-enabled" checked={state.effective.enabled} disabled={Boolean(lock)} describedBy={lock ? 'tb-enabled-lock' : undefined} onChange={onToggle}>
        <span class="sr-only">{t.coaching}: </span>
        {state.effective.enabled ? t.onEverywhere : t.offEverywhere}
      </Switch>
      {lock ? <LockNote lock={lock} t={t} id="tb-enabled-lock" /> : null}
    </div>
  );
}

function SiteRow({ state, t, onToggle }: { state: PanelState; t: PanelStrings; onToggle(host: string, on: boolean): void }) {
  const site = state.site;
  if (!site) return null;
  if (!site.supported)
    return (
      <p class="site muted" data-site={site.host}>
        {t.siteNotSupported(site.host)}
      </p>
    );
  // The effective switch: a pack that locks `sites` keeps every site on, whatever the agent stored.
  const own = state.effective.sites[site.host] ?? true;
  const global = state.effective.enabled;
  const lock: LockInfo | undefined = state.effective.locks.sites;
  return (
    <section class="site" data-site={site.host}>
      <Switch
        id="tb-site"
        checked={own && global}
        disabled={!global || Boolean(lock)}
        describedBy={lock ? 'tb-site-lock' : global ? undefined : 'tb-site-note'}
        onChange={(on) => onToggle(site.host, on)}
      >
        {t.site(site.host)}
      </Switch>
      {lock ? (
        <LockNote lock={lock} t={t} id="tb-site-lock" />
      ) : !global ? (
        <span id="tb-site-note" class="muted small">
          {t.siteOffBecauseGlobal}
        </span>
      ) : null}
    </section>
  );
}

function MarketPicker(props: { state: PanelState; t: PanelStrings; lang: PanelLang; busy: boolean; onPick(market: string): void }) {
  const { state, t, lang } = props;
  const lock: LockInfo | undefined = state.effective.locks.market;
  const current = state.effective.market;
  const choices = [{ id: 'auto', label: t.auto, title: t.autoHint }, ...state.markets.map((m) => ({ id: m.id, label: marketName(state, m.id, lang), title: m.id }))];
  return (
    <section class="market" aria-labelledby="tb-market-h">
      <h2 id="tb-market-h">{t.market}</h2>
      <div class="segmented" role="group" aria-labelledby="tb-market-h" aria-describedby={lock ? 'tb-market-lock' : undefined}>
        {choices.map((c) => (
          <button
            type="button"
            key={c.id}
            data-market={c.id}
            aria-pressed={current === c.id}
            title={lock ? lockText(t, lock) : c.title}
            disabled={Boolean(lock)}
            onClick={() => current !== c.id && props.onPick(c.id)}
          >
            {c.label}
          </button>
        ))}
      </div>
      {lock ? <LockNote lock={lock} t={t} id="tb-market-lock" /> : <p class="muted small">{current === 'auto' ? t.autoHint : t.marketHint}</p>}
    </section>
  );
}

const SCORE_KEYS = ['formality', 'politeness', 'warmth'] as const;

function BoxSection({ box, state, t, lang }: { box: BoxStatus | undefined; state: PanelState; t: PanelStrings; lang: PanelLang }) {
  return (
    <section class="box" aria-labelledby="tb-box-h">
      <h2 id="tb-box-h">{t.box}</h2>
      {!box ? (
        <p class="muted small">{t.noBox}</p>
      ) : (
        <div class="box-body" data-box-market={box.market.id}>
          <p class="box-line">
            <strong>{t.boxMarket(marketName(state, box.market.id, lang) || box.market.name)}</strong>
            <span class="muted"> · {t.marketSource[box.market.source] ?? box.market.source}</span>
          </p>
          <p class="box-count" data-findings={box.findings.total}>
            {t.suggestions(box.findings.total)}
          </p>
          {box.findings.total > 0 ? (
            <ul class="chips" aria-label={t.suggestions(box.findings.total)}>
              {(Object.entries(box.findings.byKind) as [FindingKind, number][]).map(([kind, n]) => (
                <li key={kind} class={`chip kind-${kind}`} data-kind={kind}>
                  {t.kind[kind]} <span class="n">{n}</span>
                </li>
              ))}
            </ul>
          ) : null}
          <dl class="scores">
            {SCORE_KEYS.filter((k) => box.scores[k] !== undefined).map((k) => {
              const pct = Math.round((box.scores[k] ?? 0) * 100);
              return (
                <div key={k} class="score">
                  <dt>{t.scores[k]}</dt>
                  <dd>
                    <span class="meter" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={t.scores[k]}>
                      <span class="fill" style={{ width: `${pct}%` }} />
                    </span>
                    <span class="pct">{pct}%</span>
                  </dd>
                </div>
              );
            })}
          </dl>
        </div>
      )}
    </section>
  );
}

function PacksSection({ state, t }: { state: PanelState; t: PanelStrings }) {
  const packs = state.packs.filter((p) => p.id && (p.active || p.error));
  return (
    <section class="packs" aria-labelledby="tb-packs-h">
      <h2 id="tb-packs-h">{t.activePacks}</h2>
      <ul class="pack-list">
        {packs.map((p) => (
          <li key={p.slot} class={`pack source-${p.source}${p.active ? '' : ' inactive'}`} data-pack={p.id}>
            <span class="pack-name">{p.name ?? p.id}</span>
            <span class="pack-meta">
              <span class={`tag tag-${p.source}`}>{t.source[p.source]}</span>
              {p.version ? <span class="ver">{t.version(p.version)}</span> : null}
              {p.error ? (
                <span class="warn-dot" title={`${t.packError}: ${t.failure[p.error.kind]}`}>
                  !<span class="sr-only">{t.packError}</span>
                </span>
              ) : null}
              {!p.active ? <span class="muted small">{t.inactive}</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

const LOCK_KEY_LABEL = (t: PanelStrings, key: string): string =>
  key === 'market' ? t.market : key === 'sendGuard' ? t.sendGuard : key === 'uiLang' ? t.uiLang : key === 'agentName' ? t.agentName : key === 'enabled' ? t.coaching : key === 'sites' ? t.sites : key === 'rules.*' ? t.rules : key.slice('rules.'.length);

function LocksSection({ state, t }: { state: PanelState; t: PanelStrings }) {
  // Rule locks come expanded (one per rule): show each lock entry once, by the key the pack wrote.
  const entries = new Map<string, LockInfo>();
  for (const lock of Object.values(state.effective.locks)) entries.set(`${lock.packId}\u0000${lock.key}`, lock);
  if (entries.size === 0) return null;
  return (
    <section class="locks" aria-labelledby="tb-locks-h">
      <h2 id="tb-locks-h">
        <LockIcon /> {t.locks}
      </h2>
      <ul>
        {[...entries.values()].map((lock) => (
          <li key={`${lock.packId}:${lock.key}`} data-lock={lock.key}>
            <strong>{LOCK_KEY_LABEL(t, lock.key)}</strong>
            <span class="muted"> — {lockText(t, lock)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
