// axe-core (the accessibility engine) run in the page under test, over the whole document or one
// part of it, answering with its violations. The script is evaluated through the DevTools protocol
// rather than added as a <script> tag: the page's Content-Security-Policy (script-src 'self')
// rightly refuses inline scripts, and the tests keep that policy on.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One rule broken by some nodes, as axe reports it (impact: minor, moderate, serious, critical). */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

/**
 * Runs axe on the page (or inside the element matching `include`) against WCAG 2.x A/AA and
 * axe's best practices, and answers with every violation found.
 */
export async function runAxe(page: Page, include?: string): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(selector ? { include: [selector] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, include ?? null);
}

/** The violations of impact serious or critical: the ones the tests fail on. */
export function seriousOnes(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One line per violation (rule, impact, first nodes), for a failing assertion's message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.impact ?? '?'} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`).join('\n');
}
