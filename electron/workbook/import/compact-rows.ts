// A sheet's cells kept as columns of plain values (row, column, style, value) instead of an object
// per cell, as the fast .xlsx reader keeps them (read-xlsx-fast.ts). A 10,000-row return has
// ~130,000 cells: as objects in per-row Maps they all lived until the read ended, so every
// young-generation collection copied them and the old generation marked them. Here they are a few
// typed arrays, and a row's cells are built only when the interpreter asks for that row; those
// objects die young. Seen from outside it is the read-only Map of rows every reader's sheet
// offers (NeutralSheet.rows).
import type { CellValue, NeutralCell } from './model';
import { cellAddress } from './model';

/** How a cell's value is stored: the number in `nums`, the text in `texts`, or the kind alone. */
const enum Kind {
  Empty = 0,
  Number = 1,
  Text = 2,
  True = 3,
  False = 4,
  Error = 5,
}

type Row = ReadonlyMap<number, NeutralCell>;

const INITIAL_CAPACITY = 1024;

/** A cell whose s attribute names no style of the workbook. */
const NO_STYLE = -1;

/**
 * Cells in the order a reader added them, grouped by row number when asked for. Read-only for
 * consumers (ReadonlyMap); a reader fills it with add(). Semantics match putCell (model.ts) on a
 * Map of Maps: rows iterate in the order of their first cell, a row's cells in the order of their
 * first appearance, and a second cell at the same address replaces the first.
 */
export class CompactRows implements ReadonlyMap<number, Row> {
  // Typed columns grown by doubling: Array.prototype.push onto plain arrays this long cost about
  // ten times as much per cell.
  private count = 0;
  // Row and column as doubles: a file may name any column (a corrupt r="MWLQKXC6" is past 2³²),
  // and a 32-bit column would wrap onto a real one.
  private rowOf = new Float64Array(INITIAL_CAPACITY);
  private colOf = new Float64Array(INITIAL_CAPACITY);
  /** A style index of styles.xml's cellXfs, or NO_STYLE. */
  private styleOf = new Int32Array(INITIAL_CAPACITY);
  private kindOf = new Uint8Array(INITIAL_CAPACITY);
  private nums = new Float64Array(INITIAL_CAPACITY);
  private readonly texts: (string | null)[] = new Array<string | null>(INITIAL_CAPACITY).fill(null);
  /** Only the few cells that have them: formulas, uncalculated formulas, addresses as written, numbers stored as no figure. */
  private readonly formulas = new Map<number, string>();
  private readonly storedTexts = new Map<number, string>();
  private readonly uncalculated = new Set<number>();
  private readonly addresses = new Map<number, string>();
  /** Row number → its runs of consecutive cells, as [start, end) pairs (one run unless rows repeat). */
  private readonly runs = new Map<number, number[]>();
  private openRow = -1;
  private openRun: number[] | null = null;
  /** The last row built: the interpreter often asks for the same row several times in a row. */
  private built: { row: number; cells: Row } | null = null;

  /**
   * `formats` and `percent`: number format and isPercentFormat of each style index (styles.xml's
   * cellXfs), shared with the reader.
   */
  constructor(
    private readonly formats: readonly (string | null)[],
    private readonly percent: readonly boolean[],
  ) {}

  /**
   * Add a cell. `address`: the A1 address when the file wrote one differing from
   * cellAddress(row, col) (leading zeros, a row number disagreeing with its <row>), else null.
   * `style`: the s attribute as a number; anything but an index of `formats` (NaN, 0.5, -1, past
   * the end) means no number format. `storedText`: for a number cell stored as no figure (value
   * NaN), the text the file holds (NeutralCell.storedText).
   */
  add(
    row: number,
    col: number,
    address: string | null,
    style: number,
    value: CellValue,
    isError: boolean,
    formula: string | null,
    uncalculated: boolean,
    storedText: string | null = null,
  ): void {
    const i = this.count++;
    if (i === this.rowOf.length) this.grow();
    this.rowOf[i] = row;
    this.colOf[i] = col;
    // s="abc", "0.5", "-1" or past the last style: no format, as a lookup of formats[s] gives.
    this.styleOf[i] = Number.isInteger(style) && style >= 0 && style < this.formats.length ? style : NO_STYLE;
    if (isError) {
      this.kindOf[i] = Kind.Error;
      this.texts[i] = String(value);
    } else if (typeof value === 'number') {
      this.kindOf[i] = Kind.Number;
      this.nums[i] = value;
    } else if (typeof value === 'string') {
      this.kindOf[i] = Kind.Text;
      this.texts[i] = value;
    } else if (typeof value === 'boolean') this.kindOf[i] = value ? Kind.True : Kind.False;
    if (formula !== null) this.formulas.set(i, formula);
    if (uncalculated) this.uncalculated.add(i);
    if (storedText !== null) this.storedTexts.set(i, storedText);
    if (address !== null) this.addresses.set(i, address);
    if (row === this.openRow && this.openRun !== null) {
      this.openRun[this.openRun.length - 1] = i + 1;
    } else {
      let run = this.runs.get(row);
      if (run === undefined) this.runs.set(row, (run = []));
      run.push(i, i + 1);
      this.openRow = row;
      this.openRun = run;
    }
    this.built = null;
  }

  private grow(): void {
    const size = this.rowOf.length * 2;
    const wider = <T extends Int32Array | Uint8Array | Float64Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.rowOf = wider(this.rowOf, new Float64Array(size));
    this.colOf = wider(this.colOf, new Float64Array(size));
    this.styleOf = wider(this.styleOf, new Int32Array(size));
    this.kindOf = wider(this.kindOf, new Uint8Array(size));
    this.nums = wider(this.nums, new Float64Array(size));
    const old = this.texts.length;
    this.texts.length = size;
    this.texts.fill(null, old);
  }

  private cellAt(i: number): NeutralCell {
    const row = this.rowOf[i] as number;
    const col = this.colOf[i] as number;
    const style = this.styleOf[i] as number;
    const kind = this.kindOf[i] as Kind;
    const value: CellValue =
      kind === Kind.Number ? (this.nums[i] as number) : kind === Kind.Text || kind === Kind.Error ? (this.texts[i] as string) : kind === Kind.True ? true : kind === Kind.False ? false : null;
    const cell: NeutralCell = {
      row,
      col,
      address: this.addresses.get(i) ?? cellAddress(row, col),
      value,
      formula: this.formulas.get(i) ?? null,
      isError: kind === Kind.Error,
      numFmt: this.formats[style] ?? null,
      percent: this.percent[style] ?? false,
    };
    if (this.uncalculated.has(i)) cell.uncalculated = true;
    const stored = this.storedTexts.get(i);
    if (stored !== undefined) cell.storedText = stored;
    return cell;
  }

  private build(row: number, run: number[]): Row {
    if (this.built?.row === row) return this.built.cells;
    const cells = new Map<number, NeutralCell>();
    for (let k = 0; k < run.length; k += 2) for (let i = run[k] as number; i < (run[k + 1] as number); i++) cells.set(this.colOf[i] as number, this.cellAt(i));
    this.built = { row, cells };
    return cells;
  }

  get size(): number {
    return this.runs.size;
  }

  has(row: number): boolean {
    return this.runs.has(row);
  }

  get(row: number): Row | undefined {
    const run = this.runs.get(row);
    return run === undefined ? undefined : this.build(row, run);
  }

  keys(): MapIterator<number> {
    return this.runs.keys();
  }

  *values(): MapIterator<Row> {
    for (const [row, run] of this.runs) yield this.build(row, run);
  }

  *entries(): MapIterator<[number, Row]> {
    for (const [row, run] of this.runs) yield [row, this.build(row, run)];
  }

  [Symbol.iterator](): MapIterator<[number, Row]> {
    return this.entries();
  }

  forEach(fn: (cells: Row, row: number, map: ReadonlyMap<number, Row>) => void, thisArg?: unknown): void {
    for (const [row, cells] of this.entries()) fn.call(thisArg, cells, row, this);
  }
}
