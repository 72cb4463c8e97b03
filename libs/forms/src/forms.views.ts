import { ApiProperty } from '@nestjs/swagger';

export class MyAssignmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) indicatorId!: string;
  @ApiProperty({ example: 'ND-1' }) indicatorCode!: string;
  @ApiProperty({ description: "In the member's language where the indicator has it" }) indicatorName!: string;
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty({ example: '2024' }) periodCode!: string;
  @ApiProperty({ format: 'date-time' }) deadline!: string;
  @ApiProperty({
    enum: ['open', 'submitted', 'returned'],
    description: 'open: nothing submitted yet; returned: to correct',
  })
  status!: 'open' | 'submitted' | 'returned';
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "The indicator's latest validated total (any period), for reference",
  })
  lastValue!: number | null;
  @ApiProperty({ type: String, nullable: true, example: '2023' }) lastValuePeriod!: string | null;
  @ApiProperty({ description: 'Path of the spreadsheet template (relative to the API)' })
  templatePath!: string;
  @ApiProperty({ description: 'Path of the XLSForm (relative to the API)' }) formPath!: string;
}
