export { ApiModule } from './api.module';
export { createApi } from './create-api';
