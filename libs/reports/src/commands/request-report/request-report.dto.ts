import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { SECTIONS } from '../../domain/report.events';

// Shapes only: the domain checks the year, the title's length and the section names (422 naming the
// field); the caps here only keep hostile input small.
export class RequestReportDto {
  @ApiProperty({ example: 2025, description: 'A four-digit year, not in the future' })
  @IsInt()
  year!: number;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Human rights in Ghent, 2025' })
  @IsString()
  @MaxLength(10_000)
  title!: string;

  @ApiPropertyOptional({
    type: [String],
    enum: SECTIONS,
    description: 'The sections to include (default: all), in any order',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  sections?: string[];
}
