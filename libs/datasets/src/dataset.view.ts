import { ApiProperty } from '@nestjs/swagger';
import { WriteResultView } from '@rl/web';
import { Criterion, VERDICTS, Verdict } from './domain/dataset.events';
import {
  DATASET_FORMATS,
  DATASET_KINDS,
  DatasetFormat,
  DatasetKind,
  SECTORS,
  Sector,
  SPATIAL_SCHEMES,
  SpatialScheme,
  UPDATE_FREQUENCIES,
  UpdateFrequency,
} from './domain/dataset-vocabularies';

export class TemporalCoverageView {
  @ApiProperty({ format: 'date', nullable: true, type: String }) from!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) to!: string | null;
}

export class SpatialCoverageView {
  @ApiProperty({ required: false, example: 'Ghent' }) label?: string;
  @ApiProperty({ required: false, enum: SPATIAL_SCHEMES }) scheme?: SpatialScheme;
  @ApiProperty({ required: false, example: 'BE234' }) code?: string;
}

export class CriterionView {
  @ApiProperty({ minimum: 1, maximum: 5, description: '1 poor … 5 good' }) score!: number;
  @ApiProperty({ nullable: true, type: String, description: "The assessor's note ([erased] once they are)" })
  note!: string | null;
}

export class ChecklistView implements Record<Criterion, CriterionView> {
  @ApiProperty({ type: CriterionView }) relevance!: CriterionView;
  @ApiProperty({ type: CriterionView }) accuracy!: CriterionView;
  @ApiProperty({ type: CriterionView }) timeliness!: CriterionView;
  @ApiProperty({ type: CriterionView }) accessibility!: CriterionView;
  @ApiProperty({ type: CriterionView }) comparability!: CriterionView;
}

export class ActorView {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) id!: string | null;
  @ApiProperty({ nullable: true, type: String }) role!: string | null;
}

export class AssessmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) datasetId!: string;
  @ApiProperty({ type: ChecklistView }) checklist!: ChecklistView;
  @ApiProperty({ enum: VERDICTS }) verdict!: Verdict;
  @ApiProperty({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty({ type: ActorView, description: 'Who assessed (from the event metadata)' })
  assessedBy!: ActorView;
  @ApiProperty({ format: 'date-time' }) assessedAt!: string;
}

export class DatasetView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: DATASET_KINDS }) kind!: DatasetKind;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'uuid', description: 'The organisation that holds it' }) owner!: string;
  @ApiProperty({ enum: SECTORS }) sector!: Sector;
  @ApiProperty({ example: 'CC-BY-4.0', description: 'SPDX licence id' }) licence!: string;
  @ApiProperty({ enum: UPDATE_FREQUENCIES }) updateFrequency!: UpdateFrequency;
  @ApiProperty({ nullable: true, type: String, format: 'uri' }) accessUrl!: string | null;
  @ApiProperty({ nullable: true, enum: DATASET_FORMATS }) format!: DatasetFormat | null;
  @ApiProperty({ nullable: true, type: String, example: 'text/csv', description: "The format's media type" })
  mediaType!: string | null;
  @ApiProperty() personalData!: boolean;
  @ApiProperty({ type: TemporalCoverageView, nullable: true }) temporalCoverage!: TemporalCoverageView | null;
  @ApiProperty({ type: SpatialCoverageView, nullable: true }) spatialCoverage!: SpatialCoverageView | null;
  @ApiProperty({ type: [String], description: 'Ids of the indicators it feeds' }) indicators!: string[];
  @ApiProperty({ description: "Whether it may appear in the city's public catalogue" }) public!: boolean;
  @ApiProperty({ format: 'date', nullable: true, type: String }) issued!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) modified!: string | null;
  @ApiProperty({ description: 'How many assessments it had' }) assessments!: number;
  @ApiProperty({ type: AssessmentView, nullable: true }) latestAssessment!: AssessmentView | null;
  @ApiProperty({ description: 'Stream version; send it as If-Match to change the entry' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CreatedDatasetView extends WriteResultView {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class CreatedAssessmentView extends WriteResultView {
  @ApiProperty({ format: 'uuid', description: "The assessment's id" }) id!: string;
}
