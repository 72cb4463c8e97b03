import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Page } from '@rl/kernel';
import {
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
import { UpdateMemberCommand } from './commands/update-member/update-member.command';
import { UpdateMemberDto } from './commands/update-member/update-member.dto';
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
  @CityAccess(['coordinator'], { operator: true })
  @ApiCreatedResponse({ type: AddedMemberView })
  @ApiConflictResponse({ description: 'MEMBER.ALREADY_EXISTS, MEMBER.ACCOUNT_EXISTS' })
  add(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: AddMemberDto,
  ): Promise<AddedMemberView> {
    return this.commands.execute(new AddMemberCommand(city.id, metadata, body));
  }

  @Get()
  @CityAccess(['coordinator'], { operator: true })
  @ApiPage(MemberView, 'By role, then name')
  list(@CurrentCity() city: CityContext, @Query() query: PageQueryDto): Promise<Page<MemberView>> {
    return this.queries.execute(new ListMembersQuery(city.id, pageRequest(query)));
  }

  @Patch(':userId')
  @CityAccess(['coordinator'], { operator: true })
  @ApiOkResponse({ type: MemberView })
  @ApiConflictResponse({ description: 'MEMBER.LAST_COORDINATOR' })
  update(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('userId', uuidParam('userId')) userId: string,
    @Body() body: UpdateMemberDto,
  ): Promise<MemberView> {
    return this.commands.execute(new UpdateMemberCommand(city.id, metadata, userId, body));
  }
}
