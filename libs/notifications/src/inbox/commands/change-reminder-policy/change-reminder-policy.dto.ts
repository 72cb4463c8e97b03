import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export const MAX_POLICY_OFFSETS = 20;

// Shapes and sizes only. What the values mean (an ISO 8601 duration, an HH:MM time, escalation only
// after the deadline) is the domain's validatePolicy, which answers 422 naming e.g. offsets[0].offset.
export class ReminderOffsetDto {
  @ApiProperty({
    example: '-P3D',
    maxLength: 32,
    description: "ISO 8601 duration relative to the deadline: '-P3D' three days before, 'P1D' a day after",
  })
  @IsString()
  @MaxLength(32)
  offset!: string;

  @ApiPropertyOptional({
    example: '09:00',
    description: "At this local time (HH:MM, the city's zone) of that day",
  })
  @IsOptional()
  @IsString()
  @MaxLength(5)
  at?: string;

  @ApiPropertyOptional({ description: 'Only after the deadline: tell the coordinators as well' })
  @IsOptional()
  @IsBoolean()
  escalate?: boolean;
}

export class QuietHoursDto {
  @ApiProperty({ example: '21:00', description: 'HH:MM; the window may cross midnight' })
  @IsString()
  @MaxLength(5)
  start!: string;

  @ApiProperty({ example: '07:00', description: 'HH:MM' })
  @IsString()
  @MaxLength(5)
  end!: string;
}

// The whole policy (PUT replaces it).
export class ChangeReminderPolicyDto {
  @ApiProperty({ type: [ReminderOffsetDto], minItems: 1, maxItems: MAX_POLICY_OFFSETS })
  @IsArray()
  @ArrayMaxSize(MAX_POLICY_OFFSETS)
  @ValidateNested({ each: true })
  @Type(() => ReminderOffsetDto)
  offsets!: ReminderOffsetDto[];

  @ApiProperty({
    type: QuietHoursDto,
    nullable: true,
    description: 'Required; null = no quiet hours (e-mails go out at any hour)',
  })
  @ValidateIf((_, value) => value !== null)
  @IsDefined({ message: 'quietHours is required (null for none)' })
  @IsObject()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours!: QuietHoursDto | null;
}
