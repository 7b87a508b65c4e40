// Departments of a return: matching the names clerks write (short and full names, with or without
// the district prefix) to the plan's department names through aliases, and which indicators a
// department reports. Pure; the aliases themselves are kept in settings (docs/ARCHITECTURE.md §Consolidation).
import type { Indicator } from './plan';

/** Shown for a return whose department cannot be found; it is still imported, with a warning. */
export const UNSPECIFIED_DEPARTMENT = '未指定单位';

/**
 * Built-in aliases (full name → the plan's short name), merged under the user's own. Keys are
 * compared after normaliseDepartmentName, so "洞头区住房和城乡建设局" also matches.
 */
export const DEFAULT_DEPARTMENT_ALIASES: Readonly<Record<string, string>> = {
  区住房和城乡建设局: '区住建局',
  区发展和改革局: '区发改局',
  区经济和信息化局: '区经信局',
  区市场监督管理局: '区市场监管局',
  区综合行政执法局: '区综合执法局',
  区人力资源和社会保障局: '区人力社保局',
  区卫生健康局: '区卫生健康局',
  区卫健局: '区卫生健康局',
  自然资源和规划局洞头分局: '自然资源和规划分局',
  温州市自然资源和规划局洞头分局: '自然资源和规划分局',
  温州市住房公积金管理中心洞头分中心: '市住房公积金洞头分中心',
  公积金洞头分中心: '市住房公积金洞头分中心',
};

/** Half-width, no spaces, and "(温州市)洞头区…" written as "区…", so spellings of one name compare equal. */
export function normaliseDepartmentName(name: string): string {
  const half = name.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
  return half.replace(/\s+/g, '').replace(/^(温州市)?洞头区/, '区');
}

/**
 * The plan department a written name stands for: an exact or normalised match of a department,
 * else an alias (user aliases first, then the built-in ones). Null when nothing matches.
 */
export function resolveDepartment(name: string, departments: readonly string[], aliases: Readonly<Record<string, string>> = {}): string | null {
  const wanted = normaliseDepartmentName(name);
  if (wanted === '') return null;
  const byName = new Map(departments.map((d) => [normaliseDepartmentName(d), d]));
  const direct = byName.get(wanted);
  if (direct) return direct;
  for (const table of [aliases, DEFAULT_DEPARTMENT_ALIASES]) {
    for (const [alias, target] of Object.entries(table)) {
      if (normaliseDepartmentName(alias) !== wanted) continue;
      const hit = byName.get(normaliseDepartmentName(target));
      if (hit) return hit;
    }
  }
  return null;
}

/** True when the department leads or co-reports the indicator (its values are its own to give). */
export function departmentReports(indicator: Pick<Indicator, 'leadUnit' | 'coUnits'>, department: string): boolean {
  return indicator.leadUnit === department || indicator.coUnits.includes(department);
}
