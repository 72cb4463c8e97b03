import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CityRole, Page } from '@rl/kernel';
import {
  ApiCityList,
  ApiCityRead,
  ApiCommand,
  ApiErrors,
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
import { RecordAttendanceCommand } from './commands/record-attendance/record-attendance.command';
import { RecordAttendanceDto } from './commands/record-attendance/record-attendance.dto';
import { RecordDecisionCommand } from './commands/record-decision/record-decision.command';
import { RecordDecisionDto } from './commands/record-decision/record-decision.dto';
import { RecordMinutesCommand } from './commands/record-minutes/record-minutes.command';
import { RecordMinutesDto } from './commands/record-minutes/record-minutes.dto';
import { ReviseMeetingCommand } from './commands/revise-meeting/revise-meeting.command';
import { ReviseMeetingDto } from './commands/revise-meeting/revise-meeting.dto';
import { ScheduleMeetingCommand } from './commands/schedule-meeting/schedule-meeting.command';
import { ScheduleMeetingDto } from './commands/schedule-meeting/schedule-meeting.dto';
import { MeetingErrors as E } from './domain/meeting.errors';
import { CreatedDecisionView, CreatedMeetingView, MeetingSummaryView, MeetingView } from './meeting.view';
import { GetMeetingQuery } from './queries/get-meeting/get-meeting.query';
import { ListMeetingsQuery } from './queries/list-meetings/list-meetings.query';
import { ListMeetingsDto, MeetingReadDto } from './queries/read-options.dto';

// Organisers: the city's coordinators and officials.
const ORGANISERS: readonly CityRole[] = ['coordinator', 'official'];
const CONTENT_ERRORS = [E.INVALID_TIME, E.AGENDA_TOO_LONG, E.INVALID_URL, E.TOO_LARGE, E.UNKNOWN_REFERENCE];

@ApiTags('meetings')
@Controller('v1/cities/:city/meetings')
export class MeetingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Schedule a meeting with its agenda; invited members get an in-app notice' })
  @ApiCommand({ roles: ORGANISERS, answer: { type: CreatedMeetingView, status: 201 } })
  @ApiErrors(...CONTENT_ERRORS, E.RESULTS_ONLY)
  schedule(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: ScheduleMeetingDto,
  ): Promise<CreatedMeetingView> {
    return this.commands.execute(new ScheduleMeetingCommand(city.id, body, metadata));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Revise, reschedule, change the invitations of or cancel a meeting' })
  @ApiCommand({ roles: ORGANISERS, ifMatch: true })
  @ApiErrors(
    E.NOTHING_TO_CHANGE,
    E.CANCEL_ALONE,
    E.NOT_REMOVABLE,
    E.NOT_FOUND,
    E.CANCELLED,
    ...CONTENT_ERRORS,
    versionConflict('MEETING'),
  )
  revise(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() body: ReviseMeetingDto,
  ): Promise<WriteResultView> {
    return this.commands.execute(new ReviseMeetingCommand(city.id, id, expectedVersion, body, metadata));
  }

  @Post(':id/attendance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record who attended, by member and organisation (replaces the attendance)' })
  @ApiCommand({ roles: ORGANISERS })
  @ApiErrors(E.NOT_FOUND, E.CANCELLED, E.NOT_STARTED, E.ATTENDEE_EMPTY, E.TOO_LARGE, E.UNKNOWN_REFERENCE)
  attendance(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: RecordAttendanceDto,
  ): Promise<WriteResultView> {
    return this.commands.execute(new RecordAttendanceCommand(city.id, id, body, metadata));
  }

  @Post(':id/minutes')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record the minutes: a new revision replaces the current one, earlier ones are kept',
  })
  @ApiCommand({ roles: ORGANISERS })
  @ApiErrors(E.NOT_FOUND, E.CANCELLED, E.TOO_LARGE)
  minutes(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: RecordMinutesDto,
  ): Promise<WriteResultView> {
    return this.commands.execute(new RecordMinutesCommand(city.id, id, body, metadata));
  }

  @Post(':id/decisions')
  @ApiOperation({
    summary: 'Record a decision linked to indicators, terms, tasks, submissions; create its tasks',
  })
  @ApiCommand({ roles: ORGANISERS, answer: { type: CreatedDecisionView, status: 201 } })
  @ApiErrors(E.NOT_FOUND, E.CANCELLED, E.TOO_LARGE, E.UNKNOWN_REFERENCE)
  decide(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: RecordDecisionDto,
  ): Promise<CreatedDecisionView> {
    return this.commands.execute(new RecordDecisionCommand(city.id, id, body, metadata));
  }

  @Get()
  @ApiOperation({ summary: "The city's meetings by start; filter by kind and start between from and to" })
  @ApiCityList(MeetingSummaryView, 'By start')
  list(@CurrentCity() city: CityContext, @Query() query: ListMeetingsDto): Promise<Page<MeetingSummaryView>> {
    const { kind, from, to, minPosition } = query;
    return this.queries.execute(
      new ListMeetingsQuery(city.id, { kind, from, to }, pageRequest(query), minPosition),
    );
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A meeting with its agenda, attendance, minutes and decisions; optionally as of an instant',
  })
  @ApiCityRead(MeetingView)
  @ApiErrors(E.NOT_FOUND)
  async get(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: MeetingReadDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeetingView> {
    const view = await this.queries.execute(new GetMeetingQuery(city.id, id, query));
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }
}
