import { asUserId } from '@rl/kernel';
import { InMemoryMyNotices, noticeRow } from '../../../testing/in-memory-inbox';
import { MarkAllNoticesReadCommand } from './mark-all-notices-read.command';
import { MarkAllNoticesReadHandler } from './mark-all-notices-read.handler';

const ana = asUserId('0192f0aa-0000-7000-8000-00000000a001');
const bo = asUserId('0192f0aa-0000-7000-8000-00000000a002');
const now = new Date('2025-03-02T08:00:00Z');

describe('MarkAllNoticesReadHandler', () => {
  it('marks every unread notice of the caller at one instant, and only theirs', async () => {
    const notices = new InMemoryMyNotices(() => now)
      .given(ana, noticeRow('n1'))
      .given(ana, noticeRow('n2'))
      .given(ana, noticeRow('n3', new Date('2025-03-01T12:00:00Z')))
      .given(bo, noticeRow('n4'));
    const handler = new MarkAllNoticesReadHandler(notices);
    expect(await handler.execute(new MarkAllNoticesReadCommand(ana))).toEqual({
      marked: 2,
      readAt: now.toISOString(),
    });
    expect(await handler.execute(new MarkAllNoticesReadCommand(ana))).toMatchObject({ marked: 0 });
    expect(await handler.execute(new MarkAllNoticesReadCommand(bo))).toMatchObject({ marked: 1 });
  });
});
