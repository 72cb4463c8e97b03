import { ApiProperty } from '@nestjs/swagger';
import { WriteResultView } from '@rl/web';

export class MandateScopeView {
  @ApiProperty() all!: boolean;
  @ApiProperty({ type: [String], format: 'uuid' }) indicators!: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) tasks!: string[];
}

export class MandateSignerView {
  @ApiProperty({ example: 'An Peeters', description: '"[erased]" once the holder was erased' }) name!: string;
  @ApiProperty({ example: 'Director' }) function!: string;
}

export class MandateView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ format: 'uuid' }) holderUserId!: string;
  @ApiProperty({ type: MandateScopeView }) scope!: MandateScopeView;
  @ApiProperty({ format: 'date', description: 'First valid day, in the city time zone' }) validFrom!: string;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Last valid day; null: open-ended',
  })
  validUntil!: string | null;
  @ApiProperty({ type: MandateSignerView }) signedBy!: MandateSignerView;
  @ApiProperty({ type: String, nullable: true }) documentRef!: string | null;
  @ApiProperty({ enum: ['active', 'revoked'] }) status!: 'active' | 'revoked';
  @ApiProperty({ type: String, nullable: true }) revokedReason!: string | null;
  @ApiProperty({ description: 'In force today (or at asOf) in the city time zone, and not revoked' })
  valid!: boolean;
  @ApiProperty({ description: 'Not revoked, and its last day is within 30 days' }) expiringSoon!: boolean;
  @ApiProperty({ description: 'Stream version; send it as If-Match to amend or revoke' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CreatedMandateView extends WriteResultView {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class ParticipantMandateView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validUntil!: string | null;
  @ApiProperty() expiringSoon!: boolean;
}

export class ParticipantView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'collector' }) role!: string;
  @ApiProperty({
    type: ParticipantMandateView,
    nullable: true,
    description: 'The valid mandate that lasts longest; null: no valid mandate',
  })
  mandate!: ParticipantMandateView | null;
}

export class ParticipationView {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ type: [ParticipantView], description: 'Active members of the organisation, by user id' })
  members!: ParticipantView[];
  @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next page of members (after)' })
  next!: string | null;
}
