export { LoggingModule } from './logging.module';
export { Metrics } from './metrics';
export { OperationsModule } from './operations.module';
