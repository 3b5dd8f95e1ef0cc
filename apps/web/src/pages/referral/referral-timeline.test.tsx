// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryEvent } from './history-runs';
import { ReferralTimeline } from './referral-timeline';

afterEach(cleanup);

const lee = { id: 'u-lee', displayName: 'Lee Provider' };
const visit = (day: number): HistoryEvent => ({ id: `v${day}`, type: 'VISIT_RECORDED', at: `2026-11-${10 + day}T15:00:00Z`, fromStatus: 'IN_TREATMENT', toStatus: 'IN_TREATMENT', reason: null, actor: lee });

describe('ReferralTimeline', () => {
  it('shows a run of visits as one entry with its first and last time, and each time on request', () => {
    const events: HistoryEvent[] = [
      { id: 'e1', type: 'TREATMENT_STARTED', at: '2026-11-10T15:00:00Z', fromStatus: 'SCHEDULED', toStatus: 'IN_TREATMENT', reason: null, actor: lee },
      ...[1, 2, 3, 4].map(visit),
    ];
    render(
      <MantineProvider>
        <ReferralTimeline events={events} timeZone="America/Chicago" />
      </MantineProvider>,
    );
    expect(screen.getByText('Treatment started')).toBeTruthy();
    expect(screen.getByText('Visit recorded, 4 times')).toBeTruthy();
    expect(screen.getByText(/Nov 11, 2026, 9:00 AM CST to Nov 14, 2026, 9:00 AM CST · Lee Provider/)).toBeTruthy();

    const toggle = screen.getByRole('button', { name: 'Show each of the 4' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const each = within(document.getElementById(toggle.getAttribute('aria-controls') as string) as HTMLElement).getAllByRole('listitem');
    expect(each.map((item) => item.textContent)).toEqual([11, 12, 13, 14].map((day) => `Nov ${day}, 2026, 9:00 AM CST`));
  });
});
