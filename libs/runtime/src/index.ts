export { BaseModule } from './base.module';
export { unreachableDependencies } from './dependencies';
export { runScript, UsageError } from './run-script';
