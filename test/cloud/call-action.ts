/**
 * Any RPC action through an official SDK client's generic `callApi` (the path the typed
 * methods take), with parameters the typed request models cannot carry: scoping
 * parameters, odd names, none at all.
 */
import { $OpenApiUtil } from '@alicloud/openapi-core';
import * as $dara from '@darabonba/typescript';

interface GenericClient {
  callApi(params: $OpenApiUtil.Params, request: $OpenApiUtil.OpenApiRequest, runtime: $dara.RuntimeOptions): Promise<Record<string, unknown>>;
}

export interface ActionCall {
  readonly action: string;
  readonly version: string;
  readonly query?: Record<string, string>;
  readonly body?: Record<string, string>;
}

export function callAction(client: GenericClient, call: ActionCall): Promise<{ statusCode?: number; body?: unknown }> {
  return client.callApi(
    new $OpenApiUtil.Params({
      action: call.action,
      version: call.version,
      protocol: 'HTTP',
      pathname: '/',
      method: 'POST',
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'json',
    }),
    new $OpenApiUtil.OpenApiRequest({ query: call.query ?? {}, ...(call.body === undefined ? {} : { body: call.body }) }),
    new $dara.RuntimeOptions({}),
  ) as Promise<{ statusCode?: number; body?: unknown }>;
}
