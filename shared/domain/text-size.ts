// The text sizes a clerk can choose (docs/ARCHITECTURE.md §Accessibility): percent of the normal
// size (125 means 125%). Declared once: the zod schema checks them at the API boundary.
import { z } from 'zod';

/** 100, 125 or 150 (percent of the normal text size). */
export const TextSizeSchema = z.union([z.literal(100), z.literal(125), z.literal(150)]);
export type TextSize = z.infer<typeof TextSizeSchema>;

/** Smallest first. */
export const TEXT_SIZES: readonly TextSize[] = [100, 125, 150];
export const DEFAULT_TEXT_SIZE: TextSize = 100;

/**
 * The next size up (+1) or down (−1), staying at the ends (Ctrl + at 150% stays 150%); a size not
 * in TEXT_SIZES (an older or hand-edited setting) counts as the default.
 */
export function stepTextSize(current: number, step: 1 | -1): TextSize {
  const at = TEXT_SIZES.indexOf(current as TextSize);
  const from = at < 0 ? TEXT_SIZES.indexOf(DEFAULT_TEXT_SIZE) : at;
  return TEXT_SIZES[Math.min(TEXT_SIZES.length - 1, Math.max(0, from + step))] as TextSize;
}

/** The size as a scale factor (125 → 1.25). */
export function textScale(size: TextSize): number {
  return size / 100;
}
