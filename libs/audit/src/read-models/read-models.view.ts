import { ApiProperty } from '@nestjs/swagger';

export const DIFFERENCE_KINDS = ['missing', 'extra', 'changed'] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

export class ColumnDifferenceView {
  @ApiProperty()
  column!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The live value, as text (cut at 200 characters)',
  })
  live!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The value the log implies, as text (cut likewise)',
  })
  log!: string | null;
}

export class RowDifferenceView {
  @ApiProperty({
    enum: DIFFERENCE_KINDS,
    description:
      'missing: the log implies the row, the live table lacks it; extra: the reverse; changed: both have it, with different values',
  })
  kind!: DifferenceKind;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'The primary key of the row (tenant_id left out), as text',
    example: { indicator_id: '0196c1d2-7a3b-7c4d-8e5f-0123456789ab', period: '2024' },
  })
  key!: Record<string, string>;

  @ApiProperty({
    type: [ColumnDifferenceView],
    description: 'Only for changed rows: the columns that differ',
  })
  columns!: ColumnDifferenceView[];
}

export class TableCheckView {
  @ApiProperty({ example: 'published_values' })
  table!: string;

  @ApiProperty({ description: "The city's rows in the live table" })
  liveRows!: number;

  @ApiProperty({ description: 'The rows a replay of the log gives' })
  logRows!: number;

  @ApiProperty()
  missing!: number;

  @ApiProperty()
  extra!: number;

  @ApiProperty()
  changed!: number;

  @ApiProperty({
    type: [RowDifferenceView],
    description: 'The first differences of each kind (at most 20 per kind; the counts above are complete)',
  })
  differences!: RowDifferenceView[];
}

export class ProjectionCheckView {
  @ApiProperty({ example: 'publication' })
  projection!: string;

  @ApiProperty({
    description:
      "The projection's live checkpoint: its tables are compared with a replay of the log up to this position",
  })
  checkpoint!: number;

  @ApiProperty({
    description: "Events between the checkpoint and the city's head, not applied yet (not an error)",
  })
  behind!: number;

  @ApiProperty({ type: [TableCheckView] })
  tables!: TableCheckView[];
}

export class SkippedTableView {
  @ApiProperty({ example: 'reminders' })
  table!: string;

  @ApiProperty()
  reason!: string;
}

export class ReadModelsView {
  @ApiProperty({ description: 'true when every compared table equals its replay from the log' })
  ok!: boolean;

  @ApiProperty({ description: "The city's head position in the snapshot compared" })
  headPosition!: number;

  @ApiProperty({ type: [ProjectionCheckView] })
  projections!: ProjectionCheckView[];

  @ApiProperty({ type: [SkippedTableView], description: 'Tables not compared, and why' })
  skipped!: SkippedTableView[];

  @ApiProperty({ description: 'How long the replay and the comparison took' })
  durationMs!: number;
}
