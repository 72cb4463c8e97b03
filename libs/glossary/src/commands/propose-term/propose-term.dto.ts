import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { LangMap } from '../../domain/glossary-term.events';
import { TERM_LIMITS } from '../../domain/term-content';
import { DEFINITION, IsLangMap, PREF_LABEL, RATIONALE, TermFieldsDto } from '../term-fields.dto';

export class ProposeTermDto extends TermFieldsDto {
  @ApiProperty(PREF_LABEL)
  @IsLangMap(TERM_LIMITS.label)
  prefLabel!: LangMap;

  @ApiProperty(DEFINITION)
  @IsLangMap(TERM_LIMITS.text)
  definition!: LangMap;

  @ApiPropertyOptional(RATIONALE)
  @IsOptional()
  @IsString()
  @MaxLength(RATIONALE.maxLength)
  rationale?: string;
}
