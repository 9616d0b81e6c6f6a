/** Issue 15: the hub demo records two Technical Committee meetings, with attendance, the proposals examined and the steps they decided. */
import { describe, expect, it } from 'vitest';
import { openHub } from '../sync/hub-helpers';

describe('hub demo: Technical Committee meetings', () => {
  it('two meetings with attendance and quorum; the steps decided there name them', async () => {
    const hub = await openHub();
    const s = await hub.must('demo.hub', { seed: 7 });
    expect(s.meetings).toBe(2);
    const meetings = await hub.must('tc.meetings.list', {});
    expect(meetings).toHaveLength(2);
    for (const row of meetings) {
      const m = await hub.must('tc.meetings.get', { id: row.id });
      expect(m.proposals.length).toBeGreaterThan(0);
      const statuses = new Set(m.attendance.map((a) => a.status));
      expect(statuses.has('not_designated')).toBe(true);
      expect(m.attendance.filter((a) => a.status === 'proxy').every((a) => a.proxy_to !== null)).toBe(true);
      expect(m.quorum.base).toBe(m.attendance.filter((a) => a.status !== 'not_designated').length);
      // Every proposal examined there has a step naming this meeting.
      for (const p of m.proposals) {
        const track = (await hub.must('gov.proposals.get', { id: p })).track!;
        expect(track.steps.some((st) => st.meeting?.id === m.id)).toBe(true);
      }
    }
    expect((await hub.must('log.verify', {})).ok).toBe(true);
  }, 120_000);
});
