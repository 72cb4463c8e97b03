import { ApiProperty } from '@nestjs/swagger';
import { Equals, IsBoolean, IsInt, Max, Min } from 'class-validator';
import { MIN_COUNT_LIMIT } from '../../domain/suppression';

export class SetDisclosureDto {
  @ApiProperty({
    description: 'Counts above 0 and below this are hidden (blank, status Q) in every public output',
    minimum: 1,
    maximum: MIN_COUNT_LIMIT,
    example: 5,
  })
  @IsInt()
  @Min(1)
  @Max(MIN_COUNT_LIMIT)
  minCount!: number;

  @ApiProperty({
    description: 'Also hide the cells from which a hidden one could be recovered (always true)',
    enum: [true],
  })
  @IsBoolean()
  @Equals(true)
  secondary!: boolean;
}
