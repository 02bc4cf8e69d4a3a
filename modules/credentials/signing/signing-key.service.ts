import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { SignJWT, type JWTPayload } from 'jose';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../../../src/config/config';
import { LOGGER } from '../../../src/logging/logger';
import { canonicalBytes, signedFieldsOf, type SignableRecord } from './signed-record';
import { signBytes, signingKeyFromPem, verifyBytes, type PublicSigningJwk, type SigningKeyMaterial } from './signing-key';

export const SIGNING_KEY_PATH = '/.well-known/waypoint-signing-key';

/** Holds the Ed25519 key (SIGNING_KEY) that signs completion records and Open Badges. */
@Injectable()
export class SigningKeyService implements OnModuleInit {
  private readonly key: SigningKeyMaterial;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.key = signingKeyFromPem(config.credentials.signingKeyPem);
  }

  onModuleInit(): void {
    if (this.config.credentials.signingKeyGenerated) {
      this.logger.warn(
        `SIGNING_KEY is not set: completion records and badges are signed with a DEVELOPMENT KEY made for this process (kid ${this.key.kid}). ` +
          'Everything signed now stops verifying (TAMPERED) when the process restarts. Set SIGNING_KEY (an Ed25519 private key) for anything that must last.',
      );
    }
  }

  get kid(): string {
    return this.key.kid;
  }

  get publicJwk(): PublicSigningJwk {
    return this.key.publicJwk;
  }

  get publicKeyPem(): string {
    return this.key.publicKeyPem;
  }

  /** Where verifiers fetch the public key; the fragment names the key. */
  get keyUrl(): string {
    return `${this.config.publicBaseUrl}${SIGNING_KEY_PATH}#${this.key.kid}`;
  }

  signRecord(record: SignableRecord): { signature: string; kid: string } {
    return { signature: signBytes(canonicalBytes(signedFieldsOf(record)), this.key.privateKey), kid: this.key.kid };
  }

  /**
   * False when any signed field changed, or when another key signed it (a key
   * this process does not hold cannot vouch for the record).
   */
  verifyRecord(record: SignableRecord & { signature: string; kid: string }): boolean {
    if (record.kid !== this.key.kid) return false;
    return verifyBytes(canonicalBytes(signedFieldsOf(record)), record.signature, this.key.publicKey);
  }

  /** A compact JWS (VC-JWT): header alg EdDSA, typ JWT, kid as a URL, and the public JWK. */
  signJwt(payload: object): Promise<string> {
    const { kty, crv, x } = this.key.publicJwk;
    return new SignJWT(payload as JWTPayload).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: this.keyUrl, jwk: { kty, crv, x } }).sign(this.key.privateKey);
  }
}
