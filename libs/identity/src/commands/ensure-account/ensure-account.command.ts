import { Command } from '@nestjs/cqrs';

export interface EnsureAccountInput {
  email: string;
  name: string;
  password: string;
  isOperator?: boolean;
}

// Makes sure an account exists (configuration's operator, demo users); an existing account keeps its
// password and gains the operator flag if asked.
export class EnsureAccountCommand extends Command<{ userId: string; created: boolean }> {
  constructor(readonly input: EnsureAccountInput) {
    super();
  }
}
