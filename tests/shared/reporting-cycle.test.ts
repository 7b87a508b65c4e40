// The reporting-cycle rule (shared/domain/reporting-cycle.ts): default deadline, transitions,
// overdue days against a fixed "today", and the submission check on the seed plan.
import { describe, expect, it } from 'vitest';
import {
  daysBetween, defaultDeadline, dueIndicators, effectiveState, isIsoDate, nextState, overdueDays, submissionProblems,
  submittedLateDays,
} from '../../shared/domain/reporting-cycle';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';

const TODAY = new Date('2026-03-15T09:00:00+08:00');

describe('deadline and overdue', () => {
  it('defaults to 31 January of the following year', () => {
    expect(defaultDeadline(2025)).toBe('2026-01-31');
  });
  it('checks calendar dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
    expect(daysBetween('2026-01-31', '2026-03-15')).toBe(43);
  });
  it('is overdue after the deadline day only when not submitted or locked', () => {
    expect(overdueDays('in-progress', '2026-01-31', '2026-01-31')).toBeNull();
    expect(overdueDays('in-progress', '2026-01-31', '2026-02-01')).toBe(1);
    expect(overdueDays('not-started', '2026-01-31', '2026-03-15')).toBe(43);
    expect(overdueDays('returned', '2026-01-31', '2026-03-15')).toBe(43);
    expect(overdueDays('submitted', '2026-01-31', '2026-03-15')).toBeNull();
    expect(overdueDays('locked', '2026-01-31', '2026-03-15')).toBeNull();
  });
  it('a standing submission after the deadline day is late by whole days; on the day, or not submitted, it is not', () => {
    expect(submittedLateDays('submitted', '2026-01-31', '2026-01-31')).toBeNull();
    expect(submittedLateDays('submitted', '2026-01-31', '2026-02-03')).toBe(3);
    expect(submittedLateDays('submitted', '2026-01-31', '2026-01-20')).toBeNull();
    expect(submittedLateDays('submitted', '2026-01-31', null)).toBeNull();
    // Sent back or locked: no standing submission to call late (a lock is the office's closing).
    expect(submittedLateDays('returned', '2026-01-31', '2026-02-03')).toBeNull();
    expect(submittedLateDays('locked', '2026-01-31', '2026-02-03')).toBeNull();
  });
});

describe('states and transitions', () => {
  it('derives 未填报 / 填报中 from entries; a year lock overrides', () => {
    expect(effectiveState(null, false, false)).toBe('not-started');
    expect(effectiveState('open', true, false)).toBe('in-progress');
    expect(effectiveState('submitted', true, false)).toBe('submitted');
    expect(effectiveState('returned', true, false)).toBe('returned');
    expect(effectiveState('submitted', true, true)).toBe('locked');
  });
  it('allows submit from open/returned, send-back from submitted, lock from any unlocked, unlock back to before', () => {
    expect(nextState('open', 'submit')).toBe('submitted');
    expect(nextState('returned', 'submit')).toBe('submitted');
    expect(nextState('submitted', 'submit')).toBeNull();
    expect(nextState('submitted', 'send-back')).toBe('returned');
    expect(nextState('open', 'send-back')).toBeNull();
    expect(nextState('open', 'lock')).toBe('locked');
    expect(nextState('locked', 'lock')).toBeNull();
    expect(nextState('locked', 'unlock', 'submitted')).toBe('submitted');
    expect(nextState('submitted', 'unlock')).toBeNull();
  });
});

describe('the submission check', () => {
  const dept = '市住房公积金洞头分中心';
  it('lists the due cells of the department: those it leads with a numeric target', () => {
    expect(dueIndicators(SEED_PLAN, dept, 2025).map((i) => i.id)).toEqual(['zyyj-13']);
    // 未来社区 has "/" for 2027: not due.
    expect(dueIndicators(SEED_PLAN, '区住建局', 2027).map((i) => i.id)).not.toContain('zyyj-06');
  });
  it('refuses an empty due cell and a miss without a note; a note or the relaxed rule lets it through', () => {
    const cells = new Map<string, { value: number | null; note: string | null }>();
    const of = (id: string, y: number) => cells.get(`${id}|${y}`);
    expect(submissionProblems(SEED_PLAN, dept, 2025, of, TODAY)).toEqual([{ indicatorId: 'zyyj-13', code: '13', name: '住房公积金年末实缴职工人数', year: 2025, kind: 'empty' }]);
    cells.set('zyyj-13|2025', { value: 15000, note: null }); // target 15460: missed
    expect(submissionProblems(SEED_PLAN, dept, 2025, of, TODAY).map((p) => p.kind)).toEqual(['missed-without-note']);
    expect(submissionProblems(SEED_PLAN, dept, 2025, of, TODAY, { missNoteRequired: false })).toEqual([]);
    cells.set('zyyj-13|2025', { value: 15000, note: '  ' });
    expect(submissionProblems(SEED_PLAN, dept, 2025, of, TODAY)).toHaveLength(1);
    cells.set('zyyj-13|2025', { value: 15000, note: '企业缴存户减少' });
    expect(submissionProblems(SEED_PLAN, dept, 2025, of, TODAY)).toEqual([]);
    cells.set('zyyj-13|2025', { value: 16000, note: null });
    expect(submissionProblems(SEED_PLAN, dept, 2025, of, TODAY)).toEqual([]);
  });
});
