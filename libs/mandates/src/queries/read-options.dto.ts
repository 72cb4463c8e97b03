import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional } from 'class-validator';
import { MinPositionDto } from '@rl/web';

export class MandateReadDto extends MinPositionDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'The mandate as it was at this instant, valid or not on that day',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  asOf?: Date;
}
