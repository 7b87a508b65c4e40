// The refusal a file gets from the real importer (readAndInterpret against the seed plan): the
// UnreadableWorkbookError it throws; the test fails if the file is read instead.
import { expect } from 'vitest';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';
import { readAndInterpret } from '../../electron/workbook/import/interpret';
import { UnreadableWorkbookError } from '../../electron/workbook/import/import-messages';

export async function refusal(bytes: Buffer, name: string): Promise<UnreadableWorkbookError> {
  const err = await readAndInterpret(bytes, name, SEED_PLAN).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UnreadableWorkbookError);
  return err as UnreadableWorkbookError;
}
