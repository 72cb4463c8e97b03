import { ApiProperty } from '@nestjs/swagger';

export class SeriesIndicatorView {
  @ApiProperty({ example: 'GH-HOMELESS' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ example: 'count' }) unit!: string;
  @ApiProperty({ description: 'The latest definition version of the values', example: 2 })
  definitionVersion!: number;
  @ApiProperty({ type: [String], description: 'Disaggregation dimensions, in definition order' })
  dimensions!: string[];
  @ApiProperty({ type: [String], example: ['SDG:11.1.1'] }) frameworkRefs!: string[];
  @ApiProperty({ type: [String], description: 'Sources the values were submitted with' }) sources!: string[];
  @ApiProperty({ example: 'CC-BY-4.0' }) licence!: string;
}

export class SeriesCityView {
  @ApiProperty({ example: 'ghent' }) slug!: string;
  @ApiProperty({ example: 'Ghent' }) name!: string;
}

export class DisclosureView {
  @ApiProperty({ nullable: true, type: Number, description: 'null: no small-number rule applies' })
  minCount!: number | null;
  @ApiProperty() secondary!: boolean;
  @ApiProperty({
    enum: ['indicator', 'default', 'none'],
    description: "The indicator's own rule, the default for counts, or none",
  })
  origin!: 'indicator' | 'default' | 'none';
}

export class SeriesObservationView {
  @ApiProperty({ example: '2024' }) period!: string;
  @ApiProperty({ type: Object, example: { sex: 'F' }, description: 'Empty: the total' })
  disaggregation!: Record<string, string>;
  @ApiProperty({ nullable: true, type: Number, description: 'Blank (null) where suppressed' }) value!:
    number | null;
  @ApiProperty({
    example: 'A',
    description:
      'SDMX OBS_STATUS: A normal, E estimated, P provisional, B break, M missing, Q confidential (suppressed)',
  })
  obsStatus!: string;
  @ApiProperty() definitionVersion!: number;
  @ApiProperty({ description: 'Series (break) number' }) series!: number;
  @ApiProperty({ nullable: true, type: String }) source!: string | null;
  @ApiProperty({
    nullable: true,
    enum: ['primary', 'secondary'],
    description: 'Members only: why a public output hides this cell; always null in public outputs',
  })
  suppressed!: 'primary' | 'secondary' | null;
}

export class PublicSeriesView {
  @ApiProperty() city!: SeriesCityView;
  @ApiProperty() indicator!: SeriesIndicatorView;
  @ApiProperty() disclosure!: DisclosureView;
  @ApiProperty({
    type: [SeriesObservationView],
    description: 'By period, then the total before its breakdowns',
  })
  observations!: SeriesObservationView[];
}
