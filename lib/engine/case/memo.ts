/**
 * Per-sentence memo for the case readers. A sentence's reading depends only on its analysis (cached by
 * the engine under the sentence's text, so the same object comes back while the sentence is unchanged)
 * and a few options (role, agent's surname …). Keyed weakly by the analysis, a reading lives exactly as
 * long as the engine keeps the sentence: one keystroke re-reads one sentence, not the whole draft.
 */
export class SentenceMemo<A extends object, R> {
  private readonly byAnalysis = new WeakMap<A, Map<string, R>>();

  get(analysis: A, key: string, read: () => R): R {
    let entries = this.byAnalysis.get(analysis);
    if (!entries) {
      entries = new Map();
      this.byAnalysis.set(analysis, entries);
    }
    let value = entries.get(key);
    if (value === undefined) {
      value = read();
      entries.set(key, value);
    }
    return value;
  }
}
