import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page } from '@rl/kernel';
import {
  ApiCommand,
  ApiErrors,
  ApiPage,
  CityAccess,
  CityContext,
  CommandContext,
  CommandMetadata,
  CurrentCity,
  PageQueryDto,
  pageRequest,
  uuidParam,
} from '@rl/web';
import { AddedMemberView, AddMemberCommand } from './commands/add-member/add-member.command';
import { AddMemberDto } from './commands/add-member/add-member.dto';
import { ReissueInvitationCommand } from './commands/reissue-invitation/reissue-invitation.command';
import { UpdateMemberCommand } from './commands/update-member/update-member.command';
import { UpdateMemberDto } from './commands/update-member/update-member.dto';
import { MemberErrors } from './domain/identity.errors';
import { MemberView } from './member.view';
import { ListMembersQuery } from './queries/list-members/list-members.query';

@ApiTags('members')
@Controller('v1/cities/:city/members')
export class MembersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiCommand({ roles: ['coordinator'], operator: true, answer: { type: AddedMemberView, status: 201 } })
  @ApiOperation({
    summary: 'Offer a person a membership (pending until they accept)',
    description:
      'The same answer whether or not the e-mail address has an account anywhere. A new account gets an invitation e-mail with a one-time token for POST /v1/auth/accept-invite; an existing account is told by e-mail and accepts signed in (GET /v1/me/invitations).',
  })
  @ApiErrors(MemberErrors.ALREADY_EXISTS, MemberErrors.UNKNOWN_ORGANISATION)
  add(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: AddMemberDto,
  ): Promise<AddedMemberView> {
    return this.commands.execute(new AddMemberCommand(city.id, metadata, body));
  }

  @Get()
  @CityAccess(['coordinator'], { operator: true })
  @ApiOperation({ summary: "The city's members with their role, organisation and status" })
  @ApiPage(MemberView, 'By role, then name')
  list(@CurrentCity() city: CityContext, @Query() query: PageQueryDto): Promise<Page<MemberView>> {
    return this.queries.execute(new ListMembersQuery(city.id, pageRequest(query)));
  }

  @Patch(':userId')
  @ApiCommand({ roles: ['coordinator'], operator: true, answer: { type: MemberView } })
  @ApiOperation({ summary: "Change a member's role or organisation, or remove them" })
  @ApiErrors(
    MemberErrors.NOTHING_TO_CHANGE,
    MemberErrors.NOT_FOUND,
    MemberErrors.LAST_COORDINATOR,
    MemberErrors.INVITATION_PENDING,
    MemberErrors.UNKNOWN_ORGANISATION,
  )
  update(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('userId', uuidParam('userId')) userId: string,
    @Body() body: UpdateMemberDto,
  ): Promise<MemberView> {
    return this.commands.execute(new UpdateMemberCommand(city.id, metadata, userId, body));
  }

  @Post(':userId/invitation')
  @ApiCommand({ roles: ['coordinator'], operator: true, answer: { type: AddedMemberView, status: 202 } })
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a pending member the invitation again',
    description: 'A token sent before stops working. The answer has the same shape as adding the member.',
  })
  @ApiErrors(MemberErrors.NOT_FOUND, MemberErrors.NOT_PENDING)
  reissueInvitation(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('userId', uuidParam('userId')) userId: string,
  ): Promise<AddedMemberView> {
    return this.commands.execute(new ReissueInvitationCommand(city.id, metadata, userId));
  }
}
