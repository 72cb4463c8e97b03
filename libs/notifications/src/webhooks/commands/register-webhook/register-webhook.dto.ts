import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsUrl, MaxLength } from 'class-validator';
import { NOTICE_KINDS, NoticeKind } from '../../../domain/notice';

export class RegisterWebhookDto {
  @ApiProperty({
    maxLength: 2000,
    example: 'https://example.org/hooks/rights-ledger',
    description:
      'http or https (https only in production); no user:password (the URL is recorded in the audit ' +
      'log); its host must be public: loopback, private, link-local and other internal addresses are refused',
  })
  @MaxLength(2000)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false, disallow_auth: true },
    { message: 'url must be an http(s) URL without credentials' },
  )
  url!: string;

  @ApiPropertyOptional({
    enum: NOTICE_KINDS,
    isArray: true,
    description: 'The notice kinds to receive; absent or empty = all',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NOTICE_KINDS.length)
  @ArrayUnique()
  @IsIn(NOTICE_KINDS, { each: true, message: `each of events must be one of: ${NOTICE_KINDS.join(', ')}` })
  events?: NoticeKind[];
}
