export { BaseModule } from './base.module';
export { unreachableDependencies } from './dependencies';
export { runScript } from './run-script';
