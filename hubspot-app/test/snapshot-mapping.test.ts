import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const mapping = require('../src/app/functions/lib/snapshot-mapping.js');

const AS_OF = '2026-11-02T09:00:00.000Z';
const rec = (id: string, properties: Record<string, string | null>) => ({ id, properties });
const daysAgo = (n: number) => new Date(Date.parse(AS_OF) - n * 86_400_000).toISOString();

function records(overrides: Record<string, unknown> = {}) {
  return {
    company: rec('1', { name: 'Acme' }),
    deals: [],
    tickets: [],
    contacts: [],
    meetings: [],
    meetingContacts: new Map(),
    ...overrides,
  };
}

describe('HubSpot records → snapshot', () => {
  it('reads HubSpot strings as numbers, flags and ISO dates, and leaves out what is blank', () => {
    const s = mapping.toSnapshot(
      records({
        company: rec('1', {
          name: 'Acme',
          csops_arr: '120000',
          csops_licensed_seats: '60',
          csops_auto_renew: 'true',
          csops_renewal_date: '2027-03-01',
          csops_nps_latest: '',
          csops_last_activity_at: String(Date.parse(daysAgo(2))),
        }),
      }),
      AS_OF,
    );
    expect(s).toEqual({
      accountId: '1',
      name: 'Acme',
      asOf: AS_OF,
      arr: 120000,
      contract: { licensedSeats: 60, autoRenew: true, renewalDate: '2027-03-01T00:00:00.000Z' },
      usage: { lastActivityAt: daysAgo(2) },
    });
  });

  it('counts open, recent and escalated tickets as of the snapshot date', () => {
    const s = mapping.toSnapshot(
      records({
        tickets: [
          rec('t1', { createdate: daysAgo(3), closed_date: null, hs_ticket_priority: 'HIGH' }),
          rec('t2', {
            createdate: daysAgo(40),
            closed_date: daysAgo(20),
            hs_ticket_priority: 'URGENT',
          }),
          rec('t3', { createdate: daysAgo(100), closed_date: null, hs_ticket_priority: 'LOW' }),
          rec('t4', { createdate: daysAgo(-1), closed_date: null, hs_ticket_priority: 'HIGH' }),
        ],
      }),
      AS_OF,
    );
    expect(s.support).toEqual({
      openTickets: 2,
      tickets30d: 1,
      escalations90d: 2,
      observedAt: AS_OF,
    });
  });

  it('knows a champion is present, has left, or is simply not on record', () => {
    const champion = rec('c1', { csops_stakeholder_role: 'champion' });
    const gone = rec('c2', {
      csops_stakeholder_role: 'champion',
      csops_left_company_at: '2026-10-13',
    });
    const sponsor = rec('c3', { csops_stakeholder_role: 'executive_sponsor' });
    const present = mapping.toSnapshot(records({ contacts: [champion, gone] }), AS_OF).engagement;
    expect(present).toMatchObject({
      championPresent: true,
      championLeftAt: '2026-10-13T00:00:00.000Z',
    });
    expect(
      mapping.toSnapshot(records({ contacts: [gone] }), AS_OF).engagement.championPresent,
    ).toBe(false);
    expect(
      mapping.toSnapshot(records({ contacts: [sponsor] }), AS_OF).engagement.championPresent,
    ).toBeUndefined();
  });

  it('dates the last executive meeting by who attended, and counts meetings in 90 days', () => {
    const sponsor = rec('c3', { csops_stakeholder_role: 'executive_sponsor' });
    const meetings = [
      rec('m1', { hs_meeting_start_time: daysAgo(120) }),
      rec('m2', { hs_meeting_start_time: daysAgo(30) }),
      rec('m3', { hs_meeting_start_time: daysAgo(5) }),
    ];
    const e = mapping.toSnapshot(
      records({
        contacts: [sponsor],
        meetings,
        meetingContacts: new Map([
          ['m1', ['c3']],
          ['m2', ['c3']],
        ]),
      }),
      AS_OF,
    ).engagement;
    expect(e).toMatchObject({ lastExecutiveMeetingAt: daysAgo(30), meetings90d: 2 });
  });

  it('measures the trend against the last score from an earlier day, never one from the same day', () => {
    const company = rec('1', {
      csops_health_score: '71',
      csops_health_band: 'green',
      csops_health_updated_at: '2026-11-02T07:00:00.000Z',
      csops_health_previous_score: '64',
      csops_health_previous_band: 'yellow',
      csops_health_previous_at: '2026-11-01T07:00:00.000Z',
    });
    expect(mapping.previousHealth(company, AS_OF)).toEqual({
      score: 64,
      band: 'yellow',
      asOf: '2026-11-01T07:00:00.000Z',
    });
    expect(mapping.previousHealth(company, '2026-11-03T09:00:00.000Z')).toEqual({
      score: 71,
      band: 'green',
      asOf: '2026-11-02T07:00:00.000Z',
    });
    expect(mapping.previousHealth(rec('2', {}), AS_OF)).toBeUndefined();
  });

  it('finds an open expansion deal and ignores closed ones', () => {
    const closed = rec('d1', { csops_expansion_key: 'k1', dealstage: 'closedwon' });
    const open = rec('d2', {
      csops_expansion_key: 'k2',
      dealstage: 'appointmentscheduled',
      dealname: 'More seats',
      amount: '5000',
    });
    expect(mapping.openExpansionDeal([closed])).toBeNull();
    expect(mapping.openExpansionDeal([closed, open])).toEqual({
      id: 'd2',
      name: 'More seats',
      amount: 5000,
      key: 'k2',
    });
  });
});
