import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderCasePage } from '../../test-support/render-case-page';
import { createTestBackend } from '../../../tests/support/app-api/backend';
import { seedRileyShaw, type RileyStoryOptions } from '../../../tests/support/app-api/case-story';

/** Riley Shaw's case (tests/support/app-api/case-story.ts) on its Ending tab. */
async function renderEnding(options: RileyStoryOptions) {
  const backend = createTestBackend();
  await renderCasePage({ backend, caseId: seedRileyShaw(backend, options), tab: 'ending' });
  return screen.getByRole('tabpanel');
}

const value = (panel: HTMLElement, key: string) => within(panel).getByText(key, { selector: 'dt' }).nextElementSibling?.textContent;

describe('Ending tab', () => {
  it('summarises the ending: reason, code, criteria, final ratings with their change, grouping at close, what continues', async () => {
    const panel = await renderEnding({ upTo: 'closed' });
    expect(value(panel, 'Ending date')).toBe('08/01/2027');
    expect(value(panel, 'Reason for ending')).toBe('Ending criteria met');
    expect(value(panel, 'MHSDS closure code')).toBe('01');
    expect(value(panel, 'Ending criteria')).toBe('“Sleeps through most nights for a month”: Met“Attends school three days a week for four weeks”: Partly met');
    expect(value(panel, 'Final goal ratings (0 to 10)')).toBe(
      [
        'Goal 1: “Sleep through the night”: 8 (first 3 → final 8) Improved',
        'Goal 2: “Go to school three days a week”: 7 (first 4 → final 7) Improved',
        'Goal 3: “Feel less worried when out”: 5 (first 6 → final 5) No reliable change',
      ].join(''),
    );
    expect(value(panel, 'Current View at close')).toBe('THRIVE grouping at close: Thriving (completed 08/01/2027)');
    expect(value(panel, 'Continuing support')).toBe('School pastoral team check in weekly.');
    expect(value(panel, 'Signposting')).toBe('Kooth online support.');
    expect(value(panel, 'Wellbeing plan the young person keeps')).toBe('Bedtime routine, and who to talk to when worried.');
    expect(value(panel, 'Was the ending discussed from the start?')).toBe('Yes');
    // Recorded at noon UTC on the ending day (the test clock), which is 12:00 in London in winter.
    expect(value(panel, 'Recorded by')).toBe('Alex Morgan on 08/01/2027 12:00');
  });

  // Main refuses to close a case without its Current View at close, so an ending without one cannot be
  // recorded through the channels; only the "Other" reason and the empty optional fields are shown here.
  it('names an "Other" reason and the optional fields left empty', async () => {
    const panel = await renderEnding({ upTo: 'closed', endingReason: 'other' });
    expect(value(panel, 'Reason for ending')).toBe('Other: Family moved abroad');
    expect(value(panel, 'MHSDS closure code')).toBe('Not recorded');
    expect(value(panel, 'Signposting')).toBe('None recorded');
  });

  it('says an open case has not ended', async () => {
    const panel = await renderEnding({ upTo: 'reviewed' });
    expect(within(panel).getByText('Not ended yet.')).toBeTruthy();
  });
});
