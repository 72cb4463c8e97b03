import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { BUDGET_LIMITS as L } from '../../domain/budget-limits';
import { BoundedText, MoneyDto } from '../budget-fields.dto';

// A line's code and year are what it is known by: they stay.
export class ReviseBudgetLineDto {
  @ApiPropertyOptional({ maxLength: L.title })
  @IsOptional()
  @BoundedText(L.title)
  title?: string;

  @ApiPropertyOptional({ type: MoneyDto, description: 'Not below what funded projects take' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount?: MoneyDto;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: L.indicatorsPerLine })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.indicatorsPerLine)
  @IsUUID('all', { each: true })
  indicators?: string[];
}
