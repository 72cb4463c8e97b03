import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, pageOf } from '@rl/kernel';
import { CityErrors } from '@rl/tenancy';
import { PublishedBudgets, PublicProjectRow } from '../../persistence/published-budgets.repository';
import { PublicBudgetView, PublicProjectView } from '../../public-budget.views';
import { PublicBudgetQuery } from './public-budget.query';

const toProject = (p: PublicProjectRow): PublicProjectView => ({
  id: p.id,
  organisationId: p.organisationId,
  title: p.title,
  amount: { value: p.amount, currency: p.currency },
  contributions: p.contributions,
});

// A city's published budget lines with their calls and funded projects, and the public indicators they
// refer to (an unpublished indicator is left out of `indicators`: its name never leaves the city).
@QueryHandler(PublicBudgetQuery)
export class PublicBudgetHandler implements IQueryHandler<PublicBudgetQuery, PublicBudgetView> {
  constructor(private readonly published: PublishedBudgets) {}

  async execute({ citySlug, page }: PublicBudgetQuery): Promise<PublicBudgetView> {
    const after = cursorOf(page, ['number', 'string', 'uuid']);
    const cityId = await this.published.cityId(citySlug);
    if (!cityId) throw CityErrors.NOT_FOUND();
    const rows = await this.published.lines(cityId, after, page.limit);
    const { items, next } = pageOf(
      rows,
      page.limit,
      (l) => [l.year, l.code, l.id],
      (l) => l,
    );
    const lineIds = items.map((l) => l.id);
    const [calls, projects] = await Promise.all([
      this.published.calls(cityId, lineIds),
      this.published.projects(cityId, lineIds),
    ]);
    const lines = items.map((l) => ({
      id: l.id,
      code: l.code,
      title: l.title,
      year: l.year,
      amount: { value: l.amount, currency: l.currency },
      committed: { value: l.committed, currency: l.currency },
      indicators: l.indicators,
      calls: calls
        .filter((c) => c.budgetLineId === l.id)
        .map((c) => ({
          id: c.id,
          title: c.title,
          opens: c.opens.toISOString(),
          closes: c.closes.toISOString(),
          criteria: c.criteria,
          projects: projects.filter((p) => p.callId === c.id).map(toProject),
        })),
    }));
    const referred = new Set([
      ...items.flatMap((l) => l.indicators),
      ...calls.flatMap((c) => c.criteria.map((x) => x.indicatorId)),
      ...projects.flatMap((p) => p.contributions.map((x) => x.indicatorId)),
    ]);
    const indicators = await this.published.indicators(cityId, [...referred]);
    return { city: citySlug, lines, indicators, next };
  }
}
