// The API's check of an AppMessage (engine.ts declares the type). A module of its own so that code
// which only renders messages — the command line's inspect above all — does not load zod
// (docs/ARCHITECTURE.md §Command-line start).
import { z } from 'zod';
import type { AppMessage } from './engine';

/** key, params ({name} → string | number), zh, en: exactly engine.ts's AppMessage. */
export const AppMessageSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  zh: z.string(),
  en: z.string(),
}) satisfies z.ZodType<AppMessage>;
