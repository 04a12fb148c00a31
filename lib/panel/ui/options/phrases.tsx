/** Options page: the agent's personal phrases (flagged, with an optional one-click replacement). */
import { useState } from 'preact/hooks';
import type { PersonalPhrase } from '../../../policy/agent-settings';
import type { SectionProps } from './section';

export function PhrasesSection({ model, state, client }: SectionProps) {
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
