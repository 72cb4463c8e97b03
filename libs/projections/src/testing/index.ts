export { recorded, rowAfter } from './row-projection-testing';
