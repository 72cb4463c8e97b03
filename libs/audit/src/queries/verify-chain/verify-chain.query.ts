import { Query } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CityId } from '@rl/kernel';
import { BREAK_REASONS, BreakReason } from '../../domain/hash-chain';
import { ReadModelsView } from '../../read-models/read-models.view';

export class BrokenLinkView {
  @ApiProperty({ description: 'The first position where the chain does not hold' })
  position!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Stream of the event at that position (or after the gap); null if none is left',
  })
  streamId!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  version!: number | null;

  @ApiProperty({ enum: BREAK_REASONS })
  reason!: BreakReason;
}

export class ChainVerificationView {
  @ApiProperty({
    description:
      'true when every link, every stream version and the head hold (and, with readModels=true, every read model equals its replay)',
  })
  ok!: boolean;

  @ApiProperty({ description: 'Distinct streams in the city' })
  streams!: number;

  @ApiProperty({ description: 'Events in the city' })
  events!: number;

  @ApiProperty({ description: "The city's head position (tenant_heads)" })
  headPosition!: number;

  @ApiProperty({ description: "The city's head hash (tenant_heads)" })
  headHash!: string;

  @ApiPropertyOptional({ type: BrokenLinkView, description: 'Only when ok is false' })
  firstBroken?: BrokenLinkView;

  @ApiPropertyOptional({ type: ReadModelsView, description: 'Only with readModels=true' })
  readModels?: ReadModelsView;
}

export class VerifyChainQuery extends Query<ChainVerificationView> {
  constructor(
    readonly cityId: CityId,
    readonly readModels = false,
  ) {
    super();
  }
}
