import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class MovePeriodDeadlineDto {
  @ApiProperty({
    example: '2024-05-15',
    description:
      "An instant with offset, or a date (end of that day) or date-time (YYYY-MM-DDTHH:mm) in the city's time zone",
  })
  @IsString()
  @Length(10, 40)
  deadline!: string;
}
