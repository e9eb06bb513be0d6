import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers';

type CborValue = Parameters<typeof isoCBOR.encode>[0];

/**
 * A passkey authenticator in software, for API tests: it answers the server's registration and
 * sign-in challenges as a browser with a platform authenticator would (attestation "none", ES256),
 * so that the server's checks run against real signatures. The browser journey uses Chrome's
 * virtual authenticator instead.
 */
export function softAuthenticator(origin: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const credentialId = randomBytes(16);
  const id = isoBase64URL.fromBuffer(credentialId);
  let signCount = 0;
  const b64 = (bytes: Uint8Array) => isoBase64URL.fromBuffer(bytes as Uint8Array<ArrayBuffer>);
  const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();
  const counterBytes = (count: number) => {
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32BE(count);
    return bytes;
  };
  const clientData = (type: string, challenge: string) =>
    Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));

  return {
    id,
    /** The answer to `startRegistration(options)`. */
    register(options: { challenge: string; rp: { id: string } }) {
      const coseKey = new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, isoBase64URL.toBuffer(jwk.x as string)],
        [-3, isoBase64URL.toBuffer(jwk.y as string)],
      ]);
      const credentialIdLength = Buffer.alloc(2);
      credentialIdLength.writeUInt16BE(credentialId.length);
      const authData = Buffer.concat([
        sha256(options.rp.id),
        Buffer.from([0x45]), // user present, user verified, attested credential data
        counterBytes(signCount),
        Buffer.alloc(16), // AAGUID
        credentialIdLength,
        credentialId,
        Buffer.from(isoCBOR.encode(coseKey)),
      ]);
      const attestationObject = isoCBOR.encode(
        new Map<string, unknown>([
          ['fmt', 'none'],
          ['attStmt', new Map()],
          ['authData', authData],
        ]) as CborValue,
      );
      return {
        id,
        rawId: id,
        response: {
          clientDataJSON: b64(clientData('webauthn.create', options.challenge)),
          attestationObject: b64(attestationObject),
          transports: ['internal' as const],
        },
        clientExtensionResults: {},
        type: 'public-key' as const,
      };
    },
    /** The answer to `startAuthentication(options)`. */
    authenticate(options: { challenge: string; rpId: string }, overrides: { origin?: string } = {}) {
      signCount += 1;
      const authData = Buffer.concat([sha256(options.rpId), Buffer.from([0x05]), counterBytes(signCount)]);
      const clientDataJSON = Buffer.from(
        JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin: overrides.origin ?? origin }),
      );
      const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), privateKey);
      return {
        id,
        rawId: id,
        response: {
          clientDataJSON: b64(clientDataJSON),
          authenticatorData: b64(authData),
          signature: b64(signature),
        },
        clientExtensionResults: {},
        type: 'public-key' as const,
      };
    },
  };
}
