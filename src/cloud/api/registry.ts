/**
 * Every product the endpoint serves, by API version, with the action tables
 * of the areas that implement it. The endpoint routes Version + Action here.
 */
import { ECS_VERSION, RESOURCE_MANAGER_VERSION, VPC_VERSION, type ActionDefinition, type ActionTable } from './action.js';
import { catalogEcsActions } from './catalog/actions.js';
import { computeEcsActions } from './compute/actions.js';
import { imagesEcsActions } from './images/actions.js';
import { keyPairEcsActions } from './keypairs/actions.js';
import { networkEcsActions, networkVpcActions } from './network/actions.js';
import { resourceManagerActions } from './resource-manager/actions.js';
import { tagsEcsActions } from './tags/actions.js';

export interface Product {
  /** As the error `Recommend` link names it: Ecs, Vpc, ResourceManager. */
  readonly name: string;
  readonly version: string;
  readonly tables: readonly ActionTable[];
}

export const PRODUCTS: readonly Product[] = [
  {
    name: 'Ecs',
    version: ECS_VERSION,
    tables: [catalogEcsActions, imagesEcsActions, computeEcsActions, networkEcsActions, tagsEcsActions, keyPairEcsActions],
  },
  { name: 'Vpc', version: VPC_VERSION, tables: [networkVpcActions] },
  { name: 'ResourceManager', version: RESOURCE_MANAGER_VERSION, tables: [resourceManagerActions] },
];

export interface RoutedAction {
  readonly product: string;
  readonly version: string;
  readonly action: string;
  readonly definition: ActionDefinition;
}

export class ActionRegistry {
  readonly #routes: ReadonlyMap<string, RoutedAction>;
  readonly #products: ReadonlyMap<string, string>;

  constructor(products: readonly Product[] = PRODUCTS) {
    const routes = new Map<string, RoutedAction>();
    for (const product of products) {
      for (const table of product.tables) {
        for (const [action, definition] of Object.entries(table)) {
          const key = `${product.version} ${action}`;
          if (routes.has(key)) throw new Error(`cloud bug: ${product.name} action ${action} is defined twice`);
          routes.set(key, { product: product.name, version: product.version, action, definition });
        }
      }
    }
    this.#routes = routes;
    this.#products = new Map(products.map((product) => [product.version, product.name]));
  }

  /** Action names are case-sensitive, as on the real gateway. */
  find(version: string, action: string): RoutedAction | undefined {
    return this.#routes.get(`${version} ${action}`);
  }

  /** The product a version belongs to (for error links), if any. */
  productOf(version: string): string | undefined {
    return this.#products.get(version);
  }
}
