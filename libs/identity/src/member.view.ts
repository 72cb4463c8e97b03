import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CITY_ROLES, CityRole } from '@rl/kernel';

export class MemberView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CITY_ROLES }) role!: CityRole;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) organisationId!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'False while an invitation is pending' }) hasPassword!: boolean;
  @ApiProperty({ format: 'date-time' }) memberSince!: string;
}

// Columns of a member row joined with its user; shared by the list and the update result.
export const MEMBER_COLUMNS = `m.user_id AS "userId", u.email, u.name, m.role, m.organisation_id AS "organisationId",
  m.active, (u.password_hash IS NOT NULL) AS "hasPassword", to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "memberSince"`;
