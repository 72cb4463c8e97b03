import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { CONNECTION_KINDS, ConnectionKind } from '../../domain/connection.events';

export class CredentialsDto {
  @ApiPropertyOptional({ description: 'ODK Central: the account e-mail' })
  @IsOptional()
  @IsString()
  @Length(1, 320)
  email?: string;

  @ApiPropertyOptional({ description: 'ODK Central: the account password', format: 'password' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  password?: string;

  @ApiPropertyOptional({ description: 'KoboToolbox: the API token', format: 'password' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  token?: string;
}

export class ConnectDto {
  @ApiProperty({ enum: CONNECTION_KINDS }) @IsIn(CONNECTION_KINDS) kind!: ConnectionKind;

  @ApiProperty({
    example: 'https://central.example.org',
    description: 'https (http only where private targets are allowed)',
  })
  @IsString()
  @Length(1, 500)
  serverUrl!: string;

  @ApiProperty({
    example: '7/household_survey',
    description: 'ODK Central projectId/xmlFormId or Kobo asset uid',
  })
  @IsString()
  @Length(1, 140)
  formId!: string;

  @ApiProperty({
    type: CredentialsDto,
    description: 'ODK Central {email, password}; Kobo {token}. Stored encrypted, never shown again',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => CredentialsDto)
  credentials!: CredentialsDto;

  @ApiPropertyOptional({ format: 'uuid', description: 'Answers go to this assignment (or give indicatorId)' })
  @IsOptional()
  @IsUUID()
  assignmentId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Extra: instead of an assignment, the indicator; each answer's hidden assignment_id and period_id say the rest",
  })
  @IsOptional()
  @IsUUID()
  indicatorId?: string;

  @ApiPropertyOptional({ description: 'Extra: a name for people' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  label?: string;

  @ApiPropertyOptional({
    default: true,
    description: 'Extra: pull on the schedule too (false: on demand and push only)',
  })
  @IsOptional()
  @IsBoolean()
  scheduled?: boolean;
}
