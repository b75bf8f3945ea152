/**
 * What differs between the public Alibaba Cloud provider (`alicloud`) and the Apsara Stack
 * provider (`alibabacloudstack`) at the wire level, as data. Everything else in `client/`
 * is shared. Sources: the endpoint and credential handling of terraform-provider-alicloud
 * (`alicloud/config.go`), the Apsara Stack calls and scoping of
 * terraform-provider-alibabacloudstack v3.16 (its ECS image resource and `connectivity/`),
 * and the image Read/Delete of terraform-provider-alicloud's resource_alicloud_image.go.
 */

export type Product = 'ecs' | 'vpc' | 'resourcemanager';
export type FlavourName = 'alicloud' | 'alibabacloudstack';

/** The scoping an Apsara Stack tenant carries on every call (resolved through ASCM `ListResourceGroup`). */
export interface ApsaraScope {
  /** Organization id (`Department`, `OrganizationId`, `x-acs-organizationid`). */
  readonly department: string;
  /** Numeric resource set id (`ResourceGroup`, `x-acs-resourcegroupid`). */
  readonly resourceGroup: string;
  /** The resource set's `rsId`, when the ASCM lookup found one. Not sent by image calls. */
  readonly resourceGroupId?: string | undefined;
}

/** The values a decoration field can take. */
export type DecorationSource = 'region' | 'department' | 'resourceGroup' | 'product';

/** One extra header or query parameter sent on every call of a flavour. */
export interface DecorationField {
  readonly in: 'header' | 'query';
  /** Sent exactly in this case. */
  readonly name: string;
  readonly from?: DecorationSource;
  readonly value?: string;
}

export interface Flavour {
  readonly name: FlavourName;
  /**
   * `v2` is the SDK's name for RPC signature v1 (HMAC-SHA1), which both Go providers use for
   * ECS; the TS SDK's own default would be ACS3-HMAC-SHA256.
   */
  readonly signatureAlgorithm: 'v2' | 'ACS3-HMAC-SHA256';
  readonly decoration: readonly DecorationField[];
  /** The product name the Apsara Stack gateway routes on (`x-acs-asapi-product`). */
  readonly productNames: Readonly<Record<Product, string>>;
  /** How an image is looked up by id (DescribeImages). */
  readonly imageLookup: {
    /** `Status` parameter: which statuses count as "exists". */
    readonly statuses: string;
    readonly imageOwnerAlias: string;
  };
  /** Tag keys the cloud adds itself; tag diffs never remove them. */
  readonly systemTagPrefixes: readonly string[];
}

const PRODUCT_NAMES: Readonly<Record<Product, string>> = Object.freeze({ ecs: 'Ecs', vpc: 'Vpc', resourcemanager: 'ResourceManager' });

export const ALICLOUD: Flavour = Object.freeze({
  name: 'alicloud',
  signatureAlgorithm: 'v2',
  decoration: Object.freeze([]),
  productNames: PRODUCT_NAMES,
  imageLookup: Object.freeze({
    // v1.289+ reads with Status=ALL so Creating/Waiting/Deprecated images are not "gone";
    // ImageOwnerAlias=self keeps a shared or public image id from passing for ours.
    statuses: 'ALL',
    imageOwnerAlias: 'self',
  }),
  systemTagPrefixes: Object.freeze(['aliyun', 'acs:', 'http://', 'https://']),
});

export const ALIBABACLOUDSTACK: Flavour = Object.freeze({
  name: 'alibabacloudstack',
  signatureAlgorithm: 'v2',
  decoration: Object.freeze([
    { in: 'query', name: 'Department', from: 'department' },
    { in: 'query', name: 'OrganizationId', from: 'department' },
    { in: 'query', name: 'ResourceGroup', from: 'resourceGroup' },
    { in: 'header', name: 'RegionId', from: 'region' },
    { in: 'header', name: 'x-acs-regionid', from: 'region' },
    { in: 'header', name: 'x-acs-organizationid', from: 'department' },
    { in: 'header', name: 'x-acs-resourcegroupid', from: 'resourceGroup' },
    { in: 'header', name: 'x-acs-request-version', value: 'v1' },
    { in: 'header', name: 'x-acs-asapi-product', from: 'product' },
    { in: 'header', name: 'x-ascm-product-name', from: 'product' },
  ] satisfies DecorationField[]),
  productNames: PRODUCT_NAMES,
  imageLookup: Object.freeze({
    // The upstream list without Deprecated makes a deprecated image look deleted, so Delete
    // skips it and it is orphaned; we list Deprecated too.
    statuses: 'Creating,Waiting,Available,UnAvailable,CreateFailed,Deprecated',
    imageOwnerAlias: 'self',
  }),
  systemTagPrefixes: Object.freeze(['aliyun', 'acs:', 'ascm:', 'http://', 'https://']),
});

export interface DecorationContext {
  readonly product: Product;
  readonly regionId: string;
  readonly scope: ApsaraScope | undefined;
}

/** The headers and query parameters a flavour adds to every call of one product's client. */
export function decorate(flavour: Flavour, ctx: DecorationContext): { headers: Record<string, string>; queries: Record<string, string> } {
  const headers: Record<string, string> = {};
  const queries: Record<string, string> = {};
  for (const field of flavour.decoration) {
    const value = field.value ?? valueOf(field.from, flavour, ctx);
    (field.in === 'header' ? headers : queries)[field.name] = value;
  }
  return { headers, queries };
}

function valueOf(source: DecorationSource | undefined, flavour: Flavour, ctx: DecorationContext): string {
  switch (source) {
    case 'region':
      return ctx.regionId;
    case 'product':
      return flavour.productNames[ctx.product];
    case 'department':
      return requireScope(ctx).department;
    case 'resourceGroup':
      return requireScope(ctx).resourceGroup;
    default:
      return '';
  }
}

function requireScope(ctx: DecorationContext): ApsaraScope {
  if (!ctx.scope) throw new Error('provider bug: an Apsara Stack client was built before its department and resource group were known');
  return ctx.scope;
}
