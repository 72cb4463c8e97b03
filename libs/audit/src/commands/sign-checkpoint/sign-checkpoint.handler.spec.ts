import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { AppConfig } from '@rl/config';
import { asCityId, fixedClock } from '@rl/kernel';
import { CheckpointSigner } from '../../checkpoints/checkpoint-signer';
import { SigningKeys } from '../../checkpoints/signing-keys';
import { checkpointSignatureValid } from '../../domain/checkpoint';
import { InMemoryCheckpointLedger } from '../../testing/in-memory-checkpoint-ledger';
import { SignCheckpointCommand } from './sign-checkpoint.command';
import { SignCheckpointHandler } from './sign-checkpoint.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const audit: AppConfig['audit'] = {
  signingKey: {
    keyId: 'key-a',
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  },
  retiredKeys: [],
  checkpointEveryEvents: 100,
  checkpointEveryMinutes: 60,
};
// Signing reads nothing of the configuration but its audit part.
const config = { audit } as AppConfig;

const setUp = () => {
  const ledger = new InMemoryCheckpointLedger().headAt(ghent, { lastPosition: 7, lastHash: 'abc' });
  const signer = new CheckpointSigner(
    ledger,
    new SigningKeys(config),
    config,
    fixedClock('2026-03-01T12:00:00Z'),
  );
  return { ledger, signer, handler: new SignCheckpointHandler(signer) };
};

describe('SignCheckpointHandler', () => {
  it("signs the city's current head now with the configured key, and keeps the checkpoint", async () => {
    const { ledger, handler } = setUp();
    const checkpoint = await handler.execute(new SignCheckpointCommand(ghent));
    expect(checkpoint).toEqual({
      cityId: ghent,
      position: 7,
      headHash: 'abc',
      signedAt: '2026-03-01T12:00:00.000Z',
      keyId: 'key-a',
      signature: expect.any(String),
    });
    expect(checkpointSignatureValid(checkpoint, createPublicKey(audit.signingKey.publicKeyPem))).toBe(true);
    expect(ledger.checkpoints).toEqual([checkpoint]);
  });

  it('signs on demand even when the worker would not (the head has not moved since)', async () => {
    const { ledger, signer, handler } = setUp();
    await handler.execute(new SignCheckpointCommand(ghent));
    expect(await signer.signIfDue(ghent)).toBeNull();
    await handler.execute(new SignCheckpointCommand(ghent));
    expect(ledger.checkpoints).toHaveLength(2);
  });
});
