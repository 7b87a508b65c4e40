// Messages between WorkerJobs (worker-jobs.ts) and the worker (worker.ts). Everything crosses by
// structured clone: plain objects, Dates, typed arrays.
import type { Plan } from '../../../shared/domain/plan';
import type { AppMessage } from '../../../shared/i18n/engine';
import type { ExportInput } from '../export/export-template';

/** One job: an export of the template, or reading one file to import. */
export type Job = { job: 'export'; input: ExportInput } | { job: 'import'; bytes: Uint8Array; fileName: string; plan: Plan };

export type JobRequest = Job & { id: number };

export type JobReply =
  | { id: number; ok: true; value: unknown }
  /** appMessage is set for an UnreadableWorkbookError (the user's message), absent for a bug. */
  | { id: number; ok: false; error: { message: string; appMessage?: AppMessage } };
