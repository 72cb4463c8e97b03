import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { CITY_ROLES, CityRole } from '@rl/kernel';

export class UpdateMemberDto {
  @ApiPropertyOptional({ enum: CITY_ROLES })
  @IsOptional()
  @IsIn(CITY_ROLES)
  role?: CityRole;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'null detaches the member',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID()
  organisationId?: string | null;

  @ApiPropertyOptional({ description: 'false removes the member from the city (kept for the record)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
