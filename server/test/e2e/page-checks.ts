import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core injected into the page: the serious and critical violations (WCAG 2.1 A/AA rules and best practices). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through DevTools: the dashboard's CSP (script-src 'self') rightly refuses an inline script tag.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** How far the page itself scrolls sideways (0 when wide content scrolls inside its own box). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Tables and cards that stick out of the viewport: with the page itself clipped (overflow
 * hidden somewhere up the tree) a wide table would pass horizontalOverflow() yet be cut off.
 * Each must fit, or scroll inside its own box (whose own right edge fits).
 */
export function wideBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const vw = document.documentElement.clientWidth;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('table, .n-card, [data-test=counts-table]'))) {
      let box: HTMLElement | null = el;
      // The nearest ancestor that scrolls sideways is the box the table lives in.
      while (box && box !== document.body && !/(auto|scroll)/.test(getComputedStyle(box).overflowX)) box = box.parentElement;
      const r = (box && box !== document.body ? box : el).getBoundingClientRect();
      if (r.width > 0 && Math.round(r.right) > vw + 1)
        out.push(`${el.tagName.toLowerCase()}${el.dataset.test ? `[data-test=${el.dataset.test}]` : ''} reaches ${Math.round(r.right)}px of ${vw}px`);
    }
    return out;
  });
}
