import { Body, Controller, Get, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, SignedIn } from '@rl/web';
import { UpdateMyPreferencesCommand } from './commands/update-my-preferences/update-my-preferences.command';
import { UpdateMyPreferencesDto } from './commands/update-my-preferences/update-my-preferences.dto';
import { NotificationPreferencesView } from './inbox.view';
import { GetMyPreferencesQuery } from './queries/get-my-preferences/get-my-preferences.query';

// How the caller wants to be notified, the same in every city.
@ApiTags('notifications')
@Controller('v1/me/notification-preferences')
export class MyPreferencesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Get my notification preferences' })
  @SignedIn()
  @ApiOkResponse({
    type: NotificationPreferencesView,
    description: "The defaults (e-mail and in-app, no digest, the city's time zone) until changed",
  })
  get(@CurrentActor() actor: Actor): Promise<NotificationPreferencesView> {
    return this.queries.execute(new GetMyPreferencesQuery(actor.userId));
  }

  @Put()
  @ApiOperation({ summary: 'Set my notification preferences' })
  @SignedIn()
  @ApiOkResponse({
    type: NotificationPreferencesView,
    description: 'Saved; applies to notices recorded from now on',
  })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID naming each bad field (e.g. timezone)' })
  put(
    @CurrentActor() actor: Actor,
    @Body() body: UpdateMyPreferencesDto,
  ): Promise<NotificationPreferencesView> {
    return this.commands.execute(new UpdateMyPreferencesCommand(actor.userId, body));
  }
}
