import { ApiProperty } from '@nestjs/swagger';
import { ORGANISATION_KINDS, OrganisationKind } from './domain/organisation.events';

export class OrganisationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Vluchtelingenwerk Gent' }) name!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind!: OrganisationKind;
  @ApiProperty({ description: 'Stream version; send it as If-Match to change the organisation' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class WriteResultView {
  @ApiProperty({
    description:
      "The city's event position of the last event written; pass it as minPosition to read your write",
  })
  position!: number;
  @ApiProperty({ description: 'The new stream version' }) version!: number;
}

export class CreatedOrganisationView extends WriteResultView {
  @ApiProperty({ format: 'uuid' }) id!: string;
}
