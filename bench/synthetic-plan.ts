// The synthetic plans the benchmarks export and import.
import type { Indicator, Plan } from '../shared/domain/plan';
import { SEED_PLAN } from '../shared/seed/zhu-you-yi-ju';

/** A synthetic plan of `n` indicators cycling through the seed's 13, with unique ids and codes. */
export function syntheticPlan(n: number): Plan {
  const indicators: Indicator[] = [];
  for (let i = 0; i < n; i += 1) {
    const base = SEED_PLAN.indicators[i % SEED_PLAN.indicators.length] as Indicator;
    indicators.push({ ...base, id: `bench-${i + 1}`, code: String(i + 1), name: `${base.name}（第${Math.floor(i / 13) + 1}组）` });
  }
  return { ...SEED_PLAN, id: `bench-${n}`, indicators };
}
