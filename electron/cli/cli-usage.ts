// The command line's usage text, in one module of its own so `help` can print it from the quick
// start (quick-start.ts) without loading the full command line (main.ts: the database, zod, …).

/** Every command with its options, Chinese and English on each line; printed by `help`, `--help` and after an unknown command. */
export const USAGE = `指标填报台 命令行 / Indicator Desk command line

  inspect FILE [--json]                                   读取并解析工作簿，不改动数据库 / read a workbook, no database
  import FILE... [--db PATH] [--dry-run] [--json]         预览（--dry-run）或导入填报表 / preview or apply returns
      [--department D]         未写明单位的报表按单位 D 读取 / department for returns that name none
      [--prefer incoming|current]  冲突时采用文件中的值或保留当前值（否则退出码 3）/ settle conflicts (else exit 3)
      [--include-other-units]  一并导入其他单位指标的数值（否则跳过，退出码 1）/ also apply other units' values (else skipped, exit 1)
  export --year Y [--department D] [--db PATH] --out FILE [--force]
                                                          导出标准模板 / export the standard template
  status --year Y [--department D] [--db PATH] [--json]   各指标状态 / statuses as the grid shows them
  report --year Y --out FILE.pdf|FILE.xlsx [--db PATH]    领导报告：PDF 或汇总工作簿 / leadership report: PDF or consolidated workbook
  plan import FILE [--name NAME] [--dry-run] [--revise --reason R] [--as-new]
                                                          导入规划目标表 / import a plan table as a plan (or revise one)
  plan list | plan export ID --out FILE [--force]         列出规划 / list plans; 导出规划表 / write a plan table
  status --year Y --by-department [--json]                报送情况：各单位状态、截止、逾期、填报数 / who has reported
  reply FILE --out DIR [--db PATH]                        批注回复：标注问题的原表 + 邮件草稿 / annotated reply + mail draft
  remind --year Y --out DIR [--db PATH]                   催报邮件：每个未提交单位一封（缺邮箱退出码 1）/ reminders (exit 1 if an address is missing)
  submit --year Y --department D                          提交本单位年度数据 / submit a department's year
  send-back --year Y --department D --reason R            退回修改（须写原因）/ send back for correction (reason required)
  lock --year Y [--department D] [--reason R]             锁定（不写 --department 即锁定全年）/ lock (without --department: the whole year)
  unlock --year Y [--department D] --reason R             解锁（须写原因）/ unlock (reason required)
  deadline --year Y [--set YYYY-MM-DD]                    查看或设置报送截止日期 / show or set the reporting deadline
  miss-note [--set required|optional]                     未达标是否须写说明才能提交 / whether a miss needs a note to submit

  --db PATH   数据库文件（默认：用户数据文件夹，或环境变量 INDICATOR_DESK_DB）；
              指定的文件不存在时只有 import 会新建 / only import creates a missing --db file
  --plan ID|NAME  规划编号、简称或名称（inspect/import/export/status/report；默认唯一的或内置的规划）
              / a plan's id, short name or title (default: the only plan, else the embedded one)
  --lang zh|en  输出语言 / output language (default: zh)
  --today YYYY-MM-DD  以该日期计算状态 / compute statuses as of that date
  --force     export 覆盖已存在的文件（数据库文件除外）/ export replaces an existing file (never a database)

退出码 / exit codes: 0 全部完成 all done; 1 部分完成 partly done（如导入时有无法读取的值或未匹配的行 / e.g. import left out an unreadable value or an unmatched row）; 2 未做任何事 nothing done; 3 因冲突停止 stopped for conflicts`;
