// The 调整原因 a plan change needs, checked once in the window for every place that asks for it: the
// plan editor (use-plan-editor.ts), the plan-table preview's revise path (use-plan-table-import.ts)
// and the 新增指标 form (new-indicator-model.ts).
// The store's checkReason (plan-edit-rules) stays the final word (it also limits the length).

/** The reason for a revision, trimmed, or null when blank (only whitespace, incl. 全角空格). */
export function revisionReason(text: string): string | null {
  const why = text.trim();
  return why === '' ? null : why;
}
