// Limits for hostile input, checked before any parser sees the bytes. A real return is a few
// hundred KB; these leave two orders of magnitude of room and still refuse what would hang the app.

export const IMPORT_LIMITS = {
  /** Bytes of the file as received. */
  maxFileBytes: 50 * 1024 * 1024,
  /** Bytes of all zip entries once unpacked. */
  maxUncompressedBytes: 300 * 1024 * 1024,
  /** Deflate cannot honestly exceed ~1032:1; past this (on an entry worth checking) it is a bomb. */
  maxCompressionRatio: 200,
  /** Entries smaller than this unpacked are never called bombs, whatever their ratio. */
  ratioCheckMinBytes: 10 * 1024 * 1024,
  /** Rows one sheet may claim (its <dimension> or its last <row r=…>). */
  maxRows: 200_000,
  /** Zip entries one workbook may hold. */
  maxEntries: 10_000,
} as const;

export type ImportLimits = { -readonly [K in keyof typeof IMPORT_LIMITS]: number };
