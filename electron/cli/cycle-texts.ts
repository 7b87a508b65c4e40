// The words of the reporting-cycle commands (submit, send-back, lock, unlock, deadline, miss-note),
// on the one message engine; state names and refusals come from shared/i18n/cycle-messages.ts.
import { defineCatalogue } from '../../shared/i18n/engine';
import type { KeyOf } from '../../shared/i18n/engine';

export const CYCLE_CLI_TEXTS = defineCatalogue(
  'cli-cycle',
  {
    'cli.state-line': '{scope}：{state}（截止 {deadline}{overdue}）',
    'cli.year-locked': '{year} 年度已整体锁定（全部单位）',
    'cli.year-unlocked': '{year} 年度已解除整体锁定',
    'cli.deadline': '{year} 年度报送截止日期：{deadline}{isDefault}',
    'cli.deadline-default': '（默认）',
    'cli.miss-note': '未达标指标提交时{rule}填写说明',
    'cli.miss-note-required': '必须',
    'cli.miss-note-optional': '不必',
  },
  {
    'cli.state-line': '{scope}: {state} (deadline {deadline}{overdue})',
    'cli.year-locked': 'The year {year} is locked (all departments)',
    'cli.year-unlocked': 'The year {year} is unlocked',
    'cli.deadline': 'Reporting deadline of {year}: {deadline}{isDefault}',
    'cli.deadline-default': ' (default)',
    'cli.miss-note': 'A missed target {rule} a note to be submitted',
    'cli.miss-note-required': 'needs',
    'cli.miss-note-optional': 'does not need',
  },
);

export type CycleCliTextKey = KeyOf<typeof CYCLE_CLI_TEXTS>;
