// Which of an import preview's issues are listed as issues, one rule for the window and the command
// line (docs/ARCHITECTURE.md §The import preview: each fact once): a fact the preview lists in a section of its
// own is shown there only, never a second time among the issues. The preview still carries every
// issue (scripts reading `import --json`, the annotated reply's problem list).
import type { ImportIssue } from './contract';

/**
 * Issue keys whose fact has its own list in the preview: a row matching no indicator is in
 * `unmatched` (未能对应到指标的行 / the CLI's "unmatched row" lines).
 */
export const ISSUES_LISTED_APART: ReadonlySet<string> = new Set(['import.unmatched-row']);

/** The issues to list under 问题/issues: every issue but those listed apart (see above), in order. */
export function issuesToList(preview: { issues: readonly ImportIssue[] }): ImportIssue[] {
  return preview.issues.filter((i) => !ISSUES_LISTED_APART.has(i.message.key));
}
