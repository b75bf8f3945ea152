/**
 * Step 2: route by Version + Action. RPC v1 sends both as parameters; ACS3
 * only as the `x-acs-version` / `x-acs-action` headers.
 */
import type { ActionRegistry, RoutedAction } from '../api/registry.js';
import { EcsError } from '../api/errors.js';
import type { ParsedRequest } from './parse-request.js';
import { headerValue } from './raw-request.js';

export function routeAction(request: ParsedRequest, registry: ActionRegistry): RoutedAction {
  const action = request.params.get('Action') || headerValue(request.headers, 'x-acs-action');
  if (!action) throw new EcsError('MissingParameter', 'Action');
  const version = request.params.get('Version') || headerValue(request.headers, 'x-acs-version');
  if (!version) throw new EcsError('MissingParameter', 'Version');
  const routed = registry.find(version, action);
  if (routed === undefined) throw new EcsError('InvalidApi.NotFound');
  return routed;
}
