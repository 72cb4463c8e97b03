import { Query } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CITY_ROLES, CityRole, UserId } from '@rl/kernel';

export class InvitationView {
  @ApiProperty({ format: 'uuid', description: 'Id of the invitation (the id of the city offering it)' })
  id!: string;
  @ApiProperty({ example: 'ghent', description: "The city's slug" }) city!: string;
  @ApiProperty({ example: 'Ghent' }) cityName!: string;
  @ApiProperty({ enum: CITY_ROLES }) role!: CityRole;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) organisationId!: string | null;
  @ApiProperty({ format: 'date-time' }) offeredAt!: string;
}

// Memberships offered to the signed-in user and not yet accepted.
export class MyInvitationsQuery extends Query<InvitationView[]> {
  constructor(readonly userId: UserId) {
    super();
  }
}
