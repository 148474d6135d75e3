// Runs the import worker from its TypeScript source (tests, CLI and browser mode run under tsx,
// whose loader a worker thread does not get by itself). The desktop build runs the bundled
// produce-worker.js instead. tsx resolves from here, so this works whatever the cwd.
import { register } from 'tsx/esm/api';

register();
await import('./produce-worker.ts');
