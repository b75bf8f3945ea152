/**
 * Resource and data source definitions whose handlers load on first use. Terraform starts
 * the provider several times per command only for schemas and validation; the official SDK
 * takes seconds to load, so definition modules hold schemas only and import their
 * `…-operations.ts` module (which pulls in the SDK) when a handler first runs. Every
 * handler runs after `CloudClients.prepare()`, so its `clients.ecs` is ready.
 */
import type { CloudClients } from '../client/index.js';
import type { DataSourceDefinition, ResourceDefinition } from '../framework/index.js';

type Client = CloudClients;
export type ResourceHandlers = Pick<ResourceDefinition<Client>, 'create' | 'read' | 'delete'> &
  Partial<Pick<ResourceDefinition<Client>, 'update' | 'importState'>>;
export type ResourceMeta = Omit<ResourceDefinition<Client>, 'create' | 'read' | 'update' | 'delete' | 'importState'>;

/** The handlers module and the ECS SDK, loaded side by side. */
async function loadWith<H>(load: () => Promise<H>, client: Client): Promise<H> {
  const [handlers] = await Promise.all([load(), client.prepare()]);
  return handlers;
}

export function lazyResource(
  meta: ResourceMeta,
  loadHandlers: () => Promise<ResourceHandlers>,
  shape: { readonly update: boolean; readonly importState: boolean },
): ResourceDefinition<Client> {
  const load = (client: Client): Promise<ResourceHandlers> => loadWith(loadHandlers, client);
  return {
    ...meta,
    create: async (request) => (await load(request.client)).create(request),
    read: async (request) => (await load(request.client)).read(request),
    delete: async (request) => (await load(request.client)).delete(request),
    ...(shape.update
      ? {
          update: async (request: Parameters<NonNullable<ResourceDefinition<Client>['update']>>[0]) => {
            const handlers = await load(request.client);
            if (handlers.update === undefined) throw new Error(`provider bug: ${meta.typeName} declares update but has no handler`);
            return handlers.update(request);
          },
        }
      : {}),
    ...(shape.importState
      ? {
          importState: async (request: Parameters<NonNullable<ResourceDefinition<Client>['importState']>>[0]) => {
            const handlers = await load(request.client);
            if (handlers.importState === undefined) throw new Error(`provider bug: ${meta.typeName} declares importState but has no handler`);
            return handlers.importState(request);
          },
        }
      : {}),
  };
}

export function lazyDataSource(
  meta: Omit<DataSourceDefinition<Client>, 'read'>,
  load: () => Promise<Pick<DataSourceDefinition<Client>, 'read'>>,
): DataSourceDefinition<Client> {
  return { ...meta, read: async (request) => (await loadWith(load, request.client)).read(request) };
}
