// `plan import --dry-run` against a database that does not exist yet (docs/ARCHITECTURE.md §Plans as
// data, "The plan command line"): the real run would create that database, so the dry run reports
// what it would do against a fresh one, opened in a scratch folder that is removed afterwards. No
// file is created at the --db path (or the default database path).
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Services } from '../services/create-services';
import { createServices } from '../services/create-services';
import { resolveDbPath } from '../services/paths';
import type { OptionValues } from './args';
import { stringOption } from './args';

/**
 * Services for a dry run: `open(false)` when the database exists (or its --db cannot be created,
 * so the usual refusal is reported), else a fresh database in a scratch folder. `say` is told on
 * stderr that nothing will be created. `close()` also removes the scratch folder.
 */
export function openForDryRun(values: OptionValues, open: (writes: boolean) => Services, say: (line: string) => void): Services {
  const given = stringOption(values, 'db');
  if (given !== null && given.trim() === '') return open(false);
  const path = resolve(resolveDbPath(given));
  if (existsSync(path) || !existsSync(dirname(path)) || !statSync(dirname(path)).isDirectory()) return open(false);
  say(`试运行：数据库 ${path} 尚不存在，按新建的空数据库预览，不创建文件 / dry run: ${path} does not exist yet; previewing against a new empty database, creating no file`);
  const scratch = mkdtempSync(join(tmpdir(), 'indicator-desk-dry-run-'));
  const services = createServices({ dbPath: join(scratch, 'dry-run.sqlite'), mode: 'desktop' });
  return {
    ...services,
    close: () => {
      services.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
