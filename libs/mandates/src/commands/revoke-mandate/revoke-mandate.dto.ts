import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { MANDATE_LIMITS as L } from '../../domain/mandate-limits';
import { NOT_BLANK } from '../mandate-fields.dto';

export class RevokeMandateDto {
  @ApiProperty({ example: 'The holder left the organisation', maxLength: L.reason })
  @IsString()
  @Length(1, L.reason)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason!: string;
}
