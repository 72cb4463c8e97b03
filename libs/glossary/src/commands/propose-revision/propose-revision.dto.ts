import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import type { LangMap } from '../../domain/glossary-term.events';
import { DEFINITION, IsLangMap, PREF_LABEL, RATIONALE, TermFieldsDto } from '../term-fields.dto';
import { TERM_LIMITS } from '../../domain/term-content';

export class TermChangesDto extends TermFieldsDto {
  @ApiPropertyOptional(PREF_LABEL)
  @IsOptional()
  @IsLangMap(TERM_LIMITS.label)
  prefLabel?: LangMap;

  @ApiPropertyOptional(DEFINITION)
  @IsOptional()
  @IsLangMap(TERM_LIMITS.text)
  definition?: LangMap;
}

export class ProposeRevisionDto {
  @ApiProperty({ type: TermChangesDto, description: 'Each field given replaces the current one' })
  @IsDefined()
  @ValidateNested()
  @Type(() => TermChangesDto)
  changes!: TermChangesDto;

  @ApiProperty(RATIONALE)
  @IsString()
  @Length(1, RATIONALE.maxLength)
  rationale!: string;
}
