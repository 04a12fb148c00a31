/**
 * Findings in the formats CI systems annotate: SARIF 2.1.0 (GitHub code scanning, GitLab, Azure DevOps,
 * most IDEs) and GitHub Actions workflow commands (`::warning file=…,line=…::message`).
 *
 * Lines and columns are 1-based. A finding in a macro from a JSON export points at the JSON file with the
 * macro's title in the message (and as a SARIF logical location): its line in the macro's text is not a
 * line of the file.
 */
import type { RenderedFinding } from './rendered';

export interface CheckedReply {
  name: string;
  file: string;
  title?: string;
  findings: RenderedFinding[];
}

const SARIF_LEVEL = { block: 'error', warn: 'warning', info: 'note' } as const;

/** End line and column (1-based, exclusive column as SARIF wants) of a finding's span. */
function endOf(text: string, finding: RenderedFinding): { endLine: number; endColumn: number } {
  let line = finding.line;
  let column = finding.column;
  for (const ch of text.slice(finding.start, finding.end)) {
    if (ch === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return { endLine: line, endColumn: column };
}

function uri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

export function toSarif(replies: readonly (CheckedReply & { text: string })[], version: string): object {
  const rules = new Map<string, string>();
  const results = replies.flatMap((reply) =>
    reply.findings.map((f) => {
      if (!rules.has(f.ruleId)) rules.set(f.ruleId, f.kind);
      const physicalLocation = {
        artifactLocation: { uri: uri(reply.file) },
        ...(reply.title === undefined ? { region: { startLine: f.line, startColumn: f.column, ...endOf(reply.text, f) } } : {}),
      };
      return {
        ruleId: f.ruleId,
        level: SARIF_LEVEL[f.level],
        message: { text: `${reply.title !== undefined ? `Macro "${reply.title}" (line ${f.line}): ` : ''}${f.message} ${f.reason}` },
        locations: [
          {
            physicalLocation,
            ...(reply.title !== undefined ? { logicalLocations: [{ name: reply.title, kind: 'object' }] } : {}),
          },
        ],
        ...(f.fixes.length > 0 ? { properties: { fixes: f.fixes.map((x) => x.label) } } : {}),
      };
    }),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tonebridge',
            version,
            rules: [...rules].map(([id, kind]) => ({ id, properties: { kind } })),
          },
        },
        results,
      },
    ],
  };
}

/** GitHub's workflow-command escaping: data escapes %, CR, LF; properties also `:` and `,`. */
const escapeData = (s: string) => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (s: string) => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

const GITHUB_LEVEL = { block: 'error', warn: 'warning', info: 'notice' } as const;

export function toGithubAnnotations(replies: readonly (CheckedReply & { text: string })[]): string {
  const lines: string[] = [];
  for (const reply of replies) {
    for (const f of reply.findings) {
      const props = [`file=${escapeProperty(reply.file)}`];
      if (reply.title === undefined) {
        const end = endOf(reply.text, f);
        props.push(`line=${f.line}`, `col=${f.column}`, `endLine=${end.endLine}`);
        if (end.endLine === f.line) props.push(`endColumn=${end.endColumn}`);
      }
      props.push(`title=${escapeProperty(`tonebridge ${f.ruleId}`)}`);
      const where = reply.title !== undefined ? `Macro "${reply.title}" (line ${f.line}): ` : '';
      lines.push(`::${GITHUB_LEVEL[f.level]} ${props.join(',')}::${escapeData(`${where}${f.message} ${f.reason}`)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
