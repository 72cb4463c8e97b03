// Secrets and passwords that ship with the code (development defaults, the compose file, examples).
// Anyone can read them, so a production process refuses to start with any of them.
export const DEV_ACCESS_TOKEN_SECRET = 'development-only-access-token-secret-change-me';
export const DEV_OPERATOR_PASSWORD = 'operator-demo-password';
export const DEV_DB_OWNER_PASSWORD = 'rights_ledger_owner';
export const DEV_DB_APP_PASSWORD = 'rights_ledger_app';
// 32 bytes, base64: the key-encryption key of personal data keys outside production.
export const DEV_PERSONAL_DATA_KEK = 'ZGV2ZWxvcG1lbnQtb25seS1wZXJzb25hbC1kYXRhLWs=';
// 32 bytes, base64: encrypts collection-tool credentials (ODK Central, Kobo) outside production.
export const DEV_CONNECTION_CREDENTIALS_KEY = 'ZGV2LW9ubHktY29sbGVjdGlvbi1jcmVkZW50aWFscy0=';
// Signs development checkpoints only: anyone could forge a checkpoint with it.
export const DEV_AUDIT_SIGNING_KEY = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIBkEcFbt0t16AaJccEdOnmYIO9BvaIduzxlZWGifoxrd
-----END PRIVATE KEY-----
`;
// Signs development spreadsheet templates only.
export const DEV_TEMPLATE_SIGNING_KEY = 'development-only-template-signing-key-change-me';
const KNOWN_DEFAULTS = new Set([
  DEV_ACCESS_TOKEN_SECRET,
  DEV_OPERATOR_PASSWORD,
  DEV_DB_OWNER_PASSWORD,
  DEV_DB_APP_PASSWORD,
  DEV_PERSONAL_DATA_KEK,
  DEV_CONNECTION_CREDENTIALS_KEY,
  DEV_AUDIT_SIGNING_KEY,
  DEV_TEMPLATE_SIGNING_KEY,
  'postgres',
  'password',
  'changeme',
  'secret',
]);

export const isKnownDefault = (value: string) => KNOWN_DEFAULTS.has(value);

export interface SecretSettings {
  JWT_ACCESS_SECRET?: string;
  OPERATOR_PASSWORD?: string;
  DB_OWNER_PASSWORD?: string;
  DB_APP_PASSWORD?: string;
  DATABASE_URL: string;
  SMTP_URL?: string;
  LOG_ACCOUNT_TOKENS?: boolean;
  METRICS_TOKEN?: string;
  PERSONAL_DATA_KEK?: string;
  CONNECTION_CREDENTIALS_KEY?: string;
  // The checkpoint signing key's PEM (normalised: see normalisePem), from AUDIT_SIGNING_KEY or read from
  // AUDIT_SIGNING_KEY_FILE.
  AUDIT_SIGNING_KEY?: string;
  TEMPLATE_SIGNING_KEY?: string;
}

const urlPassword = (url: string | undefined) => {
  try {
    return url ? decodeURIComponent(new URL(url).password) : '';
  } catch {
    return '';
  }
};

// What production refuses: a missing or built-in secret, a URL with a built-in password, e-mail
// without a mail server (account tokens travel only by e-mail) and tokens printed to the log.
export function productionSecretProblems(vars: SecretSettings): { variable: string; message: string }[] {
  const problems: { variable: string; message: string }[] = [];
  const explicit = (variable: keyof SecretSettings, value: string | undefined) => {
    if (value === undefined) problems.push({ variable, message: 'is required in production' });
    else if (isKnownDefault(value))
      problems.push({ variable, message: 'is a built-in default; set a secret of your own' });
  };
  explicit('JWT_ACCESS_SECRET', vars.JWT_ACCESS_SECRET);
  explicit('OPERATOR_PASSWORD', vars.OPERATOR_PASSWORD);
  explicit('DB_OWNER_PASSWORD', vars.DB_OWNER_PASSWORD);
  explicit('DB_APP_PASSWORD', vars.DB_APP_PASSWORD);
  explicit('PERSONAL_DATA_KEK', vars.PERSONAL_DATA_KEK);
  explicit('CONNECTION_CREDENTIALS_KEY', vars.CONNECTION_CREDENTIALS_KEY);
  for (const variable of ['DATABASE_URL', 'SMTP_URL'] as const) {
    if (isKnownDefault(urlPassword(vars[variable])))
      problems.push({ variable, message: 'carries a built-in default password' });
  }
  if (vars.SMTP_URL === undefined)
    problems.push({ variable: 'SMTP_URL', message: 'is required in production (invitations go by e-mail)' });
  // Scrapes reveal activity per route: production never serves them to anyone.
  if (vars.METRICS_TOKEN === undefined)
    problems.push({ variable: 'METRICS_TOKEN', message: 'is required in production' });
  // Checkpoints signed with a key from the repository prove nothing.
  explicit('AUDIT_SIGNING_KEY', vars.AUDIT_SIGNING_KEY);
  // A template signed with a key from the repository could be forged for any assignment.
  explicit('TEMPLATE_SIGNING_KEY', vars.TEMPLATE_SIGNING_KEY);
  if (vars.LOG_ACCOUNT_TOKENS)
    problems.push({ variable: 'LOG_ACCOUNT_TOKENS', message: 'must be off in production' });
  return problems;
}
