import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CITY_ROLES, CityRole, Page } from '@rl/kernel';
import {
  ApiCityList,
  ApiCityRead,
  ApiCommand,
  ApiErrors,
  CityAccess,
  CityContext,
  CommandContext,
  CommandMetadata,
  CurrentCity,
  IfMatchVersion,
  pageRequest,
  uuidParam,
  versionConflict,
  WriteResultView,
} from '@rl/web';
import { CreateTaskCommand } from './commands/create-task/create-task.command';
import { CreateTaskDto } from './commands/create-task/create-task.dto';
import { UpdateTaskCommand } from './commands/update-task/update-task.command';
import { UpdateTaskDto } from './commands/update-task/update-task.dto';
import { TaskErrors as E } from './domain/task.errors';
import { GetTaskQuery } from './queries/get-task/get-task.query';
import { ListTasksDto } from './queries/list-tasks/list-tasks.dto';
import { ListTasksQuery } from './queries/list-tasks/list-tasks.query';
import { TaskHistoryQuery } from './queries/task-history/task-history.query';
import { TaskReadDto } from './queries/task-read.dto';
import { CreatedTaskView, TaskChangeView, TaskView } from './task.view';

const EDITORS: readonly CityRole[] = ['coordinator', 'official'];
// Editors, and whoever may be the assignee (checked against the task); observers never write.
const WRITERS: readonly CityRole[] = CITY_ROLES.filter((role) => role !== 'observer');
const CONTENT_ERRORS = [E.INVALID, E.INVALID_DUE, E.UNKNOWN_LINK, E.UNKNOWN_ASSIGNEE];

@ApiTags('tasks')
@Controller('v1/cities/:city/tasks')
export class TasksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      "Create a task: assignee organisation and/or member, due (a date alone: the end of that day in the city's zone), links",
  })
  @ApiCommand({ roles: EDITORS, answer: { type: CreatedTaskView, status: 201 } })
  @ApiErrors(...CONTENT_ERRORS)
  create(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: CreateTaskDto,
  ): Promise<CreatedTaskView> {
    return this.commands.execute(new CreateTaskCommand(city.id, city.timezone, body, metadata));
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'Change a task (coordinators, officials); its assignee changes only the status, not to or from cancelled',
  })
  @ApiCommand({ roles: WRITERS, ifMatch: true })
  @ApiErrors(
    E.NOTHING_TO_CHANGE,
    E.NOT_FOUND,
    E.NOT_ALLOWED,
    E.STATUS_ONLY,
    ...CONTENT_ERRORS,
    versionConflict('TASK'),
  )
  update(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() body: UpdateTaskDto,
  ): Promise<WriteResultView> {
    return this.commands.execute(
      new UpdateTaskCommand(city.id, city.timezone, id, expectedVersion, body, metadata),
    );
  }

  @Get()
  @ApiOperation({
    summary: 'List tasks by due instant; filter by status, assignee organisation, due from/to',
  })
  @ApiCityList(TaskView, 'By due instant, then id')
  list(@CurrentCity() city: CityContext, @Query() query: ListTasksDto): Promise<Page<TaskView>> {
    const { status, assigneeOrganisationId, from: dueFrom, to: dueTo } = query;
    const filter = { status, assigneeOrganisationId, dueFrom, dueTo };
    return this.queries.execute(new ListTasksQuery(city.id, filter, pageRequest(query), query.minPosition));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a task, optionally as it was at an instant' })
  @ApiCityRead(TaskView)
  @ApiErrors(E.NOT_FOUND)
  async get(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: TaskReadDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TaskView> {
    const view = await this.queries.execute(new GetTaskQuery(city.id, id, query));
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Get(':id/history')
  @CityAccess(CITY_ROLES)
  @ApiOperation({ summary: "Every change of the task with who and when (from the city's log)" })
  @ApiOkResponse({ type: [TaskChangeView] })
  @ApiErrors(E.NOT_FOUND)
  history(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<TaskChangeView[]> {
    return this.queries.execute(new TaskHistoryQuery(city.id, id));
  }
}
