import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CITY_ROLES, CityRole } from '@rl/kernel';
import { MEMBER_STATUSES, MemberStatus } from './commands/add-member/add-member.command';

export class MemberView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CITY_ROLES }) role!: CityRole;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) organisationId!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({
    enum: MEMBER_STATUSES,
    description: 'pending until the person accepts; removed once deactivated',
  })
  status!: MemberStatus;
  @ApiProperty({ format: 'date-time' }) memberSince!: string;
}

// Columns of a member row joined with its user; shared by the list and the update result.
// While pending, the name the city gave (the account's own name is not the city's to see yet).
export const MEMBER_NAME = 'CASE WHEN m.pending THEN coalesce(m.invited_name, u.name) ELSE u.name END';
export const MEMBER_COLUMNS = `m.user_id AS "userId", u.email,
  ${MEMBER_NAME} AS name, m.role, m.organisation_id AS "organisationId",
  m.active, CASE WHEN m.pending THEN 'pending' WHEN m.active THEN 'active' ELSE 'removed' END AS status, to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "memberSince"`;
