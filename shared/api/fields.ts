// Primitive field schemas every part of the API contract uses (years, ids, department names,
// a target: a number in the indicator's unit or "/" for no target).
import { z } from 'zod';

export const Year = z.number().int().min(1900).max(2200);
export const Id = z.string().min(1).max(200);
export const Department = z.string().min(1).max(200);
export const TargetSchema = z.union([z.number(), z.literal('/')]);

/** Which value of a cell an edit or an import change writes. */
export const EditFieldSchema = z.enum(['actual', 'note']);

/**
 * Where an actual's current value came from: typed/pasted/undo… by `who`, or imported from a file
 * (name, sha256, the return's department) in import `importId`; `at` is an ISO time.
 */
export const ProvenanceSchema = z.object({
  source: z.string(),
  who: z.string(),
  at: z.string(),
  fileName: z.string().nullable(),
  sha256: z.string().nullable(),
  department: z.string().nullable(),
  importId: z.number().int().nullable(),
});
