import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Runs axe-core on what is rendered (the whole app by default, so landmark rules apply) and fails
 * with a readable list of violations. jsdom has no layout, so colour contrast comes back
 * "incomplete" here rather than passing: the browser e2e is where contrast is really checked.
 */
export async function expectNoAxeViolations(root: Element = document.body): Promise<void> {
  const results = await axe.run(root, { resultTypes: ['violations'] });
  const problems = results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(problems).toEqual([]);
}
