import { asUserId } from '@rl/kernel';
import { bruges, ghent, identityKit } from '../../testing/identity-fixtures';
import { AnswerInvitationCommand } from './answer-invitation.command';
import { AnswerInvitationHandler } from './answer-invitation.handler';

const setUp = () => {
  const kit = identityKit();
  const person = kit.store.givenAccount({ email: 'p@ghent.example', passwordHash: 'h' });
  kit.store.givenOffer(ghent, person.id, 'official');
  return { ...kit, userId: asUserId(person.id), handler: new AnswerInvitationHandler(kit.store) };
};

describe('AnswerInvitationHandler', () => {
  it('activates an accepted membership, ends its token and records the answer as the person', async () => {
    const { handler, store, userId } = setUp();
    await handler.execute(new AnswerInvitationCommand(userId, ghent, 'accept'));
    expect(store.member(ghent, userId)).toMatchObject({ pending: false, active: true });
    expect(store.tables.invitations).toEqual([]);
    expect(store.tables.appended).toEqual([
      {
        cityId: ghent,
        streamId: `member-${userId}`,
        events: [{ type: 'MemberInvitationAccepted', data: { userId } }],
        metadata: { actorId: userId },
      },
    ]);
  });

  it('forgets a declined offer, so that the city may offer again', async () => {
    const { handler, store, userId } = setUp();
    await handler.execute(new AnswerInvitationCommand(userId, ghent, 'decline'));
    expect(store.member(ghent, userId)).toBeUndefined();
    expect(store.eventsOf(ghent, `member-${userId}`)).toEqual([
      { type: 'MemberInvitationDeclined', data: { userId } },
    ]);
  });

  it('says not found for a city that offered nothing, and for an offer already answered', async () => {
    const { handler, userId } = setUp();
    await expect(
      handler.execute(new AnswerInvitationCommand(userId, bruges, 'accept')),
    ).rejects.toMatchObject({
      code: 'INVITATION.NOT_FOUND',
    });
    await handler.execute(new AnswerInvitationCommand(userId, ghent, 'accept'));
    await expect(
      handler.execute(new AnswerInvitationCommand(userId, ghent, 'decline')),
    ).rejects.toMatchObject({
      code: 'INVITATION.NOT_FOUND',
    });
  });
});
