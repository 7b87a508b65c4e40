// The command line's option rules, in one place: a table of commands → the options each accepts,
// parsed by node:util parseArgs in strict mode. An unknown option, a missing or malformed value, a
// repeated option or a stray argument is a UsageError naming the option (exit code 2) — never
// silently ignored. Later commands add a row to COMMANDS; browser mode (electron/web/main.ts)
// parses its own options with parseOptions and the same errors.
import { parseArgs as nodeParseArgs } from 'node:util';
import type { Lang } from '../../shared/i18n/lang';

/**
 * Exit codes of every CLI command (documented in README "Command line"):
 * 0 all done; 1 partly done (in a batch some files applied, the failures listed on stderr);
 * 2 nothing done (bad input, unreadable file, refused database); 3 stopped for conflicts, nothing
 * written (raised by consolidation).
 */
export const EXIT = { ok: 0, partial: 1, nothingDone: 2, conflicts: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A usage mistake: one bilingual line for stderr, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** One option: a string value or a flag; `multiple` options may repeat (values collect). */
export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
}
export type OptionTable = Record<string, OptionSpec>;

/** How many positional arguments a command takes, and its usage line. */
export interface CommandSpec {
  options: OptionTable;
  positionals: 'none' | 'one' | 'many';
  usage: string;
}

/** Options every database command shares. */
const COMMON: OptionTable = { lang: { type: 'string' }, today: { type: 'string' }, help: { type: 'boolean', short: 'h' } };
const DB: OptionTable = { db: { type: 'string' } };
/** Options of the reporting-cycle state commands (submit, send-back, lock, unlock). */
const CYCLE: OptionTable = { ...COMMON, ...DB, plan: { type: 'string' }, year: { type: 'string' }, department: { type: 'string' }, json: { type: 'boolean' } };

/** The table later commands extend: command name → its options and positionals. */
export const COMMANDS: Record<string, CommandSpec> = {
  inspect: { options: { ...COMMON, json: { type: 'boolean' }, plan: { type: 'string' }, ...DB }, positionals: 'one', usage: 'inspect FILE [--json] [--plan ID|NAME] [--db PATH]' },
  import: {
    options: {
      ...COMMON,
      ...DB,
      json: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      department: { type: 'string' },
      prefer: { type: 'string' },
      'include-other-units': { type: 'boolean' },
      plan: { type: 'string' },
    },
    positionals: 'many',
    usage: 'import FILE... [--db PATH] [--plan ID|NAME] [--department D] [--prefer incoming|current] [--include-other-units] [--dry-run] [--json]',
  },
  export: {
    options: { ...COMMON, ...DB, plan: { type: 'string' }, year: { type: 'string' }, department: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
    positionals: 'none',
    usage: 'export --year Y [--department D] [--plan ID] [--db PATH] --out FILE [--force]',
  },
  status: {
    options: { ...COMMON, ...DB, plan: { type: 'string' }, year: { type: 'string' }, department: { type: 'string' }, json: { type: 'boolean' }, 'by-department': { type: 'boolean' } },
    positionals: 'none',
    usage: 'status --year Y [--department D | --by-department] [--plan ID] [--db PATH] [--json]',
  },
  reply: {
    options: { ...COMMON, ...DB, plan: { type: 'string' }, out: { type: 'string' } },
    positionals: 'one',
    usage: 'reply FILE --out DIR [--plan ID] [--db PATH]',
  },
  remind: {
    options: { ...COMMON, ...DB, plan: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' } },
    positionals: 'none',
    usage: 'remind --year Y --out DIR [--plan ID] [--db PATH]',
  },
  report: {
    options: { ...COMMON, ...DB, plan: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
    positionals: 'none',
    usage: 'report --year Y [--plan ID] [--db PATH] --out FILE.pdf|FILE.xlsx [--force]',
  },
  plan: {
    options: {
      ...COMMON,
      ...DB,
      json: { type: 'boolean' },
      name: { type: 'string' },
      'dry-run': { type: 'boolean' },
      revise: { type: 'boolean' },
      reason: { type: 'string' },
      'as-new': { type: 'boolean' },
      out: { type: 'string' },
      force: { type: 'boolean' },
    },
    positionals: 'many',
    usage: 'plan import FILE [--name NAME] [--dry-run] [--revise --reason R] [--as-new] [--json] | plan list [--json] | plan export ID --out FILE [--force]',
  },
  help: { options: { ...COMMON }, positionals: 'none', usage: 'help' },
  // The reporting cycle (cycle-command.ts).
  submit: { options: { ...CYCLE }, positionals: 'none', usage: 'submit --year Y --department D [--plan ID] [--db PATH] [--json]' },
  'send-back': { options: { ...CYCLE, reason: { type: 'string' } }, positionals: 'none', usage: 'send-back --year Y --department D --reason TEXT [--plan ID] [--db PATH] [--json]' },
  lock: { options: { ...CYCLE, reason: { type: 'string' } }, positionals: 'none', usage: 'lock --year Y [--department D] [--reason TEXT] [--plan ID] [--db PATH] [--json]' },
  unlock: { options: { ...CYCLE, reason: { type: 'string' } }, positionals: 'none', usage: 'unlock --year Y [--department D] --reason TEXT [--plan ID] [--db PATH] [--json]' },
  deadline: { options: { ...COMMON, ...DB, plan: { type: 'string' }, year: { type: 'string' }, set: { type: 'string' }, json: { type: 'boolean' } }, positionals: 'none', usage: 'deadline --year Y [--set YYYY-MM-DD] [--plan ID] [--db PATH] [--json]' },
  'miss-note': { options: { ...COMMON, ...DB, plan: { type: 'string' }, set: { type: 'string' }, json: { type: 'boolean' } }, positionals: 'none', usage: 'miss-note [--set required|optional] [--plan ID] [--db PATH] [--json]' },
};

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/** A parsed command line: the command, its positional arguments and its option values. */
export interface ParsedCommand {
  command: string | null;
  positionals: string[];
  values: OptionValues;
}

function optionNameIn(text: string): string {
  return /'(-{1,2}[^' =<]+)/.exec(text)?.[1] ?? '';
}

/** node:util's English error → one bilingual line naming the option. */
function usageErrorFrom(error: unknown): UsageError {
  const e = error as { code?: string; message?: string };
  const text = e.message ?? String(error);
  const name = optionNameIn(text);
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`未知选项 ${name} / unknown option ${name}`);
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(text)) return new UsageError(`${name} 不带值 / ${name} takes no value`);
    return new UsageError(`${name} 需要一个值 / ${name} needs a value`);
  }
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new UsageError(`多余的参数 / unexpected argument: ${optionNameIn(text) || text}`);
  return new UsageError(`参数有误 / bad arguments: ${text.split('\n')[0] ?? ''}`);
}

/**
 * Parse `argv` strictly against `table`. Positionals are returned; a non-multiple option given
 * twice is refused (which value was meant is unknowable). Throws UsageError.
 */
export function parseOptions(argv: readonly string[], table: OptionTable): { positionals: string[]; values: OptionValues } {
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args: [...argv], options: table, strict: true, allowPositionals: true, tokens: true });
  } catch (error) {
    throw usageErrorFrom(error);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name) && !table[token.name]?.multiple) throw new UsageError(`选项 --${token.name} 只能给一次 / option --${token.name} given more than once`);
    seen.add(token.name);
  }
  return { positionals: parsed.positionals, values: parsed.values as OptionValues };
}

function allOptions(): OptionTable {
  const all: OptionTable = {};
  for (const spec of Object.values(COMMANDS)) Object.assign(all, spec.options);
  return all;
}

/**
 * Parse a whole CLI command line: find the command (the first positional), then parse strictly
 * against that command's own options, so an option of another command is refused by name.
 */
export function parseCommandLine(argv: readonly string[], commands: Record<string, CommandSpec> = COMMANDS): ParsedCommand {
  const first = parseOptions(argv, allOptions());
  const [command, ...rest] = first.positionals;
  if (command === undefined) return { command: null, positionals: [], values: first.values };
  const spec = commands[command];
  if (!spec) throw new UsageError(`未知命令：${command} / unknown command: ${command}`);
  const { values } = parseOptions(argv, spec.options);
  if (values.help === true) return { command, positionals: rest, values };
  if (spec.positionals === 'none' && rest.length > 0) throw new UsageError(`多余的参数 / unexpected argument: ${rest[0]}\n用法 / usage: ${spec.usage}`);
  if (spec.positionals === 'one' && rest.length !== 1) throw new UsageError(`用法 / usage: ${spec.usage}`);
  if (spec.positionals === 'many' && rest.length === 0) throw new UsageError(`用法 / usage: ${spec.usage}`);
  return { command, positionals: rest, values };
}

/** The string value of an option, or null when absent. */
export function stringOption(values: OptionValues, key: string): string | null {
  const v = values[key];
  return typeof v === 'string' ? v : null;
}

/** True when a flag was given. */
export function flag(values: OptionValues, key: string): boolean {
  return values[key] === true;
}

/** `--lang`: zh (default) or en; anything else is refused. */
export function langOption(values: OptionValues): Lang {
  const v = stringOption(values, 'lang');
  if (v === null || v === 'zh') return 'zh';
  if (v === 'en') return 'en';
  throw new UsageError(`--lang 只能是 zh 或 en：${v} / --lang must be zh or en: ${v}`);
}

/**
 * `--today YYYY-MM-DD`: a real calendar date (2025-02-30 is refused, not rolled to March), at local
 * noon so a time-zone shift cannot move it to another day. Absent: the current time.
 */
export function todayOption(values: OptionValues, clock: () => Date = () => new Date()): Date {
  const v = stringOption(values, 'today');
  if (v === null) return clock();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const date = new Date(y, mo - 1, d, 12);
  if (!m || date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) {
    throw new UsageError(`--today 不是有效日期（YYYY-MM-DD）：${v} / --today is not a valid date (YYYY-MM-DD): ${v}`);
  }
  return date;
}

/** `--year`: "2025" (or "2025年"/"2025年度"); whether the plan has it is checked against the plan. */
export function yearOption(values: OptionValues, required: boolean): number | null {
  const v = stringOption(values, 'year');
  if (v === null) {
    if (required) throw new UsageError('需要 --year，例如 --year 2025 / --year is required, e.g. --year 2025');
    return null;
  }
  const year = Number(v.replace(/年度?$/, ''));
  if (v.trim() === '' || !Number.isInteger(year)) throw new UsageError(`--year 不是年份：${v} / --year is not a year: ${v}`);
  return year;
}

/** Refuse a value that is not among `choices`, listing them. */
export function requireChoice<T extends string | number>(option: string, value: T, choices: readonly T[]): T {
  if (choices.includes(value)) return value;
  const list = choices.join('、');
  throw new UsageError(`${option} 无此项：${value}；可选：${list} / ${option}: no such value ${value}; choose one of: ${choices.join(', ')}`);
}
