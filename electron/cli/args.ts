// A tiny argument parser for the CLI: positional arguments, --flag and --key value / --key=value.
export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

const VALUE_OPTIONS = new Set(['db', 'year', 'department', 'out', 'today', 'lang', 'plan', 'port', 'prefer']);

export function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const key = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      if (eq > 0) options.set(key, arg.slice(eq + 1));
      else if (VALUE_OPTIONS.has(key)) {
        const value = argv[i + 1];
        if (value === undefined || value.startsWith('--')) throw new UsageError(`--${key} needs a value / --${key} 需要一个值`);
        options.set(key, value);
        i += 1;
      } else options.set(key, true);
    } else positional.push(arg);
  }
  return { positional, options };
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function stringOption(args: ParsedArgs, key: string): string | null {
  const v = args.options.get(key);
  return typeof v === 'string' ? v : null;
}

export function yearOption(args: ParsedArgs, required: boolean): number | null {
  const v = stringOption(args, 'year');
  if (v === null) {
    if (required) throw new UsageError('--year is required / 需要 --year，例如 --year 2025');
    return null;
  }
  const year = Number(v.replace(/年度?$/, ''));
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new UsageError(`not a year: ${v} / 不是年份：${v}`);
  return year;
}
