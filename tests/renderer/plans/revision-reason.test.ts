// The 调整原因 check is one renderer helper (revision-reason.ts) for the plan editor, the
// plan-table preview and the 新增指标 form: blank (spaces, 全角空格, tabs, newlines) is no reason, text is trimmed; and
// no other module under renderer/src/plans writes its own blank-reason check.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { revisionReason } from '../../../renderer/src/plans/revision-reason';

const PLANS = join(__dirname, '../../../renderer/src/plans');

describe('revisionReason', () => {
  it('is null for blank text of any whitespace and the trimmed text otherwise', () => {
    for (const blank of ['', ' ', '\u3000\u3000', '\t\n ']) expect(revisionReason(blank)).toBeNull();
    expect(revisionReason('\u3000区政府常务会议调整 \n')).toBe('区政府常务会议调整');
  });

  it('is the only blank-reason check in the window: the editor, the preview and the 新增指标 form all call it', () => {
    const sources = readdirSync(PLANS).filter((f) => /\.tsx?$/.test(f) && f !== 'revision-reason.ts');
    const ownChecks = sources.filter((f) => /reason\)?\.trim\(\)|'reason'\] as const/i.test(readFileSync(join(PLANS, f), 'utf8')));
    expect(ownChecks).toEqual([]);
    for (const user of ['use-plan-editor.ts', 'use-plan-table-import.ts', 'new-indicator-model.ts']) expect(readFileSync(join(PLANS, user), 'utf8')).toContain('revisionReason(');
  });
});
