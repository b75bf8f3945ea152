/**
 * Resource and data source definitions whose handlers load on first use. Terraform starts
 * the provider several times per command only for schemas and validation; the official SDK
 * takes seconds to load, so definition modules hold schemas only and import their
 * `…-operations.ts` module (which pulls in the SDK) when a handler first runs.
 */
import type { CloudClients } from '../client/index.js';
import type { DataSourceDefinition, ResourceDefinition } from '../framework/index.js';

type Client = CloudClients;
export type ResourceHandlers = Pick<ResourceDefinition<Client>, 'create' | 'read' | 'delete'> &
  Partial<Pick<ResourceDefinition<Client>, 'update' | 'importState'>>;
export type ResourceMeta = Omit<ResourceDefinition<Client>, 'create' | 'read' | 'update' | 'delete' | 'importState'>;

export function lazyResource(
  meta: ResourceMeta,
  load: () => Promise<ResourceHandlers>,
  shape: { readonly update: boolean; readonly importState: boolean },
): ResourceDefinition<Client> {
  return {
    ...meta,
    create: async (request) => (await load()).create(request),
    read: async (request) => (await load()).read(request),
    delete: async (request) => (await load()).delete(request),
    ...(shape.update
      ? {
          update: async (request: Parameters<NonNullable<ResourceDefinition<Client>['update']>>[0]) => {
            const handlers = await load();
            if (handlers.update === undefined) throw new Error(`provider bug: ${meta.typeName} declares update but has no handler`);
            return handlers.update(request);
          },
        }
      : {}),
    ...(shape.importState
      ? {
          importState: async (request: Parameters<NonNullable<ResourceDefinition<Client>['importState']>>[0]) => {
            const handlers = await load();
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
  return { ...meta, read: async (request) => (await load()).read(request) };
}
