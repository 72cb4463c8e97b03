import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { MANDATE_LIMITS as L } from '../../domain/mandate-limits';
import { DAY_MESSAGE, DAY_PATTERN, MandateScopeDto, MandateSignerDto } from '../mandate-fields.dto';

export class GrantMandateDto {
  @ApiProperty({ format: 'uuid', description: 'An active member of the city belonging to the organisation' })
  @IsUUID()
  holderUserId!: string;

  @ApiProperty({ type: MandateScopeDto, description: 'all, or at least one indicator or task' })
  @IsDefined()
  @ValidateNested()
  @Type(() => MandateScopeDto)
  scope!: MandateScopeDto;

  @ApiProperty({ format: 'date', example: '2025-01-01', description: 'First valid day (city time zone)' })
  @Matches(DAY_PATTERN, { message: DAY_MESSAGE('validFrom') })
  validFrom!: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2025-12-31',
    description: 'Last valid day, after validFrom; left out: open-ended',
  })
  @IsOptional()
  @Matches(DAY_PATTERN, { message: DAY_MESSAGE('validUntil') })
  validUntil?: string;

  @ApiProperty({ type: MandateSignerDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => MandateSignerDto)
  signedBy!: MandateSignerDto;

  @ApiPropertyOptional({ example: 'Board decision 2025/14', maxLength: L.documentRef })
  @IsOptional()
  @IsString()
  @Length(1, L.documentRef)
  documentRef?: string;
}
