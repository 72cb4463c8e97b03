import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class SetPopulationDto {
  @ApiProperty({ example: 263_000, description: 'Inhabitants in that year (the reference population)' })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  total!: number;

  @ApiPropertyOptional({ example: { Sluizeken: 5400 }, description: 'Inhabitants per district, when known' })
  @IsOptional()
  @IsObject()
  districts?: Record<string, number>;

  @ApiPropertyOptional({ example: 'Statbel, 1 January' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  source?: string;
}
