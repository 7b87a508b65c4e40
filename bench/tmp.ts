import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function makeTempDirSync(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'indicator-desk-bench-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
