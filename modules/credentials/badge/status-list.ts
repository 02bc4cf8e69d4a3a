import { gzipSync } from 'node:zlib';
import { OB_CONTEXT } from './open-badge';

/**
 * W3C Bitstring Status List v1.0 for revocation: one list per issuing organization,
 * one bit per badge (1 = revoked). Pure, so the encoding is unit-tested.
 */

/** The spec's minimum length (16 KiB of bits), so a list does not reveal how few badges an issuer has. */
export const MIN_STATUS_LIST_BITS = 131_072;

export interface BitstringStatusListEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: 'revocation';
  statusListIndex: string;
  statusListCredential: string;
}

export function statusListUrl(baseUrl: string, orgId: string): string {
  return `${baseUrl}/status-lists/${orgId}/revocation`;
}

export function statusEntry(baseUrl: string, orgId: string, index: number): BitstringStatusListEntry {
  const list = statusListUrl(baseUrl, orgId);
  return { id: `${list}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(index), statusListCredential: list };
}

/** The bits, most significant bit first (index 0 is the left-most bit of byte 0), gzipped, base64url with the multibase prefix "u". */
export function encodeStatusList(revoked: readonly number[], minBits = MIN_STATUS_LIST_BITS): string {
  const highest = revoked.reduce((max, i) => Math.max(max, i), -1);
  const bits = Math.max(minBits, Math.ceil((highest + 1) / minBits) * minBits);
  const bytes = Buffer.alloc(bits / 8);
  for (const index of revoked) bytes[index >> 3] |= 0x80 >> (index & 7);
  return `u${gzipSync(bytes).toString('base64url')}`;
}

export interface StatusListCredential {
  '@context': typeof OB_CONTEXT;
  id: string;
  type: ['VerifiableCredential', 'BitstringStatusListCredential'];
  issuer: string;
  validFrom: string;
  credentialSubject: { id: string; type: 'BitstringStatusList'; statusPurpose: 'revocation'; encodedList: string };
}

export function statusListCredential(baseUrl: string, orgId: string, issuerId: string, revoked: readonly number[], now: Date): StatusListCredential & { iss: string; jti: string; nbf: number } {
  const id = statusListUrl(baseUrl, orgId);
  return {
    '@context': OB_CONTEXT,
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerId,
    validFrom: now.toISOString(),
    credentialSubject: { id: `${id}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encodeStatusList(revoked) },
    iss: issuerId,
    jti: id,
    nbf: Math.floor(now.getTime() / 1000),
  };
}
