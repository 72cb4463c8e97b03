import { Query } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UserId } from '@rl/kernel';
import { MembershipView } from '../../auth/session.view';

export class MeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) locale!: string | null;
  @ApiProperty() isOperator!: boolean;
  @ApiProperty({ type: [MembershipView] }) memberships!: MembershipView[];
}

export class MeQuery extends Query<MeView> {
  constructor(readonly userId: UserId) {
    super();
  }
}
