import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, IsString, Length, Matches, Max, Min } from 'class-validator';
import { BUDGET_LIMITS as L } from '../domain/budget-limits';

// A non-blank text of at most `max` characters.
export const BoundedText = (max: number) =>
  applyDecorators(IsString(), Length(1, max), Matches(/\S/, { message: '$property must not be blank' }));

// An amount: a value with at most two decimals in an ISO 4217 currency (checked against the runtime's list).
export class MoneyDto {
  @ApiProperty({ example: 250000, minimum: 0, exclusiveMinimum: true, maximum: L.amount })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(L.amount)
  value!: number;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency!: string;
}
