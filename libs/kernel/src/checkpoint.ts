// A city's head signed at an instant (libs/audit signs and checks it): what outsiders keep so that a
// later rewrite or truncation of the log by whoever owns the database is detectable. Here because it
// also travels to witnesses in notifications' webhook payloads.
export interface Checkpoint {
  cityId: string;
  position: number;
  headHash: string;
  // ISO 8601 UTC, exactly as signed.
  signedAt: string;
  keyId: string;
  // base64 Ed25519 signature over the lines documented in API.md.
  signature: string;
}
