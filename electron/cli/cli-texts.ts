// The command line's own words in Chinese and English, rendered by the one message engine
// (docs/ARCHITECTURE.md §Message engine). Layout (indentation, separators) stays in main.ts.
import { defineCatalogue } from '../../shared/i18n/engine';
import type { KeyOf } from '../../shared/i18n/engine';

export const CLI_TEXTS = defineCatalogue(
  'cli',
  {
    'cli.no-such-file': '找不到文件：{path}',
    'cli.not-a-file': '不是文件：{path}',
    'cli.kind-plan': '规划目标表',
    'cli.kind-return': '填报表',
    'cli.inspect-summary': '{file}: {format}, {kind}, 单位 {department}, 年度 {years}',
    'cli.unmatched-mark': '[未匹配] ',
    'cli.severity-error': '错误',
    'cli.severity-warning': '提示',
    'cli.reading': '[{index}/{total}] 读取 {name}',
    'cli.preview-summary': '{changes} 处修改，{unchanged} 处相同，{targetDiffs} 处目标与规划不同，{unmatched} 行未匹配，{issues} 个问题',
    'cli.field-actual': '实际值',
    'cli.field-note': '说明',
    'cli.target-differs': '目标不同（未采用） {code} {year}: 规划 {planTarget}, 文件 {fileTarget}',
    'cli.unmatched-row': '未匹配的行',
    'cli.unreadable': '无法读取',
    'cli.dry-run-done': '预览完毕，未写入数据库（去掉 --dry-run 即导入）。',
    'cli.imported': '已导入：第 {id} 次导入，共 {count} 处修改。',
    'cli.exported': '已导出：{path}',
    'cli.status-title': '{year} 年度指标状态（截至 {today}）',
    'cli.status-line': '目标 {target}  实际 {actual}  {status}',
  },
  {
    'cli.no-such-file': 'no such file: {path}',
    'cli.not-a-file': 'not a file: {path}',
    'cli.kind-plan': 'plan (targets only)',
    'cli.kind-return': 'return',
    'cli.inspect-summary': '{file}: {format}, {kind}, department {department}, years {years}',
    'cli.unmatched-mark': '[unmatched] ',
    'cli.severity-error': 'error',
    'cli.severity-warning': 'warning',
    'cli.reading': '[{index}/{total}] reading {name}',
    'cli.preview-summary': '{changes} changes, {unchanged} unchanged, {targetDiffs} target differences, {unmatched} unmatched rows, {issues} issues',
    'cli.field-actual': 'actual',
    'cli.field-note': 'note',
    'cli.target-differs': 'target differs (not applied) {code} {year}: plan {planTarget}, file {fileTarget}',
    'cli.unmatched-row': 'unmatched row',
    'cli.unreadable': 'unreadable',
    'cli.dry-run-done': 'Preview only; nothing written (drop --dry-run to apply).',
    'cli.imported': 'Imported: import #{id}, {count} changes.',
    'cli.exported': 'Exported: {path}',
    'cli.status-title': 'Indicator status for {year} (as of {today})',
    'cli.status-line': 'target {target}  actual {actual}  {status}',
  },
);

export type CliTextKey = KeyOf<typeof CLI_TEXTS>;
