import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WriteResultView } from '@rl/web';
import { DisaggregationDto, FrameworkRefDto } from './commands/define-indicator/define-indicator.dto';
import {
  INDICATOR_DIRECTIONS,
  INDICATOR_STATUSES,
  INDICATOR_TYPES,
  type Benchmark,
  type Disaggregation,
  type FrameworkRef,
  type IndicatorDirection,
  type IndicatorStatus,
  type IndicatorType,
  type LocalisedText,
} from './domain/indicator.events';

const LOCALISED = {
  type: 'object' as const,
  additionalProperties: { type: 'string' },
  example: { nl: '…', en: '…' },
};

// A linked glossary term as the reader sees it: its current definition in the reader's language, else in
// the first language the definition has (`lang` says which), with the preferred label in that language.
export class LinkedTermView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'adopted' }) status!: string;
  @ApiProperty({ example: 'nl' }) lang!: string;
  @ApiProperty({ example: 'Participatie' }) prefLabel!: string;
  @ApiProperty({ example: 'Deelnemen aan publieke beslissingen.' }) definition!: string;
}

export class IndicatorView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'ND-P1' }) code!: string;
  @ApiProperty(LOCALISED) name!: LocalisedText;
  @ApiPropertyOptional({ ...LOCALISED, nullable: true }) description!: LocalisedText | null;
  @ApiProperty({ example: 'non-discrimination' }) right!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) ohchrAttribute!: string | null;
  @ApiProperty({ enum: INDICATOR_TYPES }) type!: IndicatorType;
  @ApiProperty({ example: 'count' }) unit!: string;
  @ApiProperty({ enum: INDICATOR_DIRECTIONS }) direction!: IndicatorDirection;
  @ApiProperty({ type: [DisaggregationDto], example: [{ dimension: 'sex', values: ['F', 'M'] }] })
  disaggregations!: Disaggregation[];
  @ApiProperty({ type: [FrameworkRefDto], example: [{ framework: 'SDG', code: '11.1.1' }] })
  frameworkRefs!: FrameworkRef[];
  @ApiPropertyOptional({ nullable: true, type: String }) methodology!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) source!: string | null;
  @ApiPropertyOptional({ nullable: true, example: { value: 12, year: 2019 } }) baseline!: Benchmark | null;
  @ApiPropertyOptional({ nullable: true, example: { value: 0, year: 2030 } }) target!: Benchmark | null;
  @ApiProperty({ type: [String], description: "Ids of the city's glossary terms it uses" }) terms!: string[];
  @ApiPropertyOptional({
    type: [LinkedTermView],
    description: 'One indicator only: the linked terms in the reader’s language (?lang=, else the city’s)',
  })
  linkedTerms?: LinkedTermView[];
  @ApiProperty({ enum: INDICATOR_STATUSES }) status!: IndicatorStatus;
  @ApiProperty({
    description: 'Series number; a new unit or methodology on an active indicator starts the next',
  })
  series!: number;
  @ApiProperty({ description: 'Definition version (stream version); send it as If-Match to change it' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CreatedIndicatorView extends WriteResultView {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class IndicatorActorView {
  @ApiPropertyOptional({ nullable: true, type: String }) id!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) role!: string | null;
}

export class IndicatorVersionView {
  @ApiProperty() version!: number;
  @ApiProperty({ example: 'IndicatorRedefined' }) type!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: IndicatorActorView }) actor!: IndicatorActorView;
  @ApiProperty({
    description: 'Per changed field {before, after}; on definition every field with before null',
    example: { unit: { before: 'count', after: 'percent' } },
  })
  changes!: Record<string, { before: unknown; after: unknown }>;
  @ApiPropertyOptional() seriesBreak?: boolean;
  @ApiPropertyOptional() series?: number;
}
