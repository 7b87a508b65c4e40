// Migration 2: the audit log records the operating-system user alongside "who" (the name typed in
// settings). Rows written before this migration have NULL: the account was not recorded then.
import type { Migration } from './migration';

export const migration002: Migration = {
  version: 2,
  name: '002_audit_os_user',
  up(db) {
    db.exec('ALTER TABLE audit_log ADD COLUMN os_user TEXT');
  },
};
