// What the annotated reply marks, and how: the kinds of problem and each kind's fill and label.
// Kept apart from annotate-workbook.ts (which loads ExcelJS) so the services that word the reply
// mail can use them without loading ExcelJS into the main process at start-up.

/** What kind of problem a cell has; each kind has its fill colour and its 问题清单 label. */
export type ReplyProblemKind = 'unreadable' | 'unmatched' | 'conflict' | 'miss-without-note' | 'implausible' | 'other';

/** One problem of a return, at a cell of the sender's workbook. */
export interface ReplyProblem {
  kind: ReplyProblemKind;
  /** Sheet name as in the sender's file; '' when the problem concerns the whole file. */
  sheet: string;
  /** A1 address ("E9"); '' or a column ("D:D") when no single cell holds it (listed, not marked). */
  cell: string;
  /** What is wrong and what to do, in Chinese (the comment text). */
  text: string;
}

/** Fill (ARGB) and label per kind: red for what must be corrected, amber for what must be explained. */
export const PROBLEM_STYLE: Record<ReplyProblemKind, { argb: string; label: string }> = {
  unreadable: { argb: 'FFFF9999', label: '无法读取' },
  unmatched: { argb: 'FFFFCC99', label: '未匹配指标' },
  conflict: { argb: 'FFFF99CC', label: '数值冲突' },
  'miss-without-note': { argb: 'FFFFEB9C', label: '未达标缺说明' },
  implausible: { argb: 'FFFFCC00', label: '数值存疑' },
  other: { argb: 'FFDDEBF7', label: '请核对' },
};
