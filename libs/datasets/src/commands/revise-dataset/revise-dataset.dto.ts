import { OmitType, PartialType } from '@nestjs/swagger';
import { CatalogueDatasetDto } from '../catalogue-dataset/catalogue-dataset.dto';

// Any field of the entry; null clears an optional one (accessUrl, format, coverage, issued, modified).
export class ReviseDatasetDto extends PartialType(
  OmitType(CatalogueDatasetDto, ['qualityAssessment'] as const),
) {}
