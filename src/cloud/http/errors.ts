/**
 * The catalogue of errors the cloud answers with, keyed by the real API's own
 * codes: HTTP status and message as Alibaba Cloud sends them (see
 * shared/spec/ecs-wire.md §6 and ecs-api.md). Greppable by code; handlers throw
 * `new EcsError('InvalidImageId.NotFound')` or one of the helpers below.
 *
 * A message may carry `{0}`, `{1}` … placeholders filled from `args`.
 */

export interface ErrorDefinition {
  readonly status: number;
  readonly message: string;
}

const CATALOGUE: Readonly<Record<string, ErrorDefinition>> = {
  // --- Gateway: authentication, signature, routing -------------------------
  'InvalidAccessKeyId.NotFound': { status: 404, message: 'Specified access key is not found.' },
  'InvalidAccessKeyId.Inactive': { status: 400, message: 'Specified access key is disabled.' },
  MissingAccessKeyId: { status: 400, message: 'AccessKeyId is mandatory for this action.' },
  SignatureDoesNotMatch: {
    status: 400,
    message: 'Specified signature is not matched with our calculation. server string to sign is:{0}',
  },
  IncompleteSignature: { status: 400, message: 'The request signature does not conform to Aliyun standards.' },
  InvalidSignatureMethod: { status: 400, message: 'Specified signature method is not valid.' },
  'InvalidTimeStamp.Format': { status: 400, message: 'Specified time stamp or date value is not well formatted.' },
  'InvalidTimeStamp.Expired': { status: 400, message: 'Specified time stamp or date value is expired.' },
  SignatureNonceUsed: { status: 400, message: 'Specified signature nonce was used already.' },
  'InvalidApi.NotFound': { status: 404, message: 'Specified api is not found,please check your url and method.' },
  'InvalidProduct.NotFound': { status: 404, message: 'Cannot find product according to your specified domain.' },
  UnsupportedHTTPMethod: { status: 400, message: 'Specified HTTP method is not supported.' },
  Forbidden: { status: 403, message: 'User not authorized to operate on the specified resource.' },
  InternalError: {
    status: 500,
    message: 'The request processing has failed due to some unknown error, exception or failure.',
  },
  ServiceUnavailable: { status: 503, message: 'The request has failed due to a temporary failure of the server.' },

  // --- Common parameter errors ---------------------------------------------
  MissingParameter: {
    status: 400,
    message: 'The input parameter "{0}" that is mandatory for processing this request is not supplied.',
  },
  InvalidParameter: { status: 400, message: 'The specified parameter "{0}" is not valid.' },
  DryRunOperation: { status: 400, message: 'Request validation has been passed with DryRun flag set.' },
  IdempotentParameterMismatch: {
    status: 400,
    message: 'Request uses a client token in a previous request but is not identical to that request.',
  },
  'InvalidRegionId.NotFound': { status: 404, message: 'The specified RegionId does not exist.' },
  'InvalidResourceGroup.NotFound': {
    status: 404,
    message: 'The ResourceGroup provided does not exist in our records.',
  },

  // --- Tags and resource groups (cloud/api/tags, resource-manager) ----------

  // --- Catalog (cloud/api/catalog) ------------------------------------------

  // --- Images (cloud/api/images) --------------------------------------------

  // --- Instances, disks, snapshots (cloud/api/compute) ----------------------

  // --- VPC, vSwitch, security groups (cloud/api/network) --------------------
};

export class EcsError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, ...args: string[]) {
    const definition = CATALOGUE[code];
    if (definition === undefined) throw new Error(`cloud bug: error code ${code} is not in the catalogue`);
    super(definition.message.replace(/\{(\d+)\}/g, (_, index: string) => args[Number(index)] ?? ''));
    this.name = 'EcsError';
    this.code = code;
    this.status = definition.status;
  }

  static missingParameter(name: string): EcsError {
    return new EcsError('MissingParameter', name);
  }

  /** `InvalidParameter` naming the parameter, or a specific code from the catalogue. */
  static invalidParameter(name: string, code?: string): EcsError {
    return code === undefined ? new EcsError('InvalidParameter', name) : new EcsError(code, name);
  }
}

export function isKnownErrorCode(code: string): boolean {
  return code in CATALOGUE;
}
