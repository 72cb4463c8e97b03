import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  uuidParam,
  WriteResultView,
} from '@rl/web';
import { WebhookErrors } from '../domain/notifications.errors';
import { RedeliverWebhookCommand } from './commands/redeliver-webhook/redeliver-webhook.command';
import { RegisterWebhookCommand } from './commands/register-webhook/register-webhook.command';
import { RegisterWebhookDto } from './commands/register-webhook/register-webhook.dto';
import { RemoveWebhookCommand } from './commands/remove-webhook/remove-webhook.command';
import { ListWebhookDeliveriesDto } from './queries/list-webhook-deliveries/list-webhook-deliveries.dto';
import { ListWebhookDeliveriesQuery } from './queries/list-webhook-deliveries/list-webhook-deliveries.query';
import { ListWebhooksQuery } from './queries/list-webhooks/list-webhooks.query';
import { CreatedWebhookView, WebhookDeliveryView, WebhookView } from './webhook.view';

// A city's webhooks: its notices (reminders, returns, validations, comments) POSTed as signed JSON to
// the endpoints a coordinator registers.
@ApiTags('notifications')
@Controller('v1/cities/:city/webhooks')
export class WebhooksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Register a webhook' })
  @ApiCommand({
    roles: ['coordinator'],
    answer: {
      type: CreatedWebhookView,
      status: 201,
      description: 'Registered; the signing secret is in this response only',
    },
  })
  @ApiErrors(WebhookErrors.LIMIT_REACHED, WebhookErrors.URL_REFUSED)
  register(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: RegisterWebhookDto,
  ): Promise<CreatedWebhookView> {
    return this.commands.execute(new RegisterWebhookCommand(city.id, body, metadata));
  }

  @Get()
  @ApiOperation({ summary: 'List webhooks' })
  @CityAccess(['coordinator'])
  @ApiOkResponse({ type: [WebhookView], description: 'Active webhooks (without secrets), oldest first' })
  list(@CurrentCity() city: CityContext): Promise<WebhookView[]> {
    return this.queries.execute(new ListWebhooksQuery(city.id));
  }

  @Get('deliveries')
  @ApiOperation({ summary: 'List webhook deliveries' })
  @CityAccess(['coordinator'])
  @ApiPage(WebhookDeliveryView, 'Newest first; status=dead is the dead-letter list')
  deliveries(
    @CurrentCity() city: CityContext,
    @Query() query: ListWebhookDeliveriesDto,
  ): Promise<Page<WebhookDeliveryView>> {
    return this.queries.execute(new ListWebhookDeliveriesQuery(city.id, query));
  }

  @Post('deliveries/:id/redeliver')
  @ApiOperation({ summary: 'Redeliver a webhook delivery' })
  @HttpCode(200)
  @ApiCommand({
    roles: ['coordinator'],
    answer: { type: WebhookDeliveryView, description: 'Pending again, with a fresh set of attempts' },
  })
  @ApiErrors(
    WebhookErrors.DELIVERY_NOT_FOUND,
    WebhookErrors.DELIVERY_NOT_DEAD,
    WebhookErrors.REMOVED,
    WebhookErrors.DELIVERY_BUSY,
  )
  redeliver(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<WebhookDeliveryView> {
    return this.commands.execute(new RedeliverWebhookCommand(city.id, id));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Remove a webhook' })
  @ApiCommand({
    roles: ['coordinator'],
    answer: {
      type: WriteResultView,
      description: 'Deactivated: nothing more is sent to it; pending deliveries are dead-lettered',
    },
  })
  @ApiErrors(WebhookErrors.NOT_FOUND)
  remove(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<WriteResultView> {
    return this.commands.execute(new RemoveWebhookCommand(city.id, id, metadata));
  }
}
