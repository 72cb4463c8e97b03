import { Injectable } from '@nestjs/common';
import { AppConfig } from '@rl/config';
import { CityId } from '@rl/kernel';
import { AssignmentErrors, seriesKey, unitKind } from '@rl/reporting';
import { Actor } from '@rl/web';
import { languageOf, Language } from './domain/template-copy';
import { sheetNames, templateSheet, TemplateWork } from './domain/template-sheet';
import { xlsForm } from './domain/xlsform';
import { CollectionWork, WorkAssignment } from './persistence/collection-work.repository';
import { templateWorkbook } from './templates/template-workbook';
import { xlsFormWorkbook } from './xlsform/xlsform-workbook';

// Builds the spreadsheet templates and XLSForms of assignments from the reporting read models and the
// indicator's definition as its stream says now (what an upload is checked against).
@Injectable()
export class CollectionTemplates {
  constructor(
    private readonly work: CollectionWork,
    private readonly config: AppConfig,
  ) {}

  // An active assignment the actor collects for: its organisation's collectors, and the city's officials
  // and coordinators. Anything else is a 404, as for an id of another city.
  async visibleAssignment(cityId: CityId, actor: Actor, assignmentId: string): Promise<WorkAssignment> {
    const [assignment] = await this.work.assignments(cityId, [assignmentId]);
    const foreign = actor.role === 'collector' && assignment?.organisationId !== actor.organisationId;
    if (!assignment || !assignment.active || foreign) throw AssignmentErrors.NOT_FOUND();
    return assignment;
  }

  async language(cityId: CityId, actor: Actor): Promise<Language> {
    return languageOf(await this.work.locale(cityId, actor.userId));
  }

  async templateWork(cityId: CityId, assignment: WorkAssignment): Promise<TemplateWork> {
    const indicator = await this.work.indicator(cityId, assignment.indicatorId);
    // An assignment is made only for an indicator of the city.
    if (!indicator) throw AssignmentErrors.NOT_FOUND();
    const { indicatorId, periodId, periodCode, deadline } = assignment;
    const last = await this.work.lastValidated(cityId, { indicatorId, series: indicator.series });
    const { definition } = indicator;
    return {
      cityId,
      assignmentId: assignment.id,
      indicatorId,
      periodId,
      periodCode,
      deadline: new Date(deadline),
      definitionVersion: indicator.version,
      indicator: definition,
      kind: unitKind(definition.unit),
      lastValue: (cell) => last.get(seriesKey(cell)),
    };
  }

  async template(
    cityId: CityId,
    assignments: readonly WorkAssignment[],
    language: Language,
  ): Promise<Buffer> {
    const works = [];
    for (const assignment of assignments) works.push(await this.templateWork(cityId, assignment));
    const names = sheetNames(works.map((w) => `${w.indicator.code} ${w.periodCode}`));
    const sheets = works.map((work, i) => templateSheet(work, names[i], language));
    return templateWorkbook(sheets, this.config.templates.signingKey);
  }

  async form(cityId: CityId, assignment: WorkAssignment, language: Language): Promise<Buffer> {
    return xlsFormWorkbook(xlsForm(await this.templateWork(cityId, assignment), language, new Date()));
  }
}
