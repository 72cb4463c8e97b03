import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { ResourceKind } from '../../domain/resource.events';
import {
  AmountDto,
  AmountField,
  AvailabilityDto,
  AvailabilityField,
  ContactRoleField,
  DescriptionField,
  KindField,
  LinksField,
  ResourceLinkDto,
  TitleField,
} from '../resource-fields.dto';

export class OfferResourceDto {
  @KindField() kind!: ResourceKind;
  @TitleField() title!: string;
  @DescriptionField() description?: string | null;

  @ApiProperty({ format: 'uuid', description: "The offering organisation (a collector's: their own)" })
  @IsUUID()
  offeredBy!: string;

  @AvailabilityField() availability?: AvailabilityDto | null;
  @AmountField() amount?: AmountDto | null;
  @ContactRoleField() contactRole?: string | null;
  @LinksField() links?: ResourceLinkDto[];
}
