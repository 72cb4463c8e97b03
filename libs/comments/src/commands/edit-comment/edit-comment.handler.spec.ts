import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { commentPosted } from '../../testing/comment-fixtures';
import { EditCommentCommand } from './edit-comment.command';
import { EditCommentDto } from './edit-comment.dto';
import { EditCommentHandler } from './edit-comment.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const commentId = '0192f0aa-0000-7000-8000-0000000000c2';
const stream = `comment-${commentId}`;
const author = commandMetadata();
const posted = commentPosted(commentId, { id: author.actorId, role: 'coordinator', organisationId: null });

const setUp = () => {
  const aggregates = new InMemoryAggregates().given(ghent, stream, [posted]);
  return { aggregates, handler: new EditCommentHandler(aggregates) };
};
const edit = (expectedVersion: number, changes: EditCommentDto, actorId = author.actorId) =>
  new EditCommentCommand(ghent, commentId, expectedVersion, changes, { ...author, actorId });

describe('EditCommentHandler', () => {
  it('records what changed at the version the author saw', async () => {
    const { aggregates, handler } = setUp();
    expect(await handler.execute(edit(1, { visibility: 'public' }))).toEqual({ version: 2, position: 2 });
    expect(aggregates.eventsOf(ghent, stream)[1]).toEqual({
      type: 'CommentEdited',
      data: { commentId, visibility: 'public' },
    });
  });

  it('refuses an edit by someone else, and a stale If-Match', async () => {
    const { handler } = setUp();
    await expect(handler.execute(edit(1, { body: 'x' }, 'someone-else'))).rejects.toMatchObject({
      code: 'COMMENT.NOT_AUTHOR',
    });
    await expect(handler.execute(edit(2, { body: 'x' }))).rejects.toMatchObject({
      code: 'COMMENT.VERSION_CONFLICT',
      details: { currentVersion: 1 },
    });
  });

  it('refuses an edit that changes no field', async () => {
    const { handler } = setUp();
    await expect(handler.execute(edit(1, {}))).rejects.toMatchObject({ code: 'COMMENT.NOTHING_TO_CHANGE' });
  });
});
