import { describe, expect, it } from 'vitest';
import { historyEntries, type HistoryEvent } from './history-runs';

let next = 0;
const event = (type: HistoryEvent['type'], actorId: string | null, reason: string | null = null): HistoryEvent => ({
  id: `e${++next}`,
  type,
  at: `2026-12-0${(next % 9) + 1}T10:00:00Z`,
  fromStatus: null,
  toStatus: 'IN_TREATMENT',
  reason,
  actor: actorId ? { id: actorId, displayName: actorId } : null,
});

const shape = (events: HistoryEvent[]) => historyEntries(events).map((entry) => `${entry.events[0].type}×${entry.events.length}`);

describe('historyEntries', () => {
  it('folds three or more silent events of one type by one person into one entry, in order', () => {
    const events = [event('SENT', 'a'), event('ACCEPTED', 'b'), ...[1, 2, 3, 4].map(() => event('VISIT_RECORDED', 'b')), event('COMPLETED', 'b')];
    expect(shape(events)).toEqual(['SENT×1', 'ACCEPTED×1', 'VISIT_RECORDED×4', 'COMPLETED×1']);
  });

  it('leaves a run of two as two lines', () => {
    expect(shape([event('VISIT_RECORDED', 'b'), event('VISIT_RECORDED', 'b')])).toEqual(['VISIT_RECORDED×1', 'VISIT_RECORDED×1']);
  });

  it('never folds what someone wrote, nor events by different people', () => {
    const events = [event('VISIT_RECORDED', 'b'), event('VISIT_RECORDED', 'b', 'Missed: the patient was ill'), event('VISIT_RECORDED', 'b'), event('VISIT_RECORDED', 'c'), event('VISIT_RECORDED', 'b')];
    expect(shape(events)).toEqual(Array(5).fill('VISIT_RECORDED×1'));
  });

  it('keeps every event exactly once', () => {
    const events = [...[1, 2, 3].map(() => event('TREATMENT_PLAN_SET', 'b')), event('INFO_REQUESTED', 'b', 'X-ray?'), ...[1, 2, 3].map(() => event('VISIT_RECORDED', 'b'))];
    expect(historyEntries(events).flatMap((entry) => entry.events)).toEqual(events);
  });
});
