import { applyDecorators, Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ProjectionWaiter } from '@rl/projections';
import { ASSIGNMENTS_PROJECTION, AssignmentErrors, PERIODS_PROJECTION } from '@rl/reporting';
import {
  Actor,
  ApiErrors,
  ApiProjectionBehind,
  CityAccess,
  CityContext,
  CurrentActor,
  CurrentCity,
  MinPositionDto,
  uuidParam,
} from '@rl/web';
import { CollectionTemplates } from './collection-templates';
import { FormsErrors } from './domain/forms.errors';
import { localText } from './domain/template-copy';
import { MAX_TEMPLATE_SHEETS } from './templates/template-reader';
import { MyAssignmentView } from './forms.views';
import { CollectionWork, WorkAssignment } from './persistence/collection-work.repository';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const file = (buffer: Buffer, name: string) =>
  new StreamableFile(buffer, { type: XLSX, disposition: `attachment; filename="${name}"` });

const open = (a: WorkAssignment) => a.submissionStatus === null || a.submissionStatus === 'returned';

// A workbook download of one assignment: its organisation's collectors, the city's officials and
// coordinators; anyone else (or another city's id) gets 404.
const AssignmentDownload = (summary: string) =>
  applyDecorators(
    CityAccess(['coordinator', 'official', 'collector']),
    ApiOperation({ summary }),
    ApiProduces(XLSX),
    ApiProjectionBehind(),
    ApiOkResponse({ schema: { type: 'string', format: 'binary' } }),
    ApiErrors(AssignmentErrors.NOT_FOUND),
  );

@ApiTags('collection')
@Controller('v1/cities/:city')
export class FormsController {
  constructor(
    private readonly templates: CollectionTemplates,
    private readonly work: CollectionWork,
    private readonly waiter: ProjectionWaiter,
  ) {}

  @Get('assignments/:id/template.xlsx')
  @AssignmentDownload(
    'A spreadsheet template for the assignment: fill in the unlocked cells, upload to POST …/imports',
  )
  async template(
    @CurrentCity() city: CityContext,
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: MinPositionDto,
  ): Promise<StreamableFile> {
    const { assignment, language } = await this.download(city, actor, id, query);
    const buffer = await this.templates.template(city.id, [assignment], language);
    return file(buffer, `${city.slug}-${assignment.periodCode.replace('/', '-')}-${id.slice(0, 8)}.xlsx`);
  }

  @Get('assignments/:id/form.xlsx')
  @AssignmentDownload('An XLSForm (survey, choices, settings) for ODK Collect or KoboToolbox')
  async form(
    @CurrentCity() city: CityContext,
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: MinPositionDto,
  ): Promise<StreamableFile> {
    const { assignment, language } = await this.download(city, actor, id, query);
    return file(await this.templates.form(city.id, assignment, language), `form-${id.slice(0, 8)}.xlsx`);
  }

  @Get('me/assignments')
  @CityAccess(['official', 'collector'])
  @ApiOperation({
    summary: "My organisation's unfinished assignments: status, deadline, last validated value (by deadline)",
  })
  @ApiProjectionBehind()
  @ApiOkResponse({ type: [MyAssignmentView] })
  async mine(
    @CurrentCity() city: CityContext,
    @CurrentActor() actor: Actor,
    @Query() query: MinPositionDto,
  ): Promise<MyAssignmentView[]> {
    const assignments = await this.own(city, actor, query);
    const language = await this.templates.language(city.id, actor);
    const views: MyAssignmentView[] = [];
    for (const assignment of assignments) {
      // Still to do: nothing submitted, submitted and not yet validated, or returned.
      const status = assignment.submissionStatus ?? 'open';
      if (status === 'validated') continue;
      const work = await this.templates.templateWork(city.id, assignment);
      const total = work.lastValue({});
      views.push({
        id: assignment.id,
        indicatorId: assignment.indicatorId,
        indicatorCode: work.indicator.code,
        indicatorName: localText(work.indicator.name, language),
        periodId: assignment.periodId,
        periodCode: assignment.periodCode,
        deadline: new Date(assignment.deadline).toISOString(),
        status,
        lastValue: total?.value ?? null,
        lastValuePeriod: total?.periodCode ?? null,
        templatePath: `/v1/cities/${city.slug}/assignments/${assignment.id}/template.xlsx`,
        formPath: `/v1/cities/${city.slug}/assignments/${assignment.id}/form.xlsx`,
      });
    }
    return views;
  }

  @Get('me/assignments/template.xlsx')
  @CityAccess(['official', 'collector'])
  @ApiOperation({
    summary: "One workbook for all my organisation's open assignments (a sheet each; nothing or returned)",
  })
  @ApiProduces(XLSX)
  @ApiProjectionBehind()
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiErrors(FormsErrors.NO_OPEN_WORK)
  async myTemplate(
    @CurrentCity() city: CityContext,
    @CurrentActor() actor: Actor,
    @Query() query: MinPositionDto,
  ): Promise<StreamableFile> {
    const assignments = (await this.own(city, actor, query)).filter(open);
    if (assignments.length === 0) throw FormsErrors.NO_OPEN_WORK();
    const language = await this.templates.language(city.id, actor);
    const buffer = await this.templates.template(city.id, assignments, language);
    return file(buffer, `${city.slug}-open-assignments.xlsx`);
  }

  // An assignment the actor may download for, and the language to write it in.
  private async download(city: CityContext, actor: Actor, id: string, query: MinPositionDto) {
    await this.caughtUp(city, query);
    const assignment = await this.templates.visibleAssignment(city.id, actor, id);
    return { assignment, language: await this.templates.language(city.id, actor) };
  }

  // Assignments are read with their period: both read models must have reached minPosition.
  private async caughtUp(city: CityContext, { minPosition }: MinPositionDto): Promise<void> {
    await this.waiter.waitFor(city.id, ASSIGNMENTS_PROJECTION, minPosition);
    await this.waiter.waitFor(city.id, PERIODS_PROJECTION, minPosition);
  }

  private async own(city: CityContext, actor: Actor, query: MinPositionDto): Promise<WorkAssignment[]> {
    await this.caughtUp(city, query);
    if (!actor.organisationId) return [];
    return this.work.activeAssignments(city.id, actor.organisationId, MAX_TEMPLATE_SHEETS);
  }
}
