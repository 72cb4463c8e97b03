import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional } from 'class-validator';
import { MinPositionDto } from '@rl/web';

export class TaskReadDto extends MinPositionDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'The task as it was at this instant' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  asOf?: Date;
}
