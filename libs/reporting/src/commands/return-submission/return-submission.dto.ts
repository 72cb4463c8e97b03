import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class ReturnSubmissionDto {
  @ApiProperty({ description: 'What the collector should fix' })
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}
