import { MessageKind } from '../messaging';
import { OVERDUE_REMINDERS, reminderFor } from './learner-reminders.service';

const HOUR = 3_600_000;
const due = new Date('2026-03-04T12:00:00Z');
const when = (hoursFromDue: number) => new Date(due.getTime() + hoursFromDue * HOUR);

describe('which reminder an open assignment has coming', () => {
  it('none until the due-soon window opens, then due-soon, keyed by the due date', () => {
    expect(reminderFor('e1', due, when(-49), 48)).toBeNull();
    expect(reminderFor('e1', due, when(-48), 48)).toEqual({ kind: MessageKind.DUE_SOON, key: `DUE_SOON:e1:${due.getTime()}` });
    expect(reminderFor('e1', due, when(-1), 24)).toEqual({ kind: MessageKind.DUE_SOON, key: `DUE_SOON:e1:${due.getTime()}` });
    expect(reminderFor('e1', due, when(-30), 24)).toBeNull();
  });

  it(`overdue from the due time, a new one each week, ${OVERDUE_REMINDERS} in all`, () => {
    expect(reminderFor('e1', due, when(0), 48)?.key).toBe(`OVERDUE:e1:${due.getTime()}:0`);
    expect(reminderFor('e1', due, when(7 * 24 - 1), 48)?.key).toBe(`OVERDUE:e1:${due.getTime()}:0`);
    expect(reminderFor('e1', due, when(7 * 24), 48)?.key).toBe(`OVERDUE:e1:${due.getTime()}:1`);
    expect(reminderFor('e1', due, when(OVERDUE_REMINDERS * 7 * 24 - 1), 48)?.kind).toBe(MessageKind.OVERDUE);
    expect(reminderFor('e1', due, when(OVERDUE_REMINDERS * 7 * 24), 48)).toBeNull();
  });
});
