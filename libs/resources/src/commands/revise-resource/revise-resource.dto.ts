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

// The fields to change (null clears an optional one; links replace the whole list). The offering
// organisation stays: another organisation's resource is another resource.
export class ReviseResourceDto {
  @KindField(false) kind?: ResourceKind;
  @TitleField(false) title?: string;
  @DescriptionField() description?: string | null;
  @AvailabilityField() availability?: AvailabilityDto | null;
  @AmountField() amount?: AmountDto | null;
  @ContactRoleField() contactRole?: string | null;
  @LinksField() links?: ResourceLinkDto[];
}
