import { ApiProperty } from '@nestjs/swagger';
import { WriteResultView } from '@rl/web';

export class PublicationView extends WriteResultView {
  @ApiProperty() indicatorId!: string;
  @ApiProperty() comparable!: boolean;
  @ApiProperty() public!: boolean;
}

export class PopulationView {
  @ApiProperty() year!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ nullable: true, type: Object }) districts!: Record<string, number> | null;
}
