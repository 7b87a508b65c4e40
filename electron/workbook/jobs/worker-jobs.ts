// WorkbookJobs on a worker thread: one long-lived worker (started on first use, not keeping the
// process alive when idle) runs the jobs one message at a time; the caller's event loop only
// posts and receives. Errors come back as data and are rebuilt here, so an unreadable file is
// still an UnreadableWorkbookError with its zh/en message.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UnreadableWorkbookError } from '../import/import-messages';
import type { WorkbookJobs } from './jobs';
import { inProcessJobs } from './jobs';
import type { Job, JobReply, JobRequest } from './protocol';

export interface WorkerJobs extends WorkbookJobs {
  /** Stops the worker (pending jobs reject); the next job starts a fresh one. */
  close(): Promise<void>;
}

/**
 * Jobs run by the worker script `workerFile` (the bundled workbook-worker). When that file does not
 * exist (running from sources, e.g. under tsx) the jobs run in this process instead.
 */
export function workerJobs(workerFile: string | URL): WorkerJobs {
  const path = typeof workerFile === 'string' ? workerFile : fileURLToPath(workerFile);
  if (!existsSync(path)) return { ...inProcessJobs, close: async () => {} };
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();

  const failAll = (error: unknown) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    worker = null;
  };
  const start = (): Worker => {
    const w = new Worker(path);
    w.on('message', (reply: JobReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (pending.size === 0) w.unref();
      if (reply.ok) p.resolve(reply.value);
      else if (reply.error.appMessage) p.reject(new UnreadableWorkbookError(reply.error.appMessage));
      else p.reject(new Error(reply.error.message));
    });
    w.on('error', (error) => failAll(error));
    w.on('exit', (code) => {
      if (worker === w) failAll(new Error(`workbook worker stopped (exit code ${code})`));
    });
    return w;
  };
  const run = (request: Job, transfer: ArrayBuffer[] = []): Promise<unknown> => {
    worker ??= start();
    const w = worker;
    const id = nextId++;
    w.ref();
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      const message: JobRequest = { ...request, id };
      w.postMessage(message, transfer);
    });
  };

  return {
    exportTemplate: async (input) => (await run({ job: 'export', input })) as Uint8Array,
    // The bytes are copied, not transferred: the caller may still hash or keep them.
    readAndInterpret: async (bytes, fileName, plan) => (await run({ job: 'import', bytes, fileName, plan })) as Awaited<ReturnType<WorkbookJobs['readAndInterpret']>>,
    close: async () => {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
      failAll(new Error('workbook worker closed'));
    },
  };
}
