/**
 * `ecs-image` entry point (bin/ecs-image loads the compiled file). Errors go
 * to stderr with exit status 1; stdout carries only the commands' JSON output.
 */
import { buildProgram } from './program.js';

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`ecs-image: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
