// Results, not exceptions, across the process boundary: the renderer shows a message, never a stack.
import { z } from 'zod';

export const AppMessageSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  zh: z.string(),
  en: z.string(),
});

export const ApiErrorSchema = z.object({
  code: z.enum(['invalid-request', 'refused', 'not-found', 'conflict', 'unreadable-file', 'internal']),
  message: AppMessageSchema,
});

export { ApiFailure, fail, ok } from './failure';
export type { ApiError, ApiErrorCode, Result } from './failure';
