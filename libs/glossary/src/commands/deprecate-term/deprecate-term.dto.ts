import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class DeprecateTermDto {
  @ApiProperty({ example: 'Merged into "public participation"', maxLength: 5000 })
  @IsString()
  @Length(1, 5000)
  note!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The adopted term that replaces it' })
  @IsOptional()
  @IsUUID()
  replacedBy?: string;
}
