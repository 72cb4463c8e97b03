import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { CHART_TYPES, ChartType } from './domain/chart-series';

// A period code as the reporting context normalises them: 2024, 2024-Q1, 2024-03, 2023/24.
const PERIOD = /^\d{4}(?:-Q[1-4]|-(?:0[1-9]|1[0-2])|\/\d{2})?$/;
// Lengths of a dimension and of its values, as an indicator definition bounds them (the patterns bound
// every parameter's length).
export const DISAGGREGATION = /^([^:]{1,64}):(.{1,100})$/s;

export class EmbedQueryDto {
  @ApiPropertyOptional({ example: '2020', maxLength: 7, description: 'First period shown (a period code)' })
  @IsOptional()
  @IsString()
  @Matches(PERIOD, { message: 'from must be a period code such as 2024, 2024-Q1, 2024-03 or 2023/24' })
  from?: string;

  @ApiPropertyOptional({
    example: '2024',
    maxLength: 7,
    description: 'Last period shown (a period code); the periods inside it count (to=2024 keeps 2024-Q4)',
  })
  @IsOptional()
  @IsString()
  @Matches(PERIOD, { message: 'to must be a period code such as 2024, 2024-Q1, 2024-03 or 2023/24' })
  to?: string;

  @ApiPropertyOptional({
    example: 'sex:F',
    maxLength: 165,
    description: 'dimension:value, the cell charted in each period; without it, the total',
  })
  @IsOptional()
  @IsString()
  @Matches(DISAGGREGATION, { message: 'disaggregation must be dimension:value, such as sex:F' })
  disaggregation?: string;

  @ApiPropertyOptional({ enum: CHART_TYPES, default: 'line' })
  @IsOptional()
  @IsIn(CHART_TYPES)
  type?: ChartType;
}
