import { Module } from '@nestjs/common';
import { HostResolver } from './host-resolver';
import { OutboundHttp } from './outbound-http';

@Module({
  providers: [HostResolver, OutboundHttp],
  exports: [OutboundHttp],
})
export class OutboundModule {}
