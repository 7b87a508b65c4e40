// Migration 4 is assigned to the reporting-cycle work (a parallel branch). This entry only keeps
// the list contiguous on branches without it, so migration 5 can run there. WHEN MERGING: replace
// this file and its entry in index.ts with the real 004; never ship both.
import type { Migration } from './migration';

export const migration004Reserved: Migration = {
  version: 4,
  name: '004 reserved (reporting cycle)',
  up() {
    // Nothing: the real migration 4 lives on its own branch.
  },
};
