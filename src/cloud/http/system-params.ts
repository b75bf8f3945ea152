/** Parameters that belong to the RPC envelope, not to the action; handlers never see them. */
const SYSTEM_PARAMS: ReadonlySet<string> = new Set([
  'Action',
  'Version',
  'Format',
  'Timestamp',
  'SignatureNonce',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureType',
  'Signature',
  'AccessKeyId',
  'SecurityToken',
  'SourceIp',
  'SecureTransport',
]);

export function actionParams(params: ReadonlyMap<string, string>): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of params) if (!SYSTEM_PARAMS.has(key)) result.set(key, value);
  return result;
}
