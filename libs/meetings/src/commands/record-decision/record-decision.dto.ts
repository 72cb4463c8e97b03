import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { MEETING_LIMITS as L } from '../../domain/meeting-limits';
import { MeetingLinkDto, NOT_BLANK } from '../meeting-fields.dto';

export class DecisionTaskDto {
  @ApiProperty({ maxLength: L.taskTitle })
  @IsString()
  @Length(1, L.taskTitle)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;

  @ApiPropertyOptional({ maxLength: L.taskDescription })
  @IsOptional()
  @IsString()
  @Length(1, L.taskDescription)
  description?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assigneeOrganisationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assigneeUserId?: string;

  @ApiProperty({ format: 'date-time', description: 'When it is due' })
  @IsISO8601({ strict: true })
  due!: string;
}

export class RecordDecisionDto {
  @ApiProperty({ maxLength: L.decisionText })
  @IsString()
  @Length(1, L.decisionText)
  @Matches(NOT_BLANK, { message: 'text must not be blank' })
  text!: string;

  @ApiProperty({ type: [MeetingLinkDto], maxItems: L.links })
  @IsArray()
  @ArrayMaxSize(L.links)
  @ValidateNested({ each: true })
  @Type(() => MeetingLinkDto)
  links!: MeetingLinkDto[];

  @ApiPropertyOptional({
    type: [DecisionTaskDto],
    maxItems: L.decisionTasks,
    description: 'New tasks the decision asks for, each linked to it (kind meeting-decision)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.decisionTasks)
  @ValidateNested({ each: true })
  @Type(() => DecisionTaskDto)
  tasks?: DecisionTaskDto[];
}
