export { isAllowedAddress, isPublicAddress } from './address-policy';
export { HostResolver, ResolvedAddress } from './host-resolver';
export { OUTBOUND_FAILURES, OutboundFailure } from './outbound-failure';
export { OutboundHttp, OutboundRequest, OutboundResult } from './outbound-http';
export { OutboundModule } from './outbound.module';
