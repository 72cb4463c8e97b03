import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { MinPositionDto, PageQueryDto } from '@rl/web';
import { TERM_STATUSES, TermStatus } from '../domain/glossary-term.events';

export class TermReadDto extends MinPositionDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'As it was at this instant' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  asOf?: Date;
}

export class ListTermsDto extends IntersectionType(TermReadDto, PageQueryDto) {
  @ApiPropertyOptional({ description: 'Words in a label or the definition (any case)', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ enum: TERM_STATUSES })
  @IsOptional()
  @IsIn(TERM_STATUSES)
  status?: TermStatus;

  @ApiPropertyOptional({
    description:
      'Only terms with a preferred label in this language; q searches that language, sorted by its labels',
    example: 'nl',
  })
  @IsOptional()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/)
  lang?: string;
}
