import { ApiProperty } from '@nestjs/swagger';
import { WriteResultView } from '@rl/web';
import { AmountDto, AvailabilityDto, ResourceLinkDto } from './commands/resource-fields.dto';
import {
  RESOURCE_KINDS,
  RESOURCE_STATUSES,
  type ResourceKind,
  type ResourceStatus,
} from './domain/resource.events';

export class ResourceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: RESOURCE_KINDS }) kind!: ResourceKind;
  @ApiProperty({ example: 'Community hall' }) title!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ format: 'uuid', description: 'The offering organisation' }) offeredBy!: string;
  @ApiProperty({ type: AvailabilityDto, nullable: true }) availability!: AvailabilityDto | null;
  @ApiProperty({ type: AmountDto, nullable: true }) amount!: AmountDto | null;
  @ApiProperty({ type: String, nullable: true, example: 'Volunteer coordinator' }) contactRole!:
    string | null;
  @ApiProperty({ type: [ResourceLinkDto] }) links!: ResourceLinkDto[];
  @ApiProperty({ enum: RESOURCE_STATUSES }) status!: ResourceStatus;
  @ApiProperty({ description: 'Stream version; send it as If-Match to change or withdraw the resource' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CreatedResourceView extends WriteResultView {
  @ApiProperty({ format: 'uuid' }) id!: string;
}
