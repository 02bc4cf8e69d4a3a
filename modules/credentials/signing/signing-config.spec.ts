import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from '../../../src/config/config';
import { signingKeyFromPem } from './signing-key';

const ed25519 = generateKeyPairSync('ed25519').privateKey;
const pem = ed25519.export({ format: 'pem', type: 'pkcs8' }).toString();
const base64Der = ed25519.export({ format: 'der', type: 'pkcs8' }).toString('base64');
const prod = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), MONGODB_URI: 'mongodb://db.example:27017', SMTP_URL: 'smtp://mail.example:587' };

describe('SIGNING_KEY', () => {
  it.each([
    ['PKCS#8 PEM', pem],
    ['PEM with escaped newlines (as .env files hold it)', pem.replace(/\n/g, '\\n')],
    ['base64 DER', base64Der],
  ])('accepts %s and signs with that key', (_label, value) => {
    const config = loadConfig({ SIGNING_KEY: value });
    expect(config.credentials.signingKeyGenerated).toBe(false);
    expect(signingKeyFromPem(config.credentials.signingKeyPem).kid).toBe(signingKeyFromPem(pem).kid);
  });

  it.each([
    ['garbage', 'not a key'],
    ['an RSA key', generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()],
    ['a public key', generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }).toString()],
  ])('refuses %s with a message naming the variable', (_label, value) => {
    expect(() => loadConfig({ SIGNING_KEY: value })).toThrow(ConfigError);
    expect(() => loadConfig({ SIGNING_KEY: value })).toThrow(/SIGNING_KEY: expected an Ed25519 private key/);
  });

  it('generates a per-process development key when absent, and says so', () => {
    const a = loadConfig({});
    const b = loadConfig({});
    expect(a.credentials.signingKeyGenerated).toBe(true);
    expect(signingKeyFromPem(a.credentials.signingKeyPem).kid).not.toBe(signingKeyFromPem(b.credentials.signingKeyPem).kid);
  });

  it('is required in production', () => {
    expect(() => loadConfig(prod)).toThrow(/SIGNING_KEY: required when NODE_ENV=production/);
    expect(loadConfig({ ...prod, SIGNING_KEY: pem }).credentials.signingKeyGenerated).toBe(false);
  });
});
