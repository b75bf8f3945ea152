/**
 * The entry point a provider's `main.ts` calls:
 * `await serve(new FrameworkProvider(alicloudProvider()), { name: 'alicloud' })`.
 * It owns the process: cookie check, the single stdout line, signals and exit.
 *
 * Lifetime, as terraform's go-plugin client drives it:
 * - SIGINT is ignored, as go-plugin servers do: a terminal's Ctrl-C reaches the whole
 *   process group, and terraform follows it with StopProvider and then waits for in-flight
 *   RPCs. A provider that dies on SIGINT makes terraform report "Plugin did not respond" and
 *   lose the objects being created.
 * - SIGTERM, controller Shutdown, or our parent going away → stop and exit promptly: after
 *   Shutdown terraform waits 2 s, then logs "plugin failed to exit gracefully" and SIGKILLs.
 * - stdin is not used by terraform (it is not a pipe we own), so its end means nothing.
 */
import { basename } from 'node:path';
import { magicCookieProblem } from './handshake.js';
import { createLogger, type Logger } from './logger.js';
import { startPluginServer } from './plugin-server.js';
import type { ProviderServer, ServeOptions } from './provider-server.js';

const PARENT_POLL_MS = 1000;

function fail(logger: Logger, message: string, error: unknown): never {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  logger.error(message, { error: detail });
  process.stderr.write(`${message}: ${detail}\n`);
  process.exit(1);
}

export async function serve(provider: ProviderServer, options: ServeOptions): Promise<void> {
  const env = options.env ?? process.env;
  const logger = createLogger({ module: `provider.${options.name}` });

  const cookieProblem = magicCookieProblem(env, basename(process.argv[1] ?? `terraform-provider-${options.name}`));
  if (cookieProblem !== undefined) {
    process.stderr.write(`${cookieProblem}\n`);
    process.exit(1);
  }

  process.on('SIGINT', () => logger.debug('ignoring SIGINT; terraform will call StopProvider'));
  process.on('uncaughtException', (error) => fail(logger, 'provider crashed (uncaught exception)', error));
  process.on('unhandledRejection', (error) => fail(logger, 'provider crashed (unhandled rejection)', error));

  let running;
  try {
    running = await startPluginServer(provider, { env, logger });
  } catch (error) {
    fail(logger, 'cannot start the plugin server', error);
  }

  const exitAfterStop = (reason: string): void => {
    void running.stop(reason).then(() => process.exit(0));
  };
  process.on('SIGTERM', () => exitAfterStop('SIGTERM'));
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) exitAfterStop('parent process exited');
  }, PARENT_POLL_MS).unref();
  void running.stopped.then(() => {
    logger.debug('plugin server stopped, exiting');
    process.exit(0);
  });

  // The one and only stdout write of the process.
  process.stdout.write(running.handshakeLine);
}
