// The workbook worker thread (bundled as workbook-worker.cjs, in dist/node and dist/electron): runs export and import jobs
// posted by worker-jobs.ts, and answers each with its result or its error as data.
import { parentPort } from 'node:worker_threads';
import { UnreadableWorkbookError } from '../import/import-messages';
import { inProcessJobs } from './jobs';
import type { JobReply, JobRequest } from './protocol';

async function handle(request: JobRequest): Promise<JobReply> {
  try {
    if (request.job === 'export') {
      const bytes = await inProcessJobs.exportTemplate(request.input);
      return { id: request.id, ok: true, value: bytes };
    }
    const book = await inProcessJobs.readAndInterpret(request.bytes, request.fileName, request.plan);
    return { id: request.id, ok: true, value: book };
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) return { id: request.id, ok: false, error: { message: error.message, appMessage: error.appMessage } };
    return { id: request.id, ok: false, error: { message: error instanceof Error ? error.message : String(error) } };
  }
}

parentPort?.on('message', (request: JobRequest) => {
  void handle(request).then((reply) => {
    // Hand the export's bytes over without a copy when they own their whole buffer (not a pool slice).
    const v = reply.ok ? reply.value : null;
    const transfer = v instanceof Uint8Array && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength ? [v.buffer as ArrayBuffer] : [];
    parentPort?.postMessage(reply, transfer);
  });
});
