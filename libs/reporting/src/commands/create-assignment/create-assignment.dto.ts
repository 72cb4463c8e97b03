import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class CreateAssignmentDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() indicatorId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() organisationId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() periodId!: string;
}
