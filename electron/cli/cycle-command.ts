// The reporting-cycle commands (docs/ARCHITECTURE.md §Reporting cycle), on the same service as the
// window (services/reporting-service.ts):
//   submit    --year Y --department D                 提交 (refused with the cells to fix)
//   send-back --year Y --department D --reason R      退回修改 (reason required)
//   lock      --year Y [--department D] [--reason R]  锁定 (no --department: the whole year)
//   unlock    --year Y [--department D] --reason R    解锁 (reason required)
//   deadline  --year Y [--set YYYY-MM-DD]             show or set the reporting deadline
//   miss-note [--set required|optional]               show or set whether a miss needs a 说明
// Each takes [--plan ID] [--db PATH] [--json]. Exit codes (args.ts EXIT): 0 done; 2 refused or bad
// input — an unknown department or year, a missing reason, a transition the rule forbids —
// with nothing written and one zh / en line on stderr.
import type { Params } from '../../shared/i18n/engine';
import { render } from '../../shared/i18n/engine';
import type { Lang } from '../../shared/i18n/lang';
import { cycleText, overdueWords, scopeWords } from '../../shared/i18n/cycle-messages';
import { planOption } from './plan-option';
import type { CycleAction } from '../../shared/domain/reporting-cycle';
import type { Services } from '../services/create-services';
import { readSettings } from '../services/create-services';
import type { DepartmentYearState } from '../services/reporting-service';
import { changeState, checked, missNoteRequired, setDeadline, setMissNoteRequired } from '../services/reporting-service';
import type { ExitCode, OptionValues } from './args';
import { EXIT, UsageError, flag, requireChoice, stringOption, yearOption } from './args';
import type { CycleCliTextKey } from './cycle-texts';
import { CYCLE_CLI_TEXTS } from './cycle-texts';

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };

/** The commands this module runs (rows of args.ts COMMANDS). */
export const CYCLE_COMMANDS = ['submit', 'send-back', 'lock', 'unlock', 'deadline', 'miss-note'] as const;
export type CycleCommand = (typeof CYCLE_COMMANDS)[number];

/** One line: 市住房公积金洞头分中心 2025 年度：已提交（截止 2026-01-31，逾期 3 天）. */
export function stateLine(lang: Lang, s: DepartmentYearState): string {
  const overdue = s.overdueDays === null ? '' : `${lang === 'zh' ? '，' : ', '}${overdueWords(lang, s.overdueDays)}`;
  return render(CYCLE_CLI_TEXTS, lang, 'cli.state-line', { scope: scopeWords(s.year, s.department)[lang], state: cycleText(lang, `state.${s.state}`), deadline: s.deadline, overdue });
}

/**
 * Run one cycle command on `services` (whose clock is --today) and return the exit code. Refusals
 * are thrown (ApiFailure / UsageError) for main.ts to print; nothing is written then.
 */
export function runCycleCommand(command: CycleCommand, values: OptionValues, services: Services, out: Out, lang: Lang, now: () => Date): ExitCode {
  const say = (key: CycleCliTextKey, params: Params = {}): string => render(CYCLE_CLI_TEXTS, lang, key, params);
  // --plan: an id or a name, default the only or embedded plan — the one rule of plan-option.ts.
  const planId = planOption(values, services.store.plans.listPlans());
  const store = services.store;
  const ctx = { who: readSettings(store).clerkName.trim() || 'cli', at: now().toISOString() };
  const json = flag(values, 'json');
  if (command === 'miss-note') {
    const set = stringOption(values, 'set');
    if (set !== null) setMissNoteRequired(store, planId, requireChoice('--set', set, ['required', 'optional']) === 'required', ctx);
    const required = missNoteRequired(store, planId);
    out.stdout(json ? JSON.stringify({ planId, missNoteRequired: required }) : say('cli.miss-note', { rule: say(required ? 'cli.miss-note-required' : 'cli.miss-note-optional') }));
    return EXIT.ok;
  }
  const year = yearOption(values, true) as number;
  if (command === 'deadline') {
    const set = stringOption(values, 'set');
    // setDeadline checks the year (error.unknown-year); a read checks it the same way.
    if (set !== null) setDeadline(store, planId, year, set, ctx);
    else checked(store, planId, year, null);
    const d = store.reporting.deadline(planId, year);
    out.stdout(json ? JSON.stringify({ planId, year, ...d }) : say('cli.deadline', { year, deadline: d.deadline, isDefault: d.isDefault ? say('cli.deadline-default') : '' }));
    return EXIT.ok;
  }
  const department = stringOption(values, 'department');
  if (department !== null && department.trim() === '') throw new UsageError('--department 不能为空 / --department must not be empty');
  const action: CycleAction = command;
  const after = changeState(store, { planId, year, department, action, reason: stringOption(values, 'reason') }, ctx, now());
  if (after === null) {
    out.stdout(json ? JSON.stringify({ planId, year, department: null, state: action === 'lock' ? 'locked' : 'open' }) : say(action === 'lock' ? 'cli.year-locked' : 'cli.year-unlocked', { year }));
  } else {
    out.stdout(json ? JSON.stringify(after) : stateLine(lang, after));
  }
  return EXIT.ok;
}
