import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class DefinePeriodDto {
  @ApiProperty({
    example: '2024-Q1',
    description: 'A year 2024, a quarter 2024-Q1, a month 2024-03 or a year span 2013/14 (or 2013/2014)',
  })
  @IsString()
  @Length(4, 16)
  code!: string;

  @ApiProperty({
    example: '2024-04-30',
    description:
      "An instant with offset (2024-04-30T17:00:00+02:00), or a date (end of that day) or date-time (2024-04-30T17:00) in the city's time zone",
  })
  @IsString()
  @Length(10, 40)
  deadline!: string;
}
