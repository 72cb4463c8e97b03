import { ApiProperty } from '@nestjs/swagger';

export class CheckpointView {
  @ApiProperty({ format: 'uuid' })
  cityId!: string;

  @ApiProperty({ description: "The city's head position that was signed (0: no events yet)" })
  position!: number;

  @ApiProperty({ description: 'SHA-256 (hex) of the event at that position (the genesis hash at 0)' })
  headHash!: string;

  @ApiProperty({ format: 'date-time', example: '2025-03-01T10:00:00.123Z', description: 'UTC, as signed' })
  signedAt!: string;

  @ApiProperty({ description: 'Which key of GET /v1/public/keys signed it' })
  keyId!: string;

  @ApiProperty({
    description:
      'base64 Ed25519 signature over the UTF-8 lines "rights-ledger checkpoint v1", "city <cityId>", ' +
      '"position <position>", "head <headHash>", "signed <signedAt>" joined by "\\n" (no trailing newline)',
  })
  signature!: string;
}

export class PublicKeyView {
  @ApiProperty({ example: 'ed25519-3f1c0a9b2d4e5f60' })
  keyId!: string;

  @ApiProperty({ enum: ['Ed25519'] })
  algorithm!: 'Ed25519';

  @ApiProperty({
    description: 'SPKI PEM',
    example: '-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----\n',
  })
  publicKey!: string;
}
