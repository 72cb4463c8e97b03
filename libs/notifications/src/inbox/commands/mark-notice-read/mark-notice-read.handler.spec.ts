import { asUserId } from '@rl/kernel';
import { InMemoryMyNotices, noticeRow } from '../../../testing/in-memory-inbox';
import { MarkNoticeReadCommand } from './mark-notice-read.command';
import { MarkNoticeReadHandler } from './mark-notice-read.handler';

const ana = asUserId('0192f0aa-0000-7000-8000-00000000a001');
const bo = asUserId('0192f0aa-0000-7000-8000-00000000a002');
const first = new Date('2025-03-02T08:00:00Z');

describe('MarkNoticeReadHandler', () => {
  it('marks one of the caller’s notices read and keeps the first instant when marked again', async () => {
    let now = first;
    const handler = new MarkNoticeReadHandler(new InMemoryMyNotices(() => now).given(ana, noticeRow('n1')));
    expect(await handler.execute(new MarkNoticeReadCommand(ana, 'n1'))).toEqual({
      id: 'n1',
      readAt: first.toISOString(),
    });
    now = new Date('2025-03-03T08:00:00Z');
    expect((await handler.execute(new MarkNoticeReadCommand(ana, 'n1'))).readAt).toBe(first.toISOString());
  });

  it('says not found for another person’s notice', async () => {
    const handler = new MarkNoticeReadHandler(new InMemoryMyNotices().given(bo, noticeRow('n1')));
    await expect(handler.execute(new MarkNoticeReadCommand(ana, 'n1'))).rejects.toMatchObject({
      code: 'NOTICE.NOT_FOUND',
    });
  });
});
