/** Options page: the agent's own settings — display name, UI language, market, the send check (locks shown with the pack). */
import { useState } from 'preact/hooks';
import type { UiLang } from '../../../policy/agent-settings';
import { LockNote, Switch } from '../common';
import type { SectionProps } from './section';

export function AgentSection({ model, state, client }: SectionProps) {
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
