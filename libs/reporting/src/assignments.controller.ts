import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page } from '@rl/kernel';
import {
  ApiCityList,
  ApiCommand,
  ApiErrors,
  CityContext,
  CommandContext,
  CommandMetadata,
  CurrentCity,
  pageRequest,
  WriteResultView,
  uuidParam,
  versionConflict,
} from '@rl/web';
import { CreateAssignmentCommand } from './commands/create-assignment/create-assignment.command';
import { CreateAssignmentDto } from './commands/create-assignment/create-assignment.dto';
import { WithdrawAssignmentCommand } from './commands/withdraw-assignment/withdraw-assignment.command';
import { AssignmentErrors } from './domain/reporting.errors';
import { ListAssignmentsQuery } from './queries/list-assignments/list-assignments.query';
import { ListAssignmentsDto } from './read-options.dto';
import { AssignmentView, CreatedAssignmentView } from './reporting.view';

@ApiTags('reporting')
@Controller('v1/cities/:city/assignments')
export class AssignmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Assign an indicator to an organisation for a period' })
  @ApiCommand({ roles: ['coordinator'], answer: { type: CreatedAssignmentView, status: 201 } })
  @ApiErrors(
    AssignmentErrors.ALREADY_EXISTS,
    AssignmentErrors.UNKNOWN_INDICATOR,
    AssignmentErrors.UNKNOWN_ORGANISATION,
    AssignmentErrors.UNKNOWN_PERIOD,
  )
  create(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: CreateAssignmentDto,
  ): Promise<CreatedAssignmentView> {
    return this.commands.execute(new CreateAssignmentCommand(city.id, body, metadata));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Withdraw an assignment' })
  @ApiCommand({ roles: ['coordinator'] })
  @ApiErrors(AssignmentErrors.NOT_FOUND, AssignmentErrors.ALREADY_WITHDRAWN, versionConflict('ASSIGNMENT'))
  withdraw(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<WriteResultView> {
    return this.commands.execute(new WithdrawAssignmentCommand(city.id, id, metadata));
  }

  @Get()
  @ApiOperation({ summary: 'List assignments' })
  @ApiCityList(AssignmentView, 'By period start, then creation')
  list(@CurrentCity() city: CityContext, @Query() query: ListAssignmentsDto): Promise<Page<AssignmentView>> {
    const { minPosition, periodId, organisationId, indicatorId } = query;
    return this.queries.execute(
      new ListAssignmentsQuery(
        city.id,
        { minPosition, periodId, organisationId, indicatorId },
        pageRequest(query),
      ),
    );
  }
}
