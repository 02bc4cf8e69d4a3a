import canonicalize from 'canonicalize';
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** The public half as a JWK (RFC 8037), with its thumbprint as `kid`. */
export interface PublicSigningJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

export interface SigningKeyMaterial {
  privateKey: KeyObject;
  publicKey: KeyObject;
  kid: string;
  publicJwk: PublicSigningJwk;
  publicKeyPem: string;
}

export function signingKeyFromPem(privateKeyPem: string): SigningKeyMaterial {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the signing key must be an Ed25519 private key');
  const publicKey = createPublicKey(privateKey);
  const { x } = publicKey.export({ format: 'jwk' }) as { x: string };
  const kid = jwkThumbprint({ crv: 'Ed25519', kty: 'OKP', x });
  return {
    privateKey,
    publicKey,
    kid,
    publicJwk: { kty: 'OKP', crv: 'Ed25519', x, kid, alg: 'EdDSA', use: 'sig' },
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

/** RFC 7638: SHA-256 over the required members in lexicographic order, base64url. */
export function jwkThumbprint(jwk: { crv: string; kty: string; x: string }): string {
  return createHash('sha256').update(canonicalize({ crv: jwk.crv, kty: jwk.kty, x: jwk.x })!).digest('base64url');
}

/** Ed25519 signs the message itself (no pre-hash), hence the null algorithm. */
export function signBytes(message: Buffer, privateKey: KeyObject): string {
  return sign(null, message, privateKey).toString('base64url');
}

export function verifyBytes(message: Buffer, signature: string, publicKey: KeyObject): boolean {
  try {
    return verify(null, message, publicKey, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}
