// The text sizes: stepping stays within 100–150%, an unknown stored size counts as 100%, and the
// schema admits only the three sizes.
import { describe, expect, it } from 'vitest';
import { stepTextSize, textScale, TextSizeSchema } from '../../shared/domain/text-size';

describe('text size', () => {
  it('steps up and down between 100, 125 and 150, staying at the ends', () => {
    expect(stepTextSize(100, 1)).toBe(125);
    expect(stepTextSize(125, 1)).toBe(150);
    expect(stepTextSize(150, 1)).toBe(150);
    expect(stepTextSize(150, -1)).toBe(125);
    expect(stepTextSize(100, -1)).toBe(100);
  });
  it('counts a size it does not know as 100%', () => {
    expect(stepTextSize(110, 1)).toBe(125);
    expect(stepTextSize(90, -1)).toBe(100);
  });
  it('admits only 100, 125 and 150, and scales by the percent', () => {
    expect(TextSizeSchema.safeParse(125).success).toBe(true);
    expect(TextSizeSchema.safeParse(130).success).toBe(false);
    expect(TextSizeSchema.safeParse('150').success).toBe(false);
    expect(textScale(150)).toBe(1.5);
  });
});
