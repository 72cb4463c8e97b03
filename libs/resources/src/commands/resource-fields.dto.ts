import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { RESOURCE_LIMITS as L } from '../domain/resource-details';
import { RESOURCE_KINDS, RESOURCE_LINK_KINDS, type ResourceLinkKind } from '../domain/resource.events';

const NOT_BLANK = /\S/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const IsDay = () =>
  applyDecorators(
    IsISO8601({ strict: true }),
    Matches(DAY, { message: ({ property }) => `${property} must be a calendar day YYYY-MM-DD` }),
  );

export class AvailabilityDto {
  @ApiPropertyOptional({ format: 'date', example: '2026-01-01', description: 'First day it is available' })
  @IsOptional()
  @IsDay()
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-31', description: 'Last day it is available' })
  @IsOptional()
  @IsDay()
  until?: string;

  @ApiPropertyOptional({ example: 'Weekday evenings, up to 40 people', maxLength: L.availabilityNote })
  @IsOptional()
  @IsString()
  @MaxLength(L.availabilityNote)
  note?: string;
}

export class AmountDto {
  @ApiProperty({ minimum: 0, maximum: L.amount, example: 2500, description: 'In the major unit (euros)' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  value!: number;

  @ApiProperty({ pattern: '^[A-Z]{3}$', example: 'EUR', description: 'ISO 4217 code' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency!: string;
}

export class ResourceLinkDto {
  @ApiProperty({ enum: RESOURCE_LINK_KINDS })
  @IsIn(RESOURCE_LINK_KINDS)
  kind!: ResourceLinkKind;

  @ApiProperty({ format: 'uuid', description: 'The indicator or task of the city it supports' })
  @IsUUID()
  id!: string;
}

// The fields of an offer, each as a decorator, shared by the offer and its revision. A revision may
// leave any out; kind and title it may not clear (null), the others it may.
const optional = (required: boolean) => (required ? [] : [ValidateIf((_, value) => value !== undefined)]);

export const KindField = (required = true) =>
  applyDecorators(
    (required ? ApiProperty : ApiPropertyOptional)({ enum: RESOURCE_KINDS }),
    ...optional(required),
    IsIn(RESOURCE_KINDS),
  );

export const TitleField = (required = true) =>
  applyDecorators(
    (required ? ApiProperty : ApiPropertyOptional)({ example: 'Community hall', maxLength: L.title }),
    ...optional(required),
    IsString(),
    Length(1, L.title),
    Matches(NOT_BLANK, { message: 'title must not be blank' }),
  );

export const DescriptionField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength: L.description }),
    IsOptional(),
    IsString(),
    MaxLength(L.description),
  );

export const AvailabilityField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: AvailabilityDto, nullable: true }),
    IsOptional(),
    ValidateNested(),
    Type(() => AvailabilityDto),
  );

export const AmountField = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: AmountDto,
      nullable: true,
      description: 'Only for a financial resource (422 RESOURCE.AMOUNT_NOT_FINANCIAL otherwise)',
    }),
    IsOptional(),
    ValidateNested(),
    Type(() => AmountDto),
  );

export const ContactRoleField = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: String,
      nullable: true,
      maxLength: L.contactRole,
      example: 'Volunteer coordinator',
      description: 'Whom to ask, as a function; never a name, e-mail or phone number',
    }),
    IsOptional(),
    IsString(),
    MaxLength(L.contactRole),
  );

export const LinksField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: [ResourceLinkDto], maxItems: L.links, description: 'What it supports' }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(L.links),
    ValidateNested({ each: true }),
    Type(() => ResourceLinkDto),
  );
