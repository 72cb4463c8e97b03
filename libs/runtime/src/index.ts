export { BaseModule } from './base.module';
