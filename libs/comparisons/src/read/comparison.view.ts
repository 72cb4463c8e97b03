import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CaveatCode, PublishedValue } from '../domain/comparison.types';

const STATUSES = [
  'normal',
  'estimated',
  'provisional',
  'break',
  'missing',
] as const satisfies readonly PublishedValue['status'][];

const CAVEAT_CODES = [
  'DIRECTION_DIFFERS',
  'UNIT_INCOMPATIBLE',
  'NO_POPULATION',
  'DEFINITION_DIFFERS',
  'METHODOLOGY_DIFFERS',
  'TERMS_DIFFER',
  'SERIES_BREAK',
  'GRANULARITY_DIFFERS',
  'UNIT_CONVERTED',
  'PER_CAPITA',
  'DISAGGREGATION_DIFFERS',
  'ESTIMATED',
  'PROVISIONAL',
] as const satisfies readonly CaveatCode[];

export class CaveatView {
  @ApiProperty({ enum: CAVEAT_CODES }) code!: CaveatCode;
  @ApiProperty({ example: 'Converted from "per 1000 inhabitants" to "percent" (value × 0.1).' })
  message!: string;
}

export class ComparabilityView {
  @ApiProperty({ example: 0.95, description: '0–1; 1 = fully comparable' }) score!: number;
  @ApiProperty({ description: 'score ≥ the threshold: only comparable rows are ranked' })
  comparable!: boolean;
  @ApiProperty({ type: [CaveatView] }) caveats!: CaveatView[];
}

export class TrendView {
  @ApiProperty({ example: '2023' }) previousPeriod!: string;
  @ApiProperty({ example: -1.5, description: "Change since the city's previous period, in its unit" })
  change!: number;
}

export class ComparisonRowView {
  @ApiProperty({ example: 'ghent', description: "The city's slug" }) city!: string;
  @ApiProperty({ example: 'Ghent' }) cityName!: string;
  @ApiProperty({ example: 'H-11', description: "The city's own indicator code" }) indicatorCode!: string;
  @ApiProperty({ example: '2024' }) period!: string;
  @ApiProperty({
    example: 4.2,
    nullable: true,
    type: Number,
    description: 'As the city reported it, in its unit; blank (null) where suppressed (status Q)',
  })
  value!: number | null;
  @ApiProperty({ example: 'percent' }) unit!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'In the common unit, when convertible' })
  normalisedValue!: number | null;
  @ApiProperty({ nullable: true, type: String }) normalisedUnit!: string | null;
  @ApiPropertyOptional({
    example: 1,
    description: '1 = best given the direction; absent when not comparable',
  })
  rank?: number;
  @ApiPropertyOptional({
    enum: ['Q'],
    description:
      'Only where small-number suppression hides the value (Q: confidential): then no normalised value, rank, ' +
      'trend or distance to target either, and the other cities are ranked without it',
  })
  status?: 'Q';
  @ApiProperty({ type: ComparabilityView }) comparability!: ComparabilityView;
  @ApiProperty({ type: TrendView, nullable: true }) trend!: TrendView | null;
  @ApiProperty({ nullable: true, type: Number, description: "value − the city's own target" })
  distanceToTarget!: number | null;
}

export class ComparisonView {
  @ApiProperty({ example: 'SDG' }) framework!: string;
  @ApiProperty({ example: '11.1.1' }) code!: string;
  @ApiProperty({ example: '2024' }) period!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When the comparison was last recomputed; null when nothing is published for the code',
  })
  computedAt!: string | null;
  @ApiProperty({ type: [ComparisonRowView] }) rows!: ComparisonRowView[];
}

export class SeriesPointView {
  @ApiProperty({ example: '2015' }) period!: string;
  @ApiProperty({ example: 3.8, nullable: true, type: Number, description: 'Blank (null) where suppressed' })
  value!: number | null;
  @ApiProperty({ nullable: true, type: Number }) normalisedValue!: number | null;
  @ApiProperty({ enum: [...STATUSES, 'Q'], description: 'Q: confidential (small-number suppression)' })
  status!: PublishedValue['status'] | 'Q';
}

export class SeriesCityView {
  @ApiProperty({ example: 'bristol' }) city!: string;
  @ApiProperty({ example: 'Bristol' }) cityName!: string;
  @ApiProperty({ example: 'per 1000 live births' }) unit!: string;
  @ApiProperty({ nullable: true, type: String }) normalisedUnit!: string | null;
  @ApiProperty({ type: ComparabilityView }) comparability!: ComparabilityView;
  @ApiProperty({ type: [SeriesPointView] }) points!: SeriesPointView[];
}

export class ComparisonSeriesView {
  @ApiProperty({ example: 'SDG' }) framework!: string;
  @ApiProperty({ example: '3.2.1' }) code!: string;
  @ApiProperty({ nullable: true, type: Number, example: 2010 }) from!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 2019 }) to!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) computedAt!: string | null;
  @ApiProperty({ type: [String], description: 'Every period shown, in order' }) periods!: string[];
  @ApiProperty({ type: [SeriesCityView], description: 'One entry per city, side by side' })
  cities!: SeriesCityView[];
}

export class FrameworkRefView {
  @ApiProperty({ example: 'SDG' }) framework!: string;
  @ApiProperty({ example: '11.1.1' }) code!: string;
}

export class LatestValueView {
  @ApiProperty({ example: '2024' }) period!: string;
  @ApiProperty({ example: 2024, description: 'The first year the period falls in' }) year!: number;
  @ApiProperty({ example: 4.2, nullable: true, type: Number, description: 'Blank (null) where suppressed' })
  value!: number | null;
  @ApiProperty({ enum: [...STATUSES, 'Q'], description: 'Q: confidential (small-number suppression)' })
  status!: PublishedValue['status'] | 'Q';
}

export class PublicIndicatorView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'H-11' }) code!: string;
  @ApiProperty({ example: 'Urban population living in inadequate housing' }) name!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ example: 'percent' }) unit!: string;
  @ApiProperty({ enum: ['higher_is_better', 'lower_is_better', 'neutral'] }) direction!: string;
  @ApiProperty({ nullable: true, type: String }) methodology!: string | null;
  @ApiProperty({ type: [FrameworkRefView] }) frameworkRefs!: FrameworkRefView[];
  @ApiProperty({ nullable: true, type: Object, example: { value: 3, year: 2030 } })
  target!: { value: number; year?: number } | null;
  @ApiProperty({
    type: LatestValueView,
    nullable: true,
    description: 'The validated value of the latest period; null when none is validated yet',
  })
  latest!: LatestValueView | null;
}
