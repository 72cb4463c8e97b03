import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Length, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { MANDATE_LIMITS as L } from '../../domain/mandate-limits';
import { DAY_MESSAGE, DAY_PATTERN, MandateScopeDto } from '../mandate-fields.dto';

// Each field given replaces the current one; null removes an optional one.
export class AmendMandateDto {
  @ApiPropertyOptional({ format: 'date', example: '2025-01-01' })
  @IsOptional()
  @Matches(DAY_PATTERN, { message: DAY_MESSAGE('validFrom') })
  validFrom?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2026-06-30',
    description: 'null: open-ended',
  })
  @ValidateIf((dto: AmendMandateDto) => dto.validUntil !== undefined && dto.validUntil !== null)
  @Matches(DAY_PATTERN, { message: DAY_MESSAGE('validUntil') })
  validUntil?: string | null;

  @ApiPropertyOptional({ type: MandateScopeDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MandateScopeDto)
  scope?: MandateScopeDto;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: L.documentRef })
  @ValidateIf((dto: AmendMandateDto) => dto.documentRef !== undefined && dto.documentRef !== null)
  @IsString()
  @Length(1, L.documentRef)
  documentRef?: string | null;
}
