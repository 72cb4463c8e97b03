import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PagedReadDto } from '@rl/web';
import { DATASET_KINDS, DatasetKind, SECTORS, Sector } from '../domain/dataset-vocabularies';

export class ListDatasetsDto extends PagedReadDto {
  @ApiPropertyOptional({ enum: DATASET_KINDS })
  @IsOptional()
  @IsIn(DATASET_KINDS)
  kind?: DatasetKind;

  @ApiPropertyOptional({ enum: SECTORS })
  @IsOptional()
  @IsIn(SECTORS)
  sector?: Sector;

  @ApiPropertyOptional({ format: 'uuid', description: 'The owner organisation' })
  @IsOptional()
  @IsUUID()
  owner?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the datasets that feed this indicator' })
  @IsOptional()
  @IsUUID()
  indicatorId?: string;

  @ApiPropertyOptional({ description: 'Words in the title or description (any case)', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;
}
