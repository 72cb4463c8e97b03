import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { ObservationsDto } from '../submit-data/submit-data.dto';

export class CorrectSubmissionDto extends ObservationsDto {
  @ApiProperty({ description: 'Why the values change' }) @IsString() @Length(1, 2000) reason!: string;
}
