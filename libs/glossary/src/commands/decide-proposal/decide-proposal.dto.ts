import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class DecideProposalDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Required when several proposals are open' })
  @IsOptional()
  @IsUUID()
  proposalId?: string;

  @ApiProperty({ example: 'Agreed in the working session of 12 March', maxLength: 5000 })
  @IsString()
  @Length(1, 5000)
  note!: string;
}
