import { Body, Controller, Get, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApiCityRead,
  ApiCommand,
  ApiErrors,
  CityContext,
  CommandContext,
  CommandMetadata,
  CurrentCity,
  MinPositionDto,
  OptionalIfMatchVersion,
  versionConflict,
  WriteResultView,
} from '@rl/web';
import { ReminderPolicyErrors } from '../domain/notifications.errors';
import { ChangeReminderPolicyCommand } from './commands/change-reminder-policy/change-reminder-policy.command';
import { ChangeReminderPolicyDto } from './commands/change-reminder-policy/change-reminder-policy.dto';
import { ReminderPolicyView } from './inbox.view';
import { GetReminderPolicyQuery } from './queries/get-reminder-policy/get-reminder-policy.query';

// When a city's collectors are reminded of their deadlines, and when nobody is e-mailed.
@ApiTags('notifications')
@Controller('v1/cities/:city/reminder-policy')
export class ReminderPolicyController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: "Get the city's reminder policy" })
  @ApiCityRead(ReminderPolicyView)
  async get(
    @CurrentCity() city: CityContext,
    @Query() query: MinPositionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReminderPolicyView> {
    const view = await this.queries.execute(new GetReminderPolicyQuery(city.id, query.minPosition));
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Put()
  @ApiOperation({ summary: "Change the city's reminder policy" })
  @ApiCommand({
    roles: ['coordinator'],
    ifMatch: {
      description:
        'The version you last saw (0 = the defaults): the change then fails with 409 if the policy changed since. ' +
        'Without it the policy is replaced unconditionally.',
      required: false,
    },
    answer: {
      type: WriteResultView,
      description: 'Recorded; reminders of open assignments are rescheduled (read it back with minPosition)',
    },
  })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID: malformed body (e.g. more than 20 offsets)' })
  @ApiErrors(ReminderPolicyErrors.INVALID, versionConflict('REMINDER_POLICY'))
  change(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @OptionalIfMatchVersion() expectedVersion: number | undefined,
    @Body() body: ChangeReminderPolicyDto,
  ): Promise<WriteResultView> {
    return this.commands.execute(new ChangeReminderPolicyCommand(city.id, body, expectedVersion, metadata));
  }
}
