// The schema's append-only history. PRAGMA user_version = number of migrations applied.
// Existing migration entries may not be modified: add a new file and append it here, with a test.
import type { Migration } from './migration';
import { migration001 } from './001_initial';
import { migration002 } from './002_audit_os_user';
import { migrationProvenance } from './003_provenance';
import { migrationReportingCycle } from './004_reporting_cycle';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migrationProvenance, migrationReportingCycle];
export type { Migration };
