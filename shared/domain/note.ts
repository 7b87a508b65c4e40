// A 说明 (note) is a remark on one cell, not a report. The grid (edit-service.ts) and the importer
// (read-table.ts) hold it to the same length, so an import never stores what typing would refuse.

/** Characters a note may have (UTF-16 code units, as String.length counts them). */
export const MAX_NOTE_LENGTH = 1000;
