// Plan table workbooks for tests, made as a user would: typed (openpyxl writes the cells, merged
// 领域 cells included), then opened and re-saved by LibreOffice. The seed's own table comes from the
// seed document's text (tests/fixtures/seed-plan.txt), parsed here, never from the embedded plan.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sofficePath } from './libreoffice';
import { python } from './python';

export interface TableRow {
  /** 领域: written once on the row that starts the domain, merged down over its rows. */
  domain: string;
  code: string;
  name: string;
  /** As typed: a number, "/", "100%" (typed into Calc: a percent-formatted number), "≤10"… */
  targets: string[];
  units?: string;
  /** The 单位 column's cell, when the spec has one (unitColumn). */
  unit?: string;
}

export interface TableSpec {
  title: string;
  years: number[];
  rows: TableRow[];
  /** Add a 牵头单位 column after the targets. */
  unitsHeader?: string;
  /** Header text of a year column (default "2023年 目标值"). */
  yearHeader?: (year: number) => string;
  /** Leave out the 序号 column. */
  noCode?: boolean;
  /** A 单位 column after 指标 (each row's `unit`), instead of units in the names. */
  unitColumn?: boolean;
}

/** The seed document's 五年目标 table, parsed from its text (rows whose 领域 cell was merged lose it). */
export function seedTableFromText(): TableSpec {
  const lines = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'seed-plan.txt'), 'utf8').split('\n');
  const titleAt = lines.findIndex((l) => l.startsWith('表:') || l.startsWith('表：'));
  const title = (lines[titleAt] as string).trim();
  const rows: TableRow[] = [];
  let domain = '';
  for (const line of lines.slice(titleAt + 2)) {
    if (!/^\S.* \| /.test(line) || line.startsWith('三、')) break;
    const cells = line.split(' | ').map((c) => c.replace(/\s*\|\s*$/, '').trim()).filter((c, i, all) => c !== '' || i < all.length - 1);
    const fields = cells.filter((c) => c !== '');
    if (!/^\d+$/.test(fields[0] as string)) domain = fields.shift() as string;
    const [code, name, ...targets] = fields as [string, string, ...string[]];
    rows.push({ domain, code, name, targets: targets.slice(0, 5) });
  }
  return { title, years: [2023, 2024, 2025, 2026, 2027], rows };
}

type Cell = [number, number, string | number, string | null];

/** A typed target cell: numbers as numbers, "95%" as a percent-formatted 0.95 (what Calc stores), else text. */
function typed(text: string): [string | number, string | null] {
  if (/^-?\d+(\.\d+)?$/.test(text)) return [Number(text), null];
  const pct = /^(\d+(\.\d+)?)%$/.exec(text);
  if (pct) return [Number(pct[1]) / 100, '0%'];
  return [text, null];
}

/** Type the table with openpyxl (title row, header row, rows; 领域 merged down each domain's rows). Returns the .xlsx path. */
export function typePlanTable(dir: string, name: string, spec: TableSpec): string {
  const cells: Cell[] = [[1, 1, spec.title, null]];
  const header = ['领域', ...(spec.noCode ? [] : ['序号']), '指标', ...(spec.unitColumn ? ['单位'] : []), ...spec.years.map(spec.yearHeader ?? ((y) => `${y}年 目标值`)), ...(spec.unitsHeader ? [spec.unitsHeader] : [])];
  header.forEach((h, i) => cells.push([2, i + 1, h, null]));
  const merges: string[] = [];
  let start = 3;
  spec.rows.forEach((row, i) => {
    const r = 3 + i;
    const values: (string | number)[] = [...(spec.noCode ? [] : [/^\d+$/.test(row.code) ? Number(row.code) : row.code]), row.name, ...(spec.unitColumn ? [row.unit ?? ''] : [])];
    if (i === 0 || row.domain !== spec.rows[i - 1]?.domain) {
      cells.push([r, 1, row.domain, null]);
      start = r;
    }
    const next = spec.rows[i + 1];
    if ((!next || next.domain !== row.domain) && r > start) merges.push(`A${start}:A${r}`);
    values.forEach((v, j) => cells.push([r, 2 + j, v, null]));
    row.targets.forEach((t, j) => {
      const [v, fmt] = typed(t);
      if (t !== '') cells.push([r, 2 + values.length + j, v, fmt]);
    });
    if (spec.unitsHeader && row.units) cells.push([r, 2 + values.length + spec.years.length, row.units, null]);
  });
  const typedDir = join(dir, 'typed');
  mkdirSync(typedDir, { recursive: true });
  const out = join(typedDir, `${name}.xlsx`);
  const specFile = `${out}.json`;
  writeFileSync(specFile, JSON.stringify({ out, sheet: 'Sheet1', cells, merges }));
  execFileSync(python(), [join(import.meta.dirname, 'write-plan-table.py'), specFile], { stdio: 'pipe' });
  return out;
}

/**
 * Type each table with openpyxl, then open and re-save them all with LibreOffice in ONE run (it
 * takes ~30 s to start on a loaded machine). Returns the LibreOffice-written paths by name.
 */
export function writePlanTables(dir: string, specs: Record<string, TableSpec>): Record<string, string> {
  const typedFiles = Object.entries(specs).map(([name, spec]) => typePlanTable(dir, name, spec));
  return resaveWithLibreOffice(dir, typedFiles);
}

/** Re-save workbooks with LibreOffice (one soffice run); returns the new paths by base name. */
export function resaveWithLibreOffice(dir: string, files: string[]): Record<string, string> {
  const soffice = sofficePath();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  const outDir = join(dir, 'libreoffice');
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  try {
    execFileSync(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', outDir, ...files], { stdio: 'pipe', timeout: 300_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const out: Record<string, string> = {};
  for (const f of files) {
    const name = basename(f, extname(f));
    const path = join(outDir, `${name}.xlsx`);
    if (!existsSync(path)) throw new Error(`LibreOffice did not write ${path}`);
    out[name] = path;
  }
  return out;
}

/** 学有优教: a second plan in the same layout, invented for the tests, with a 牵头单位 column. */
export const XUE_YOU_YOU_JIAO: TableSpec = {
  title: '表：某区“学有优教”工程五年目标',
  years: [2023, 2024, 2025, 2026, 2027],
  unitsHeader: '牵头单位',
  rows: [
    { domain: '学 前 教 育', code: '1', name: '普惠性幼儿园在园幼儿占比(%)', targets: ['90', '92', '94', '95', '96'], units: '*区教育局、区财政局' },
    { domain: '学 前 教 育', code: '2', name: '累计新增托位数(个)', targets: ['100', '220', '350', '480', '600'], units: '*区卫生健康局、区教育局' },
    { domain: '义 务 教 育', code: '3', name: '义务教育学校专任教师本科及以上学历比例(%)', targets: ['≥90', '≥91', '≥92', '≥93', '≥95'], units: '*区教育局' },
    { domain: '义 务 教 育', code: '4', name: '中小学生近视率(%)', targets: ['≤52', '≤51', '控制在50以内', '降至49', '降至48'], units: '*区教育局、区卫生健康局' },
    { domain: '义 务 教 育', code: '5', name: '学生体质健康优良率下降率(%)', targets: ['1', '1.5', '2', '2.5', '3'], units: '*区教育局' },
    { domain: '教 育 保 障', code: '6', name: '教师年均培训学时(学时)', targets: ['72', '72', '72', '/', '/'], units: '*区教育局、区人力社保局' },
  ],
};
