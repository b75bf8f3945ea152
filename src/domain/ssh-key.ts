/**
 * OpenSSH public keys as ImportKeyPair takes them and key pairs as ECS names
 * them (ecs-api-more.md §2.0): the one-line `type base64 [comment]` form,
 * whose decoded blob must be a well-formed key of the named type; the
 * fingerprint as ECS documents it (the MD5 of that blob, lowercase hex pairs
 * joined by `:`, what `ssh-keygen -l -E md5` prints); the name rules.
 */
import { createHash } from 'node:crypto';

/**
 * Key types and the fields their blob holds after the type string (RFC 4253
 * §6.6, RFC 5656 §3.1, RFC 8709 §4). ECS lists rsa, dss and ecdsa; ed25519
 * keys are accepted too, as every current OpenSSH generates them.
 */
const BLOB_FIELDS: Readonly<Record<string, number>> = {
  'ssh-rsa': 2, // e, n
  'ssh-dss': 4, // p, q, g, y
  'ssh-ed25519': 1, // the 32-byte key
  'ecdsa-sha2-nistp256': 2, // curve name, Q
  'ecdsa-sha2-nistp384': 2,
  'ecdsa-sha2-nistp521': 2,
};

export interface SshPublicKey {
  readonly type: string;
  /** The decoded key blob. */
  readonly blob: Buffer;
  /** `type base64`, without the comment. */
  readonly text: string;
}

/** The length-prefixed strings of an SSH wire blob, or undefined when it does not split exactly. */
function blobStrings(blob: Buffer): Buffer[] | undefined {
  const strings: Buffer[] = [];
  let offset = 0;
  while (offset < blob.length) {
    if (offset + 4 > blob.length) return undefined;
    const length = blob.readUInt32BE(offset);
    offset += 4;
    if (offset + length > blob.length) return undefined;
    strings.push(blob.subarray(offset, offset + length));
    offset += length;
  }
  return strings;
}

/** The key in `text`, or undefined when it is not a well-formed OpenSSH public key of a supported type. */
export function parseSshPublicKey(text: string): SshPublicKey | undefined {
  const [type, encoded] = text.trim().split(/\s+/);
  if (type === undefined || encoded === undefined) return undefined;
  const fields = BLOB_FIELDS[type];
  if (fields === undefined || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) return undefined;
  const blob = Buffer.from(encoded, 'base64');
  const strings = blobStrings(blob);
  if (strings === undefined || strings.length !== fields + 1 || strings[0]!.toString('latin1') !== type) return undefined;
  if (strings.slice(1).some((field) => field.length === 0)) return undefined;
  if (type === 'ssh-ed25519' && strings[1]!.length !== 32) return undefined;
  if (type.startsWith('ecdsa-sha2-') && strings[1]!.toString('latin1') !== type.slice('ecdsa-sha2-'.length)) return undefined;
  return { type, blob, text: `${type} ${encoded}` };
}

/** `ab:cd:…`: the MD5 of the key blob, as ECS's `KeyPairFingerPrint`. */
export function md5Fingerprint(blob: Buffer): string {
  return createHash('md5').update(blob).digest('hex').match(/../g)!.join(':');
}

/** An SSH `mpint`: big-endian, with a leading zero byte when the high bit is set. */
function mpint(value: Buffer): Buffer {
  let start = 0;
  while (start < value.length - 1 && value[start] === 0) start += 1;
  const trimmed = value.subarray(start);
  return (trimmed[0]! & 0x80) !== 0 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed;
}

function sshString(value: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(value.length);
  return Buffer.concat([length, value]);
}

/** The OpenSSH `ssh-rsa` blob of an RSA public key given by its exponent and modulus. */
export function rsaPublicBlob(exponent: Buffer, modulus: Buffer): Buffer {
  return Buffer.concat([sshString(Buffer.from('ssh-rsa')), sshString(mpint(exponent)), sshString(mpint(modulus))]);
}

export const KEY_PAIR_NAME_LENGTH = { min: 2, max: 128 } as const;

/**
 * 2–128 characters; a letter (or CJK character) first; then letters, digits,
 * `:`, `_`, `.` and `-`; not starting with `http://` or `https://`.
 */
export function isKeyPairName(name: string): boolean {
  const length = [...name].length;
  if (length < KEY_PAIR_NAME_LENGTH.min || length > KEY_PAIR_NAME_LENGTH.max) return false;
  if (/^https?:\/\//i.test(name)) return false;
  return /^\p{L}[\p{L}\p{N}:_.-]*$/u.test(name);
}
