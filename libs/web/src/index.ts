export { AccessRule, ACCESS_RULE, CityAccess, OperatorOnly, Public, SignedIn } from './access.decorators';
export {
  Actor,
  CityContext,
  CurrentActor,
  CurrentCity,
  CurrentCityIfMember,
  RequestWithActor,
} from './actor';
export { ProblemDocument, ProblemFilter, sendProblem, toProblem } from './problem.filter';
export { METRICS_TOKEN_SCHEME, openApiDocument, setupOpenApi } from './openapi';
export { RouteAccessAuditor } from './route-access.auditor';
export { fieldErrors } from './validation';
export { WebModule } from './web.module';
export { CommandContext, CommandMetadata, IfMatchVersion, OptionalIfMatchVersion } from './command-headers';
export { uuidParam } from './uuid-param';
export {
  ApiIdempotencyKey,
  ApiProjectionBehind,
  AsOfReadDto,
  MinPositionDto,
  WriteResultView,
} from './event-sourced-contract';
export { ApiPage, PAGE_LIMIT, PagedReadDto, PageQueryDto, pageRequest } from './pagination';
export { ApiErrors, versionConflict } from './api-errors';
export { ApiCityList, ApiCityRead, ApiCommand, ApiIfMatch, CommandRoute } from './route-contracts';
export { commaList } from './comma-list';
export { PublicRead } from './public-read/public-read.decorator';
export { PublicSurfaceModule } from './public-read/public-surface.module';
export { combineStamps, isPublicPath, PublicReadErrors, ReadStamp } from './public-read/public-surface';
export { ExtraReadStamp, PublicReadOptions, ReadStamps, StampScope } from './public-read/read-stamps';
