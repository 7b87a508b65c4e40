// Department names as clerks write them, matched to the plan's through normalising and aliases.
import { describe, expect, it } from 'vitest';
import { departmentReports, normaliseDepartmentName, resolveDepartment } from '../../shared/domain/departments';
import { planDepartments } from '../../shared/domain/plan';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';

const DEPTS = planDepartments(SEED_PLAN);

describe('resolveDepartment', () => {
  it('matches exact, normalised, built-in and user aliases; unknown is null', () => {
    expect(resolveDepartment('区住建局', DEPTS)).toBe('区住建局');
    expect(resolveDepartment(' 区住建局　', DEPTS)).toBe('区住建局');
    expect(resolveDepartment('区住房和城乡建设局', DEPTS)).toBe('区住建局');
    expect(resolveDepartment('洞头区住房和城乡建设局', DEPTS)).toBe('区住建局');
    expect(resolveDepartment('温州市洞头区民政局', DEPTS)).toBe('区民政局');
    expect(resolveDepartment('房管', DEPTS)).toBeNull();
    expect(resolveDepartment('房管', DEPTS, { 房管: '区住建局' })).toBe('区住建局');
    // A user alias pointing outside the plan does not invent a department.
    expect(resolveDepartment('水利', DEPTS, { 水利: '区水利局' })).toBeNull();
    expect(resolveDepartment('', DEPTS)).toBeNull();
  });

  it('normalises full-width letters and spaces', () => {
    expect(normaliseDepartmentName('洞头区 住建局')).toBe('区住建局');
    expect(normaliseDepartmentName('ＡＢ局')).toBe('AB局');
  });

  it('a department reports the indicators it leads or co-reports', () => {
    const estates = SEED_PLAN.indicators.find((i) => i.id === 'zyyj-04')!;
    const fund = SEED_PLAN.indicators.find((i) => i.id === 'zyyj-13')!;
    expect(departmentReports(estates, '区住建局')).toBe(true);
    expect(departmentReports(estates, '区民政局')).toBe(true);
    expect(departmentReports(fund, '区住建局')).toBe(false);
  });
});
