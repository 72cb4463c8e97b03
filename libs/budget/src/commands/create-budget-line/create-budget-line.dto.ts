import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { BUDGET_LIMITS as L } from '../../domain/budget-limits';
import { BoundedText, MoneyDto } from '../budget-fields.dto';

export class CreateBudgetLineDto {
  @ApiProperty({ example: 'SOC-2025-07', maxLength: L.code, description: 'Unique in the city and year' })
  @BoundedText(L.code)
  code!: string;

  @ApiProperty({ example: 'Inclusion grants (illustrative)', maxLength: L.title })
  @BoundedText(L.title)
  title!: string;

  @ApiProperty({ example: 2025, minimum: L.year.min, maximum: L.year.max })
  @IsInt()
  @Min(L.year.min)
  @Max(L.year.max)
  year!: number;

  @ApiProperty({ type: MoneyDto })
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: L.indicatorsPerLine,
    description: "The city's indicators the line serves",
  })
  @IsArray()
  @ArrayMaxSize(L.indicatorsPerLine)
  @IsUUID('all', { each: true })
  indicators!: string[];
}
