import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { asCityId } from '@rl/kernel';
import { Actor, ApiErrors, CurrentActor, SignedIn, uuidParam } from '@rl/web';
import { AuthErrors, InvitationErrors } from './domain/identity.errors';
import { SessionView } from './auth/session.view';
import { AnswerInvitationCommand } from './commands/answer-invitation/answer-invitation.command';
import { ChangePasswordCommand, ChangePasswordDto } from './commands/change-password/change-password.command';
import { MeQuery, MeView } from './queries/me/me.query';
import { InvitationView, MyInvitationsQuery } from './queries/my-invitations/my-invitations.query';

@ApiTags('auth')
@Controller('v1/me')
export class MeController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'Who I am and where I am a member' })
  @ApiOkResponse({ type: MeView })
  me(@CurrentActor() actor: Actor): Promise<MeView> {
    return this.queries.execute(new MeQuery(actor.userId));
  }

  @Get('invitations')
  @SignedIn()
  @ApiOperation({ summary: 'Memberships offered to me that I have not answered yet' })
  @ApiOkResponse({ type: [InvitationView] })
  invitations(@CurrentActor() actor: Actor): Promise<InvitationView[]> {
    return this.queries.execute(new MyInvitationsQuery(actor.userId));
  }

  @Post('invitations/:id/accept')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: 'Accept a membership offered to me (it becomes active at once)' })
  @ApiNoContentResponse({ description: 'I am now an active member of the city' })
  @ApiErrors(InvitationErrors.NOT_FOUND)
  async accept(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<void> {
    await this.commands.execute(new AnswerInvitationCommand(actor.userId, asCityId(id), 'accept'));
  }

  @Post('invitations/:id/decline')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: 'Decline a membership offered to me (the offer is removed)' })
  @ApiNoContentResponse({ description: 'The offer is gone; the city may offer again' })
  @ApiErrors(InvitationErrors.NOT_FOUND)
  async decline(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<void> {
    await this.commands.execute(new AnswerInvitationCommand(actor.userId, asCityId(id), 'decline'));
  }

  @Post('password')
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change my password',
    description:
      'Every session of the account ends (their access and refresh tokens stop working); the answer is a new session for the caller.',
  })
  @ApiOkResponse({ type: SessionView })
  @ApiErrors(AuthErrors.WRONG_PASSWORD, AuthErrors.PASSWORD_CHANGED)
  changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto): Promise<SessionView> {
    return this.commands.execute(new ChangePasswordCommand(actor.userId, body));
  }
}
