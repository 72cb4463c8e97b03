import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { LangMap } from '../../domain/glossary-term.events';
import { DEFINITION, IsLangMap, PREF_LABEL, RATIONALE, TermFieldsDto } from '../term-fields.dto';

export class ProposeTermDto extends TermFieldsDto {
  @ApiProperty(PREF_LABEL)
  @IsLangMap(200)
  prefLabel!: LangMap;

  @ApiProperty(DEFINITION)
  @IsLangMap(5000)
  definition!: LangMap;

  @ApiPropertyOptional(RATIONALE)
  @IsOptional()
  @IsString()
  @MaxLength(RATIONALE.maxLength)
  rationale?: string;
}
