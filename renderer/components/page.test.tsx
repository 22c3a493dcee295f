import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PageHeading } from './page';

describe('PageHeading', () => {
  it('takes focus when its screen opens, so a screen reader starts at the new page', () => {
    render(<PageHeading>My caseload</PageHeading>);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'My caseload' }));
  });

  it('leaves focus in a field someone is already typing in', () => {
    // The field is focused before the heading's effect runs, as a quick typist's search box can be.
    render(
      <>
        <input aria-label="Search" autoFocus />
        <PageHeading>My caseload</PageHeading>
      </>,
    );
    expect(document.activeElement).toBe(screen.getByLabelText('Search'));
  });
});
