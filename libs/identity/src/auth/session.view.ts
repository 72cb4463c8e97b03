import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CITY_ROLES, CityRole } from '@rl/kernel';

export class UserSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
}

export class MembershipView {
  @ApiProperty({ example: 'ghent', description: "The city's slug" }) city!: string;
  @ApiProperty({ example: 'Ghent' }) cityName!: string;
  @ApiProperty({ enum: CITY_ROLES }) role!: CityRole;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) organisationId!: string | null;
}

export class TokenPairView {
  @ApiProperty({ description: 'Short-lived JWT for the Authorization: Bearer header' }) accessToken!: string;
  @ApiProperty({ description: 'Opaque, single-use; exchange at /v1/auth/refresh' }) refreshToken!: string;
  @ApiProperty({ description: 'Lifetime of the access token in seconds' }) expiresIn!: number;
}

export class SessionView extends TokenPairView {
  @ApiProperty({ type: UserSummaryView }) user!: UserSummaryView;
  @ApiProperty({ type: [MembershipView] }) memberships!: MembershipView[];
  @ApiProperty({ description: 'Platform operator (manages cities and their members)' }) isOperator!: boolean;
}
