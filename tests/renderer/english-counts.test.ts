// The counted messages of the window in English, one and many: the footer's indicator count, the
// history's import line, the progress summary, the grid's save states, the overview's days and
// reminders, the reporting bar's overdue days, the plausible-value question. Chinese has one form.
import { describe, expect, it } from 'vitest';
import { summaryText } from '../../renderer/src/components/progress-model';
import { gridCount } from '../../renderer/src/grid/grid-messages';
import { tCount } from '../../renderer/src/i18n/catalogue';
import { cyCount } from '../../renderer/src/i18n/overview-messages';
import { overdueWords } from '../../shared/i18n/cycle-messages';
import { PLAUSIBLE_MESSAGES } from '../../shared/domain/plausible';
import { renderCount } from '../../shared/i18n/engine';

describe('English counts in the window', () => {
  it('footer and history: "1 indicator" / "13 indicators", "a.xlsx: 1 change" / "a.xlsx, b.xlsx: 2 changes"', () => {
    expect(tCount('en', 'grid.count', 1)).toBe('1 indicator');
    expect(tCount('en', 'grid.count', 13)).toBe('13 indicators');
    expect(tCount('zh', 'grid.count', 1)).toBe('共 1 项指标');
    expect(tCount('en', 'history.import-line', 1, { files: 'a.xlsx' })).toBe('a.xlsx: 1 change');
    expect(tCount('en', 'history.import-line', 2, { files: 'a.xlsx, b.xlsx' })).toBe('a.xlsx, b.xlsx: 2 changes');
    expect(tCount('zh', 'history.import-line', 1, { files: 'a.xlsx' })).toBe('a.xlsx：1 处修改');
  });

  it('progress summary of one indicator', () => {
    expect(summaryText('en', [{ outlook: 'ahead' }])).toBe('1 indicator: 1 ahead, 0 on track, 0 behind, 0 at risk, 0 no data');
    expect(summaryText('zh', [{ outlook: 'ahead' }])).toBe('1 项指标：超前 1，正常 0，滞后 0，有风险 0，无数据 0');
  });

  it('grid save states without "(s)"', () => {
    expect(gridCount('en', 'state.refused', 1, { reason: 'x' })).toBe('1 cell not saved: x');
    expect(gridCount('en', 'state.refused', 2, { reason: 'x' })).toBe('2 cells not saved: x');
    expect(gridCount('en', 'state.discarded', 1)).toBe('Discarded 1 unsaved entry');
    expect(gridCount('en', 'state.discarded', 3)).toBe('Discarded 3 unsaved entries');
    expect(gridCount('en', 'state.undone', 1)).toBe('Undid 1 cell');
    expect(gridCount('en', 'state.redone', 4)).toBe('Redid 4 cells');
    expect(gridCount('en', 'state.paste.clipped', 1, { clipped: 2 })).toBe('Pasted 1 cell; 2 fell outside the table and were ignored');
    expect(gridCount('en', 'state.unsaved', 1, { reason: 'x' })).toMatch(/^1 cell not saved; your entry is kept/);
    expect(gridCount('zh', 'state.undone', 1)).toBe('已撤销 1 个单元格');
  });

  it('overview, reporting bar and the plausible-value question', () => {
    expect(cyCount('en', 'overview.overdue-days', 1, { days: 1 })).toBe('1 day overdue');
    expect(cyCount('en', 'overview.late-days', 2, { days: 2 })).toBe('submitted 2 days late');
    expect(cyCount('en', 'overview.reminded', 1)).toBe('1 reminder drafted');
    expect(cyCount('en', 'reply.done', 1, { name: 'r.xlsx' })).toBe('Annotated reply "r.xlsx" drafted (1 problem)');
    expect(overdueWords('en', 1)).toBe('1 day overdue');
    expect(overdueWords('en', 43)).toBe('43 days overdue');
    expect(overdueWords('zh', 1)).toBe('逾期 1 天');
    expect(renderCount(PLAUSIBLE_MESSAGES, 'en', 'plausible.confirm.body', 1)).toMatch(/^The 1 value below is outside/);
    expect(renderCount(PLAUSIBLE_MESSAGES, 'en', 'plausible.confirm.body', 2)).toMatch(/^The 2 values below are outside/);
  });
});
