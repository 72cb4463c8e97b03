import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { v7 as uuidv7 } from 'uuid';
import { Aggregates } from '@rl/event-store';
import { CityRole, cursorOf, Page, pageOf } from '@rl/kernel';
import { ProjectionWaiter } from '@rl/projections';
import {
  ApiCommand,
  ApiErrors,
  ApiPage,
  ApiProjectionBehind,
  CityAccess,
  CityContext,
  CommandContext,
  CommandMetadata,
  CurrentCity,
  MinPositionDto,
  PagedReadDto,
  pageRequest,
  uuidParam,
  WriteResultView,
} from '@rl/web';
import { ConnectionView, CreatedConnectionView, QueuedRunView, RunView } from './collection.view';
import { ConnectCommand } from './commands/connect/connect.command';
import { ConnectDto } from './commands/connect/connect.dto';
import { DisconnectCommand } from './commands/disconnect/disconnect.command';
import { CollectionErrors as E } from './domain/collection.errors';
import { connectionDecider } from './domain/connection.decider';
import { connectionStream } from './domain/connection.events';
import { CollectionStore, ConnectionRow, RunRow } from './persistence/collection.store';
import { CONNECTIONS_PROJECTION } from './projections/connections.projection';
import { CollectionWakeups } from './pulls/collection-wakeups';

const COORDINATORS: readonly CityRole[] = ['coordinator'];
// Who may see connections and their runs (never their credentials).
const READERS: readonly CityRole[] = ['coordinator', 'official'];

const iso = (date: Date | null) => date && date.toISOString();
const connectionView = ({ createdBy: _, createdAt, updatedAt, ...row }: ConnectionRow): ConnectionView => ({
  ...row,
  createdAt: createdAt.toISOString(),
  updatedAt: updatedAt.toISOString(),
});
const runView = ({ connectionId: _, createdAt: __, startedAt, finishedAt, ...row }: RunRow): RunView => ({
  ...row,
  startedAt: iso(startedAt),
  finishedAt: iso(finishedAt),
});

@ApiTags('collection')
@Controller('v1/cities/:city/collection-connections')
export class CollectionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly store: CollectionStore,
    private readonly aggregates: Aggregates,
    private readonly waiter: ProjectionWaiter,
    private readonly wakeups: CollectionWakeups,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Connect an ODK Central form or a KoboToolbox asset to an assignment (or an indicator); credentials are stored encrypted and never shown',
  })
  @ApiCommand({ roles: COORDINATORS, answer: { type: CreatedConnectionView, status: 201 } })
  @ApiErrors(E.INVALID, E.UNKNOWN_TARGET)
  connect(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: ConnectDto,
  ): Promise<CreatedConnectionView> {
    return this.commands.execute(new ConnectCommand(city.id, body, metadata));
  }

  @Get()
  @CityAccess(READERS)
  @ApiOperation({ summary: "Extra: the city's collection connections, without credentials" })
  @ApiPage(ConnectionView, 'By id (creation order)')
  @ApiProjectionBehind()
  async list(@CurrentCity() city: CityContext, @Query() query: PagedReadDto): Promise<Page<ConnectionView>> {
    const page = pageRequest(query);
    const after = cursorOf(page, ['uuid'])?.[0] as string | undefined;
    await this.waiter.waitFor(city.id, CONNECTIONS_PROJECTION, query.minPosition);
    const rows = await this.store.connections(city.id, { after, limit: page.limit + 1 });
    return pageOf(rows, page.limit, (row) => [row.id], connectionView);
  }

  @Get(':id')
  @CityAccess(READERS)
  @ApiOperation({ summary: 'Extra: one collection connection, without credentials' })
  @ApiOkResponse({ type: ConnectionView })
  @ApiProjectionBehind()
  @ApiErrors(E.NOT_FOUND)
  async get(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: MinPositionDto,
  ): Promise<ConnectionView> {
    await this.waiter.waitFor(city.id, CONNECTIONS_PROJECTION, query.minPosition);
    const row = await this.store.connection(city.id, id);
    if (!row) throw E.NOT_FOUND();
    return connectionView(row);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Extra: disconnect for good (no more pulls or pushes; runs stay readable)' })
  @ApiCommand({ roles: COORDINATORS })
  @ApiErrors(E.NOT_FOUND)
  async disconnect(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<WriteResultView> {
    const result = await this.commands.execute(new DisconnectCommand(city.id, id, metadata));
    await this.wakeups.unschedule(id);
    return result;
  }

  @Post(':id/pull')
  @HttpCode(202)
  @ApiOperation({ summary: 'Pull new and edited submissions now (in the background); follow it in …/runs' })
  @ApiCommand({ roles: COORDINATORS, answer: { type: QueuedRunView, status: 202 } })
  @ApiErrors(E.NOT_FOUND, E.DISCONNECTED)
  async pull(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<QueuedRunView> {
    // The stream, not the read model: a pull right after connecting must not miss its connection.
    const { state } = await this.aggregates.load(city.id, connectionDecider, connectionStream(id));
    if (!state.exists) throw E.NOT_FOUND();
    if (!state.active) throw E.DISCONNECTED();
    const runId = uuidv7();
    await this.store.addRun(city.id, { id: runId, connectionId: id, trigger: 'pull' });
    await this.wakeups.wake(city.id, id);
    return { runId };
  }

  @Get(':id/runs')
  @CityAccess(READERS)
  @ApiOperation({ summary: 'Pulls and pushes of the connection, newest first, with what each did' })
  @ApiPage(RunView, 'Newest first')
  @ApiErrors(E.NOT_FOUND)
  async runs(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: PagedReadDto,
  ): Promise<Page<RunView>> {
    const { state } = await this.aggregates.load(city.id, connectionDecider, connectionStream(id));
    if (!state.exists) throw E.NOT_FOUND();
    const page = pageRequest(query);
    const before = cursorOf(page, ['uuid'])?.[0] as string | undefined;
    const rows = await this.store.runs(city.id, id, { before, limit: page.limit + 1 });
    return pageOf(rows, page.limit, (row) => [row.id], runView);
  }
}
