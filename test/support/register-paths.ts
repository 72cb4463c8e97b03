import { register } from 'tsconfig-paths';
import { compilerOptions } from '../../tsconfig.json';

// Jest's globalSetup runs outside the module registry that maps the @rl/* aliases; map them here.
register({ baseUrl: `${__dirname}/../..`, paths: compilerOptions.paths });
