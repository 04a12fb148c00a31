/** Options page: problems in the enterprise policy, and the agent's settings that do not apply (and why). */
import type { PackIssue } from '../../../policy/sources/types';

export function IssueList({ issues }: { issues: readonly PackIssue[] }) {
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

export function Issues({ title, issues, kind }: { title: string; issues: readonly PackIssue[]; kind: 'error' | 'note' }) {
  if (issues.length === 0) return null;
  return (
    <section class={`card issues-card ${kind}`} aria-label={title}>
      <h2>{title}</h2>
      <IssueList issues={issues} />
    </section>
  );
}
