import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, ValidateBy } from 'class-validator';
import { BUDGET_LIMITS as L, isInCents } from '../domain/budget-limits';

// A non-blank text of at most `max` characters.
export const BoundedText = (max: number) =>
  applyDecorators(IsString(), Length(1, max), Matches(/\S/, { message: '$property must not be blank' }));

// A positive number with at most two decimals, up to `max` (class-validator's maxDecimalPlaces throws
// on exponent notation such as 3e-323).
export const IsInCents = (max: number) =>
  ValidateBy({
    name: 'isInCents',
    validator: {
      validate: (value: unknown) => isInCents(value, max),
      defaultMessage: (args) =>
        `${args?.property} must be a positive number up to ${max} with at most two decimals`,
    },
  });

// An amount: a value with at most two decimals in an ISO 4217 currency (checked against the runtime's list).
export class MoneyDto {
  @ApiProperty({ example: 250000, minimum: 0, exclusiveMinimum: true, maximum: L.amount })
  @IsInCents(L.amount)
  value!: number;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency!: string;
}

// A funded project's amount: `{value, currency}` like a line's, or the value alone (a number, as the
// contract's `amount` may be sent), which is in the line's currency.
export class ProjectMoneyDto {
  @ApiProperty({ example: 40000, minimum: 0, exclusiveMinimum: true, maximum: L.amount })
  @IsInCents(L.amount)
  value!: number;

  @ApiPropertyOptional({ example: 'EUR', description: "ISO 4217 code; the line's currency when left out" })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;
}
