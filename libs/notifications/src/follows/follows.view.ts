import { ApiProperty } from '@nestjs/swagger';

export class FollowView {
  @ApiProperty({ format: 'uuid' }) indicatorId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'EDU-01' }) code!: string | null;
  @ApiProperty({
    type: Object,
    nullable: true,
    example: { en: 'Early school leavers' },
    description: 'Per language',
  })
  name!: Record<string, string> | null;
  @ApiProperty({ format: 'date-time' }) followedAt!: string;
}
