import type Database from 'better-sqlite3';

/** One schema step. Existing entries may never be modified: append a new one instead. */
export interface Migration {
  /** Equals its 1-based position in MIGRATIONS and the user_version after it ran. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}
