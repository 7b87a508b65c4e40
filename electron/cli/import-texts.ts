// The words of `import`'s consolidation output (departments, conflicts, --prefer, other units), on
// the one message engine; the shared import lines (summary, changes, dry run) are in cli-texts.ts.
import { defineCatalogue } from '../../shared/i18n/engine';
import type { KeyOf } from '../../shared/i18n/engine';

export const IMPORT_CLI_TEXTS = defineCatalogue(
  'cli-import',
  {
    'cli.department': '填报单位 {department}',
    'cli.unspecified': '未指定单位',
    'cli.current': '当前',
    'cli.conflict': '冲突',
    'cli.conflicts-head.one': '{count} 处冲突（文件与当前值或文件之间不一致）：',
    'cli.conflicts-head.other': '{count} 处冲突（文件与当前值或文件之间不一致）：',
    'cli.conflicts-refused': '有冲突未处理，未写入任何内容。请用 --prefer incoming（采用文件中的值；多个文件不一致时采用命令行中靠后的文件）或 --prefer current（保留当前值）指定。',
    'cli.kept-current': '{label}：保留当前值（--prefer current）',
    'cli.took-later': '{label}：文件之间不一致，按 --prefer incoming 采用命令行中靠后的文件 {file} 的值 {value}',
    'cli.took': '{label}：采用文件 {file} 的值 {value}（--prefer incoming）',
    'cli.skipped-head.one': '{count} 个数值属于其他单位的指标，未导入（加 --include-other-units 一并导入）：',
    'cli.skipped-head.other': '{count} 个数值属于其他单位的指标，未导入（加 --include-other-units 一并导入）：',
    'cli.left-out': '{file}：{unreadable}、{unmatched}，均未导入（详见上方各行）',
    'cli.n-unreadable.one': '{count} 个数值无法读取',
    'cli.n-unreadable.other': '{count} 个数值无法读取',
    'cli.n-no-indicator.one': '{count} 行未匹配到指标',
    'cli.n-no-indicator.other': '{count} 行未匹配到指标',
    'cli.bad-prefer': '--prefer 只能是 incoming（采用文件中的值）或 current（保留当前值）',
  },
  {
    'cli.department': 'department {department}',
    'cli.unspecified': 'unspecified department',
    'cli.current': 'current',
    'cli.conflict': 'conflict',
    'cli.conflicts-head.one': '{count} conflict (files disagree with the current value or with each other):',
    'cli.conflicts-head.other': '{count} conflicts (files disagree with the current value or with each other):',
    'cli.conflicts-refused': 'Conflicts are unanswered; nothing was written. Use --prefer incoming (take the files\' values; when files disagree, the later file on the command line) or --prefer current (keep the current values).',
    'cli.kept-current': '{label}: current value kept (--prefer current)',
    'cli.took-later': '{label}: files disagree; --prefer incoming takes the later file on the command line, {file}: {value}',
    'cli.took': '{label}: took {value} from {file} (--prefer incoming)',
    'cli.skipped-head.one': '{count} value belongs to another department\'s indicator and was skipped (add --include-other-units to import it):',
    'cli.skipped-head.other': '{count} values belong to other departments\' indicators and were skipped (add --include-other-units to import them):',
    'cli.left-out': '{file}: {unreadable} and {unmatched}; none of them was imported (see the lines above)',
    'cli.n-unreadable.one': '{count} value could not be read',
    'cli.n-unreadable.other': '{count} values could not be read',
    'cli.n-no-indicator.one': '{count} row matched no indicator',
    'cli.n-no-indicator.other': '{count} rows matched no indicator',
    'cli.bad-prefer': '--prefer must be incoming (take the files\' values) or current (keep the current values)',
  },
);

export type ImportCliTextKey = KeyOf<typeof IMPORT_CLI_TEXTS>;
