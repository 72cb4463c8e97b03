import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CityErrors } from '@rl/tenancy';
import { ApiErrors, PageQueryDto, PublicRead } from '@rl/web';
import {
  BUDGET_CALLS_PROJECTION,
  BUDGET_LINES_PROJECTION,
  FUNDED_PROJECTS_PROJECTION,
} from './projections/budget.projections';
import { PublicBudgetView } from './public-budget.views';
import { PublicBudgetQuery } from './queries/public-budget/public-budget.query';

const PUBLIC_LINES = { default: 20, max: 50 } as const;

// Fewer lines per page than other lists: each carries its calls and their projects.
class PublicBudgetQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: PUBLIC_LINES.max, default: PUBLIC_LINES.default })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PUBLIC_LINES.max)
  declare limit?: number;
}

@ApiTags('budget')
@Controller('v1/public/cities/:city/budget')
export class PublicBudgetController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @PublicRead({ projections: [BUDGET_LINES_PROJECTION, BUDGET_CALLS_PROJECTION, FUNDED_PROJECTS_PROJECTION] })
  @ApiOperation({
    summary: "A city's published budget lines, calls and funded projects, and the indicators they serve",
  })
  @ApiParam({ name: 'city', description: "The city's slug", example: 'ghent' })
  @ApiOkResponse({ type: PublicBudgetView })
  @ApiErrors(CityErrors.NOT_FOUND)
  budget(@Param('city') city: string, @Query() query: PublicBudgetQueryDto): Promise<PublicBudgetView> {
    const page = {
      limit: query.limit ?? PUBLIC_LINES.default,
      ...(query.after !== undefined && { after: query.after }),
    };
    return this.queries.execute(new PublicBudgetQuery(city, page));
  }
}
