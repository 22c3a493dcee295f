import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderCasePage } from '../../test-support/render-case-page';
import { createTestBackend } from '../../../tests/support/app-api/backend';
import { seedRileyShaw, type RileyStoryOptions } from '../../../tests/support/app-api/case-story';

const NOTE = 'A change of 3 or more points between the first and latest rating counts as meaningful (NHS England CYP outcome metric)';

/** Riley Shaw's case (tests/support/app-api/case-story.ts; open and reviewed by default) on its Goals tab. */
async function renderGoals(options: RileyStoryOptions = {}) {
  const backend = createTestBackend();
  return renderCasePage({ backend, caseId: seedRileyShaw(backend, options), tab: 'goals' });
}

/** The per-goal summary item whose heading names this goal. */
function goalItem(words: string): HTMLElement {
  const heading = within(screen.getByRole('tabpanel')).getByRole('heading', { level: 4, name: new RegExp(`“${words}”`) });
  return heading.closest('li')!;
}

describe('Goals tab', () => {
  it('lists every rating in the chart’s table equivalent, a row per date and a column per goal', async () => {
    await renderGoals();
    const table = screen.getByRole('table', { name: 'GBO ratings over time' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      [
        'Date',
        'Goal 1: “Sleep through the night”',
        'Goal 2: “Go back to school” (reworded 23/11/2026)',
        'Goal 2: “Go to school three days a week”',
        'Goal 3: “Join a club” (dropped 23/11/2026)',
        'Goal 3: “Feel less worried when out”',
      ],
      ['12/10/2026', '3', '2', '–Not rated', '5', '–Not rated'],
      ['23/11/2026', '5', '2', '4', '5', '6'],
      ['04/01/2027', '6', '–Not rated', '6', '–Not rated', '3'],
    ]);
  });

  it('labels each goal’s first → latest change with the threshold of 3: +3, +2 and −3', async () => {
    await renderGoals();
    expect(goalItem('Sleep through the night').textContent).toContain('First → latest: 3 → 6 (+3) Improved');
    expect(goalItem('Go to school three days a week').textContent).toContain('First → latest: 4 → 6 (+2) No reliable change');
    expect(goalItem('Feel less worried when out').textContent).toContain('First → latest: 6 → 3 (−3) Deteriorated');
    expect(screen.getByText(NOTE)).toBeTruthy();
  });

  it('keeps dropped and reworded goals on show, marked as such', async () => {
    await renderGoals();
    const old = goalItem('Go back to school');
    expect(within(old).getByText('Reworded', { selector: '.tag' })).toBeTruthy();
    expect(old.textContent).toContain('Reworded on 23/11/2026 as Goal 2: “Go to school three days a week”.');
    expect(goalItem('Go to school three days a week').textContent).toContain('Rewords Goal 2: “Go back to school”.');
    const club = goalItem('Join a club');
    expect(within(club).getByText('Dropped', { selector: '.tag' })).toBeTruthy();
    expect(club.textContent).toContain('Dropped on 23/11/2026.');
    expect(within(goalItem('Sleep through the night')).queryByText(/Dropped|Reworded/)).toBeNull();
  });

  it('draws a named, described chart: a line per goal, a labelled point per rating, ended goals marked, ±3 lines', async () => {
    const { container } = await renderGoals();
    const chart = screen.getByRole('img', { name: 'Chart of GBO ratings over time' });
    const description = document.getElementById(chart.getAttribute('aria-describedby')!)!.textContent!;
    expect(description).toContain('Goal 1: “Sleep through the night”: first 3, latest 6.');
    expect(description).toContain('Goal 3: “Join a club” (dropped 23/11/2026): first 5, latest 5.');

    expect(chart.querySelectorAll('polyline.goal-chart__line')).toHaveLength(5);
    expect(chart.querySelectorAll('.goal-chart__marker')).toHaveLength(11);
    const values = [...chart.querySelectorAll('.goal-chart__value')].map((t) => t.textContent);
    expect(values.sort()).toEqual(['2', '2', '3', '3', '4', '5', '5', '5', '6', '6', '6']);
    expect([...chart.querySelectorAll('.goal-chart__end-label')].map((t) => t.textContent)).toEqual(['Reworded', 'Dropped']);
    expect(chart.querySelectorAll('.goal-chart__series--ended')).toHaveLength(2);
    const thresholds = [...chart.querySelectorAll('.goal-chart__threshold-label')].map((t) => t.textContent);
    expect(thresholds.sort()).toEqual(['Goal 1 +3', 'Goal 1 −3', 'Goal 2 +3', 'Goal 2 −3', 'Goal 3 +3', 'Goal 3 −3']);
    expect([...chart.querySelectorAll('.goal-chart__tick')].map((t) => t.textContent)).toEqual(
      expect.arrayContaining(['0', '10', '12/10/2026', '23/11/2026', '04/01/2027']),
    );
    // Styled only by classes and attributes: the CSP forbids inline styles.
    expect(container.querySelectorAll('[style]')).toHaveLength(0);
  });

  it('marks a goal that is stuck with the reason', async () => {
    await renderGoals({ sleepScores: [4, 4, 5, 5] });
    const item = goalItem('Sleep through the night');
    expect(within(item).getByText('Stuck', { selector: '.tag' })).toBeTruthy();
    expect(item.textContent).toContain('Moved less than 3 points over at least 8 weeks');
    expect(within(goalItem('Feel less worried when out')).queryByText('Stuck')).toBeNull();
  });

  it('does not call goals of a closed case stuck, and counts the final ratings', async () => {
    await renderGoals({ upTo: 'closed', sleepScores: [4, 4, 5, 5] });
    expect(within(screen.getByRole('tabpanel')).queryByText('Stuck')).toBeNull();
    expect(goalItem('Feel less worried when out').textContent).toContain('6 → 5 (−1) No reliable change');
  });

  it('says when a goal has only its first rating, and when no goals are set', async () => {
    const { unmount } = await renderGoals({ upTo: 'plan' });
    expect(goalItem('Sleep through the night').textContent).toContain('Rated once so far (3)');
    unmount();
    await renderGoals({ upTo: 'opened' });
    expect(within(screen.getByRole('tabpanel')).getByText('Goals are set when the plan is agreed.')).toBeTruthy();
  });
});
