import { asUserId } from '@rl/kernel';
import { InMemoryMyNotices, noticeRow } from '../../../testing/in-memory-inbox';
import { ListMyNoticesHandler } from './list-my-notices.handler';
import { ListMyNoticesQuery } from './list-my-notices.query';

const ana = asUserId('0192f0aa-0000-7000-8000-00000000a001');
const bo = asUserId('0192f0aa-0000-7000-8000-00000000a002');
const handler = new ListMyNoticesHandler(
  new InMemoryMyNotices().given(ana, noticeRow('n1')).given(ana, noticeRow('n2')).given(bo, noticeRow('n3')),
);
const list = (before?: string) =>
  handler.execute(new ListMyNoticesQuery(ana, { unread: false, limit: 1, before }));

describe('ListMyNoticesHandler', () => {
  it('pages with the last notice’s id as the cursor', async () => {
    const page = await list();
    expect(page.items.map((n) => n.id)).toEqual(['n1']);
    expect(page.next).toBe('n1');
    expect(await list('n1')).toMatchObject({ items: [{ id: 'n2' }], next: null });
  });

  it('refuses a cursor that is not one of the caller’s notices, naming the field', async () => {
    await expect(list('n3')).rejects.toMatchObject({
      code: 'NOTICE.INVALID_CURSOR',
      errors: [{ field: 'before' }],
    });
  });
});
