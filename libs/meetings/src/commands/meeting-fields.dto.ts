import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MEETING_LINK_KINDS, MeetingLinkKind } from '../domain/meeting.events';
import { MEETING_LIMITS as L } from '../domain/meeting-limits';

export const NOT_BLANK = /\S/;

export class MeetingLinkDto {
  @ApiProperty({ enum: MEETING_LINK_KINDS })
  @IsIn(MEETING_LINK_KINDS)
  kind!: MeetingLinkKind;

  @ApiProperty({ format: 'uuid', description: 'An indicator, glossary term, task or submission of the city' })
  @IsUUID()
  id!: string;
}

export class AgendaItemDto {
  @ApiProperty({ maxLength: L.agendaTitle })
  @IsString()
  @Length(1, L.agendaTitle)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: L.itemMinutes })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(L.itemMinutes)
  durationMinutes?: number;

  @ApiPropertyOptional({ type: [MeetingLinkDto], maxItems: L.links })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.links)
  @ValidateNested({ each: true })
  @Type(() => MeetingLinkDto)
  links?: MeetingLinkDto[];
}

// The fields of a meeting an organiser sets when scheduling and may change later.
export class MeetingFieldsDto {
  @ApiProperty({ maxLength: L.title, example: 'Results session 2025 (illustrative)' })
  @IsString()
  @Length(1, L.title)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  startsAt!: string;

  @ApiProperty({ format: 'date-time', description: 'After startsAt, at most a week later' })
  @IsISO8601({ strict: true })
  endsAt!: string;

  @ApiPropertyOptional({ maxLength: L.place, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Length(1, L.place)
  @Matches(NOT_BLANK, { message: 'place must not be blank' })
  place?: string | null;

  @ApiPropertyOptional({
    format: 'uri',
    maxLength: L.url,
    nullable: true,
    type: String,
    description: 'An http(s) link',
  })
  @IsOptional()
  @IsString()
  @MaxLength(L.url)
  online?: string | null;

  @ApiProperty({
    type: [AgendaItemDto],
    maxItems: L.agendaItems,
    description:
      'The durations given add up to at most the meeting (422 MEETING.AGENDA_TOO_LONG naming agenda)',
  })
  @IsArray()
  @ArrayMaxSize(L.agendaItems)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  agenda!: AgendaItemDto[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: L.invitedOrganisations })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.invitedOrganisations)
  @IsUUID('all', { each: true })
  invitedOrganisationIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: L.invitedUsers,
    description: 'Members of the city; they and the members of invited organisations get an in-app notice',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.invitedUsers)
  @IsUUID('all', { each: true })
  invitedUserIds?: string[];
}
