import {
  applyDecorators,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  Type,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CataloguedError, CITY_ROLES, CityRole, Page } from '@rl/kernel';
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
  uuidParam,
  versionConflict,
  WriteResultView,
} from '@rl/web';
import { DecideProposalCommand } from './commands/decide-proposal/decide-proposal.command';
import { DecideProposalDto } from './commands/decide-proposal/decide-proposal.dto';
import { DeprecateTermCommand } from './commands/deprecate-term/deprecate-term.command';
import { DeprecateTermDto } from './commands/deprecate-term/deprecate-term.dto';
import { ProposeRevisionCommand } from './commands/propose-revision/propose-revision.command';
import { ProposeRevisionDto } from './commands/propose-revision/propose-revision.dto';
import { ProposeTermCommand } from './commands/propose-term/propose-term.command';
import { ProposeTermDto } from './commands/propose-term/propose-term.dto';
import { TakeStanceCommand } from './commands/take-stance/take-stance.command';
import { TakeStanceDto } from './commands/take-stance/take-stance.dto';
import { GlossaryTermErrors as E } from './domain/glossary.errors';
import { GetTermQuery } from './queries/get-term/get-term.query';
import { ListTermsQuery } from './queries/list-terms/list-terms.query';
import { ListTermsDto, TermReadDto } from './queries/read-options.dto';
import { TermHistoryQuery } from './queries/term-history/term-history.query';
import { CreatedTermView, ProposalWrittenView, TermRevisionView, TermView } from './term.view';

// Any member but an observer takes part; the coordinator decides.
export const PARTICIPANTS: readonly CityRole[] = CITY_ROLES.filter((role) => role !== 'observer');
const CONTENT_ERRORS = [
  E.TOO_LARGE,
  E.LABEL_TAKEN,
  E.LABELS_OVERLAP,
  E.INVALID_LANGUAGE,
  E.UNKNOWN_TERM,
  E.CYCLE,
  E.BROADER_AND_RELATED,
];

// A coordinator's decision on a term, at the version they saw (If-Match).
const CoordinatorDecision = (summary: string, type: Type, ...errors: CataloguedError[]) =>
  applyDecorators(
    HttpCode(200),
    ApiOperation({ summary }),
    ApiCommand({ roles: ['coordinator'], ifMatch: true, answer: { type } }),
    ApiErrors(E.NOT_FOUND, ...errors, versionConflict('GLOSSARY_TERM')),
  );

@ApiTags('glossary')
@Controller('v1/cities/:city/glossary/terms')
export class GlossaryTermsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Propose a term (its first proposal, open for discussion)' })
  @ApiCommand({ roles: PARTICIPANTS, answer: { type: CreatedTermView, status: 201 } })
  @ApiErrors(E.INCOMPLETE, ...CONTENT_ERRORS)
  propose(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: ProposeTermDto,
  ): Promise<CreatedTermView> {
    return this.commands.execute(new ProposeTermCommand(city.id, body, metadata));
  }

  @Post(':id/proposals')
  @ApiOperation({ summary: 'Propose a revision of an adopted term (changes and rationale)' })
  @ApiCommand({ roles: PARTICIPANTS, answer: { type: ProposalWrittenView, status: 201 } })
  @ApiErrors(E.NOT_FOUND, E.NOT_ADOPTED, E.NOTHING_TO_CHANGE, ...CONTENT_ERRORS)
  proposeRevision(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ProposeRevisionDto,
  ): Promise<ProposalWrittenView> {
    return this.commands.execute(new ProposeRevisionCommand(city.id, id, body, metadata));
  }

  @Post(':id/proposals/:proposalId/stance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Support or object to an open proposal (one stance per member, changeable)' })
  @ApiCommand({ roles: PARTICIPANTS })
  @ApiErrors(E.NOT_FOUND, E.PROPOSAL_NOT_FOUND, E.PROPOSAL_CLOSED)
  takeStance(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @Param('proposalId', uuidParam('proposalId')) proposalId: string,
    @Body() body: TakeStanceDto,
  ): Promise<WriteResultView> {
    return this.commands.execute(new TakeStanceCommand(city.id, id, proposalId, body.stance, metadata));
  }

  @Post(':id/adopt')
  @CoordinatorDecision(
    'Adopt a proposal: it becomes the current revision, other open ones are superseded',
    ProposalWrittenView,
    E.PROPOSAL_NOT_FOUND,
    E.PROPOSAL_CLOSED,
    E.PROPOSAL_REQUIRED,
    E.NOT_OPEN,
    ...CONTENT_ERRORS,
  )
  adopt(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @IfMatchVersion() version: number,
    @Body() body: DecideProposalDto,
  ): Promise<ProposalWrittenView> {
    return this.commands.execute(new DecideProposalCommand(city.id, id, 'adopt', version, body, metadata));
  }

  @Post(':id/reject')
  @CoordinatorDecision(
    'Reject a proposal with a note (a term whose first proposal is rejected stays, rejected)',
    ProposalWrittenView,
    E.PROPOSAL_NOT_FOUND,
    E.PROPOSAL_CLOSED,
    E.PROPOSAL_REQUIRED,
  )
  reject(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @IfMatchVersion() version: number,
    @Body() body: DecideProposalDto,
  ): Promise<ProposalWrittenView> {
    return this.commands.execute(new DecideProposalCommand(city.id, id, 'reject', version, body, metadata));
  }

  @Post(':id/deprecate')
  @CoordinatorDecision(
    'Deprecate an adopted term, optionally replaced by another (it stays readable)',
    WriteResultView,
    E.NOT_ADOPTED,
    E.INVALID_REPLACEMENT,
  )
  deprecate(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @IfMatchVersion() version: number,
    @Body() body: DeprecateTermDto,
  ): Promise<WriteResultView> {
    return this.commands.execute(new DeprecateTermCommand(city.id, id, version, body, metadata));
  }

  @Get()
  @ApiOperation({
    summary: "The city's terms, by preferred label; filter by words, status, language; as of an instant",
  })
  @ApiCityList(TermView, 'By preferred label (in `lang` if given), then id')
  list(@CurrentCity() city: CityContext, @Query() query: ListTermsDto): Promise<Page<TermView>> {
    return this.queries.execute(new ListTermsQuery(city.id, query));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A term: its current revision, open proposals with stances counted' })
  @ApiCityRead(TermView)
  @ApiErrors(E.NOT_FOUND)
  async get(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: TermReadDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TermView> {
    const view = await this.queries.execute(new GetTermQuery(city.id, id, query));
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Get(':id/history')
  @CityAccess(CITY_ROLES)
  @ApiOperation({ summary: "Every event of the term with who, when and why (from the city's log)" })
  @ApiOkResponse({ type: [TermRevisionView] })
  @ApiErrors(E.NOT_FOUND)
  history(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<TermRevisionView[]> {
    return this.queries.execute(new TermHistoryQuery(city.id, id));
  }
}
