import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { AxeResults, Result } from 'axe-core';

/** WCAG 2.1 A and AA: what the project promises. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeCheckOptions {
  /** CSS selectors to leave out (e.g. a third-party widget that is checked elsewhere). */
  exclude?: string[];
  /** axe rule ids to skip, each with a reason in the calling test. */
  disableRules?: string[];
}

/** One line per violation: rule, impact, how many nodes, and the first offending selectors. */
function describeViolation(violation: Result): string {
  const targets = violation.nodes
    .slice(0, 3)
    .map((node) => node.target.join(' '))
    .join(' | ');
  return `${violation.id} (${violation.impact}, ${violation.nodes.length}×): ${violation.help} → ${targets}`;
}

/**
 * Runs axe-core on the page as it is now and fails when it finds a serious or critical
 * violation. Minor and moderate findings are returned for the caller to look at, not failed on.
 */
export async function expectNoSeriousAxeViolations(page: Page, options: AxeCheckOptions = {}): Promise<AxeResults> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const results = await builder.analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map(describeViolation), `axe-core found serious or critical violations on ${page.url()}`).toEqual([]);
  return results;
}

const DESKTOP = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };

/**
 * The same check at desktop width and at 390 px (a phone), so every page a journey visits is
 * checked at both; `ready` waits for what the narrow layout shows (e.g. a folded menu). The
 * page's own viewport is restored afterwards.
 */
export async function expectNoSeriousAxeViolationsAtBothWidths(page: Page, options: AxeCheckOptions & { ready?: (page: Page) => Promise<void> } = {}): Promise<void> {
  const original = page.viewportSize();
  try {
    for (const size of [DESKTOP, PHONE]) {
      const current = page.viewportSize();
      if (current?.width !== size.width || current.height !== size.height) await page.setViewportSize(size);
      // Let the layout answer the new width (media-query hooks re-render) before axe looks.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      if (options.ready) await options.ready(page);
      await expectNoSeriousAxeViolations(page, options);
    }
  } finally {
    if (original && page.viewportSize()?.width !== original.width) await page.setViewportSize(original);
  }
}
