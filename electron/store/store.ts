// The store: one SQLite connection and its repositories. Use cases call store.write(ctx, fn) so
// every change and its audit rows commit together or not at all (synchronous transactions only).
import type Database from 'better-sqlite3';
import type { Plan } from '../../shared/domain/plan';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';
import type { OpenOptions } from './database';
import { backupDatabase, openDatabase } from './database';
import { ActualsRepo } from './repositories/actuals-repo';
import type { WriteContext } from './repositories/audit-repo';
import { AuditRepo } from './repositories/audit-repo';
import { ImportsRepo } from './repositories/imports-repo';
import { PlansRepo } from './repositories/plans-repo';
import { ReportingRepo } from './repositories/reporting-repo';
import { SettingsRepo } from './repositories/settings-repo';

export type { WriteContext };

export interface StoreOptions extends OpenOptions {
  /** Plan seeded on first open (default: the embedded 住有宜居 plan). */
  seedPlan?: Plan;
}

export class Store {
  readonly audit: AuditRepo;
  readonly plans: PlansRepo;
  readonly actuals: ActualsRepo;
  readonly imports: ImportsRepo;
  readonly settings: SettingsRepo;
  readonly reporting: ReportingRepo;

  private constructor(
    readonly db: Database.Database,
    readonly path: string,
  ) {
    this.audit = new AuditRepo(db);
    // The cycle's lock check guards every write of an actual, a note or a target (one place).
    this.reporting = new ReportingRepo(db, this.audit);
    const lockGuard = (indicatorId: string, year: number) => this.reporting.assertCellOpen(indicatorId, year);
    this.plans = new PlansRepo(db, this.audit, lockGuard);
    // An actual or note that changes after submitting also withdraws the submission.
    this.actuals = new ActualsRepo(db, this.audit, (indicatorId, year, ctx) => this.reporting.beforeActualWrite(indicatorId, year, ctx));
    this.imports = new ImportsRepo(db, this.audit);
    this.settings = new SettingsRepo(db, this.audit);
  }

  /** Open (or create) the database at `path`; the first open seeds the embedded plan. */
  static open(path: string, options: StoreOptions = {}): Store {
    const store = new Store(openDatabase(path, options), path);
    if (!store.readOnly && !store.plans.hasAnyPlan()) {
      const ctx: WriteContext = { who: 'system', at: (options.now?.() ?? new Date()).toISOString(), source: 'seed' };
      store.transaction(() => store.plans.insertPlan(options.seedPlan ?? SEED_PLAN, ctx));
    }
    return store;
  }

  /** True when the database could only be opened read-only (see openDatabase); writes then fail. */
  get readOnly(): boolean {
    return this.db.readonly;
  }

  /**
   * Run `fn` in one transaction: the change and its audit rows commit together or not at all.
   * It starts IMMEDIATE (takes the write lock first), so when another process is writing it waits
   * up to busy_timeout instead of failing at once with "database is locked" on a read-then-write.
   */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  backup(destination: string): Promise<void> {
    return backupDatabase(this.db, destination);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
