import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class VerifyChainDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      "true: also replay the city's read models and published tables from the log and compare them with the live ones (slow: one at a time per city)",
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  readModels?: 'true' | 'false';
}
