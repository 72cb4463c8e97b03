import { Query } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CityId } from '@rl/kernel';
import { BREAK_REASONS, BreakReason } from '../../domain/hash-chain';
import { ReadModelsView } from '../../read-models/read-models.view';

export class CheckpointRefView {
  @ApiProperty({ description: 'The signed head position' })
  position!: number;

  @ApiProperty({ description: 'The signed head hash' })
  headHash!: string;

  @ApiProperty()
  keyId!: string;

  @ApiProperty({ format: 'date-time' })
  signedAt!: string;
}

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

  @ApiPropertyOptional({
    type: CheckpointRefView,
    description:
      'With checkpoint_mismatch: the signed checkpoint the log no longer agrees with (its event is gone ' +
      'or has another hash: the log was truncated, rewritten or deleted)',
  })
  checkpoint?: CheckpointRefView;
}

export class ChainVerificationView {
  @ApiProperty({
    description:
      'true when every link, every stream version and the head hold, the log agrees with every signed ' +
      'checkpoint, no stored checkpoint has an invalid signature (and, with readModels=true, every read model ' +
      'equals its replay)',
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

  @ApiPropertyOptional({
    type: BrokenLinkView,
    description: 'Only when the chain or a checkpoint does not hold',
  })
  firstBroken?: BrokenLinkView;

  @ApiProperty({ description: 'Validly signed checkpoints the log was checked against' })
  checkpoints!: number;

  @ApiProperty({
    type: [CheckpointRefView],
    description: 'Stored checkpoints whose signature does not verify with any known key: forged or altered',
  })
  invalidCheckpoints!: CheckpointRefView[];

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
