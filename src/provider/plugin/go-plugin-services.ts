/**
 * go-plugin's own services served next to tfplugin6.Provider (hashicorp/go-plugin's
 * `internal/plugin` protos, which terraform's client opens): the controller
 * (terraform's "I am done" signal), stdio and broker (opened by go-plugin on every
 * connection; we hold them open and idle) and the standard health check.
 */
import {
  status,
  type ServerDuplexStream,
  type ServerWritableStream,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';

/** Long-lived streams we must end before the server can close gracefully. */
export class OpenStreams {
  readonly #streams = new Set<{ end(): void }>();

  add(stream: { end(): void; on(event: 'cancelled' | 'close', listener: () => void): unknown }): void {
    this.#streams.add(stream);
    const forget = (): void => void this.#streams.delete(stream);
    stream.on('cancelled', forget);
    stream.on('close', forget);
  }

  endAll(): void {
    for (const stream of this.#streams) {
      try {
        stream.end();
      } catch {
        // already torn down by the peer
      }
    }
    this.#streams.clear();
  }
}

/** `onShutdown` runs after the reply has been handed to the transport. */
export function controllerService(onShutdown: () => void): UntypedServiceImplementation {
  return {
    Shutdown: (_call: unknown, callback: (error: null, response: object) => void): void => {
      callback(null, {});
      setImmediate(onShutdown);
    },
  };
}

export function stdioService(streams: OpenStreams): UntypedServiceImplementation {
  return {
    StreamStdio: (call: ServerWritableStream<object, object>): void => streams.add(call),
  };
}

export function brokerService(streams: OpenStreams): UntypedServiceImplementation {
  return {
    StartStream: (call: ServerDuplexStream<object, object>): void => {
      streams.add(call);
      call.on('data', () => undefined); // terraform never brokers connections
      call.on('end', () => call.end());
      call.on('error', () => undefined);
    },
  };
}

const HEALTHY_SERVICES = new Set(['', 'plugin']);

export function healthService(streams: OpenStreams): UntypedServiceImplementation {
  return {
    Check: (
      call: { request: { service?: string } },
      callback: (error: { code: number; details: string } | null, response?: object) => void,
    ): void => {
      const name = call.request.service ?? '';
      if (HEALTHY_SERVICES.has(name)) callback(null, { status: 'SERVING' });
      else callback({ code: status.NOT_FOUND, details: `unknown service ${name}` });
    },
    Watch: (call: ServerWritableStream<{ service?: string }, object>): void => {
      const name = call.request.service ?? '';
      call.write({ status: HEALTHY_SERVICES.has(name) ? 'SERVING' : 'SERVICE_UNKNOWN' });
      streams.add(call);
    },
  };
}
