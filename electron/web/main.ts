// `npm run web -- [--db PATH] [--port N]`: browser mode. Opens the database, serves the built
// renderer on 127.0.0.1 and prints the address (with its one-run access token) to open. Run as the
// bundle dist/node/web.cjs (scripts/web.mjs builds what is missing or stale), or from sources by tsx.
import { resolve } from 'node:path';
import { createServices } from '../services/create-services';
import { builtRendererDir, resolveDbPath } from '../services/paths';
import { workerJobs } from '../workbook/jobs/worker-jobs';
import { startWebServer } from './server';
import { chromiumReportRenderer, findChromium } from '../report/chromium-pdf';
import type { OptionTable } from '../cli/args';
import { UsageError, parseOptions, stringOption } from '../cli/args';

interface WebArgs {
  db: string;
  port: number;
}

/** Browser mode's options, parsed by the CLI's strict parser (same syntax, same errors). */
const WEB_OPTIONS: OptionTable = { db: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } };

/** Same option syntax as the CLI (--db PATH, --port N, --key=value); strict, like the CLI. */
export function parseWebArgs(argv: string[]): WebArgs {
  const { positionals, values } = parseOptions(argv, WEB_OPTIONS);
  if (values.help === true) {
    console.log('用法 / usage: npm run web -- [--db 数据库文件.sqlite] [--port 端口]');
    process.exit(0);
  }
  if (positionals.length > 0) throw new UsageError(`未知参数 / unknown argument: ${positionals.join(' ')}`);
  const db = stringOption(values, 'db');
  if (db !== null && db.trim() === '') throw new UsageError('--db 不能为空 / --db must not be empty');
  const portText = stringOption(values, 'port') ?? '0';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port 不是端口号 / --port: not a port number: ${portText}`);
  return { db: resolve(resolveDbPath(db)), port };
}

async function main(): Promise<void> {
  const args = parseWebArgs(process.argv.slice(2));
  // Exports and imports run on a worker thread so the server keeps answering meanwhile (in this
  // process when run from sources, where there is no bundled worker).
  const workbooks = workerJobs(new URL('./workbook-worker.cjs', import.meta.url));
  // The PDF report prints this server's own report view with the installed Chromium (if any).
  let serverUrl = '';
  const chromiumPath = findChromium();
  const services = createServices({
    dbPath: args.db,
    mode: 'browser',
    workbooks,
    ...(chromiumPath ? { renderReportPdf: chromiumReportRenderer(() => serverUrl, chromiumPath) } : {}),
  });
  const staticDir = builtRendererDir(import.meta.url);
  const server = await startWebServer({
    handlers: services.handlers,
    staticDir,
    port: args.port,
    onInternalError: (error) => console.error('内部错误 / internal error:', error),
  });
  serverUrl = server.url;
  console.log(`指标填报台（浏览器模式）已启动，数据库：${services.dbPath}`);
  console.log(`请在浏览器中打开（地址含一次性访问口令，请勿外传）：\n  ${server.url}`);
  console.log(`Indicator Desk (browser mode) is running; database: ${services.dbPath}`);
  console.log(`Open this address (it carries this run's access token; do not share it):\n  ${server.url}`);
  console.log('按 Ctrl+C 退出 / press Ctrl+C to stop');

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void Promise.all([server.close(), workbooks.close()]).then(() => {
      services.close();
      console.log('已退出 / stopped');
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('无法启动 / could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
