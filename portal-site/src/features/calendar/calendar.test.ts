import { describe, expect, it } from 'vitest';
import type { AvailablePortalView } from '@enroute/contracts';
import {
  FIXTURE_CODE,
  portalViewFixture,
  type FixtureState,
} from '../portal-view/fixtures/views.ts';
import { calendarFor } from './calendar.ts';

const view = (state: FixtureState) => portalViewFixture(state, 'en') as AvailablePortalView;
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('add to calendar', () => {
  it('holds the booked window in the account zone, at the service address', () => {
    const calendar = calendarFor(view('scheduled'), new Date('2026-11-24T10:00:00Z'));
    expect(calendar).not.toBeNull();
    const ics = unfold(calendar!.content);
    expect(ics).toContain('DTSTART;TZID=Europe/Paris:20261125T140000');
    expect(ics).toContain('DTEND;TZID=Europe/Paris:20261125T160000');
    expect(ics).toContain('LOCATION:12 rue de la Paix\\, 75002 Paris');
    expect(ics).toContain('UID:WO-2026-000184@enroute');
    expect(ics).not.toContain(FIXTURE_CODE);
  });

  it('is offered only for a visit still to come', () => {
    expect(calendarFor(view('rescheduled'))).not.toBeNull();
    expect(calendarFor(view('traveling'))).not.toBeNull();
    for (const state of ['in-progress', 'completed-rating', 'canceled'] as const) {
      expect(calendarFor(view(state))).toBeNull();
    }
  });
});
