// The two interface languages, declared once: the zod enum checks them at the API boundary, the
// type follows from it (docs/ARCHITECTURE.md §Message engine).
import { z } from 'zod';

/** 'zh' (Simplified Chinese, the default) or 'en'. */
export const LangSchema = z.enum(['zh', 'en']);
export type Lang = z.infer<typeof LangSchema>;
export const LANGS: readonly Lang[] = LangSchema.options;
