import { ApiProperty } from '@nestjs/swagger';
import { WriteResultView } from '@rl/web';
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

export class CreatedOrganisationView extends WriteResultView {
  @ApiProperty({ format: 'uuid' }) id!: string;
}
