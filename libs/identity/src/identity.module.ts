import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@rl/config';
import { AccessGuard } from './auth/access.guard';
import { AccountMail, QueuedAccountMail } from './auth/account-mail';
import { MembershipOffers } from './auth/membership-offers';
import { CallerLookup } from './auth/caller-lookup';
import { OperatorGate } from './auth/operator-gate';
import { PasswordHasher } from './auth/credentials';
import { PasswordLogin } from './auth/password-login';
import { SessionIssuer } from './auth/session-issuer';
import { SessionOpener } from './auth/session-opener';
import { AuthThrottle } from './auth/throttle/auth-throttle';
import { AuthThrottleMiddleware } from './auth/throttle/auth-throttle.middleware';
import { AuthController } from './auth.controller';
import { AcceptInvitationHandler } from './commands/accept-invitation/accept-invitation.handler';
import { AddMemberHandler } from './commands/add-member/add-member.handler';
import { AnswerInvitationHandler } from './commands/answer-invitation/answer-invitation.handler';
import { ChangePasswordHandler } from './commands/change-password/change-password.handler';
import { ConfirmPasswordResetHandler } from './commands/confirm-password-reset/confirm-password-reset.handler';
import { ReissueInvitationHandler } from './commands/reissue-invitation/reissue-invitation.handler';
import { RequestPasswordResetHandler } from './commands/request-password-reset/request-password-reset.handler';
import { EnsureAccountHandler } from './commands/ensure-account/ensure-account.handler';
import { LoginHandler } from './commands/login/login.handler';
import { LogoutHandler } from './commands/logout/logout.handler';
import { RefreshSessionHandler } from './commands/refresh-session/refresh-session.handler';
import { UpdateMemberHandler } from './commands/update-member/update-member.handler';
import { MeController } from './me.controller';
import { MembersController } from './members.controller';
import { PeopleController } from './people.controller';
import { ErasePersonHandler } from './commands/erase-person/erase-person.handler';
import { IDENTITY_ENTITIES } from './persistence/entities';
import { ExpiredCredentials, PgExpiredCredentials } from './persistence/expired-credentials.repository';
import { IdentityStore } from './persistence/identity.repository';
import { PgIdentityStore } from './persistence/pg-identity.repository';
import { ListMembersHandler } from './queries/list-members/list-members.handler';
import { MeHandler } from './queries/me/me.handler';
import { MyInvitationsHandler } from './queries/my-invitations/my-invitations.handler';
import { PurgeExpiredCredentialsHandler } from './jobs/purge-expired-credentials.handler';

@Module({
  imports: [
    TypeOrmModule.forFeature(IDENTITY_ENTITIES),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.auth.accessTokenSecret,
        // Pinned both ways: a token of another algorithm (none, RS256 with the secret as a key), issuer
        // or audience is refused.
        signOptions: { algorithm: 'HS256', issuer: config.auth.issuer, audience: config.auth.audience },
        verifyOptions: {
          algorithms: ['HS256'],
          issuer: config.auth.issuer,
          audience: config.auth.audience,
        },
      }),
    }),
  ],
  controllers: [AuthController, MeController, MembersController, PeopleController],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: IdentityStore, useClass: PgIdentityStore },
    { provide: ExpiredCredentials, useClass: PgExpiredCredentials },
    { provide: AccountMail, useClass: QueuedAccountMail },
    AuthThrottle,
    CallerLookup,
    OperatorGate,
    PasswordHasher,
    PasswordLogin,
    SessionIssuer,
    SessionOpener,
    LoginHandler,
    RefreshSessionHandler,
    LogoutHandler,
    AcceptInvitationHandler,
    AddMemberHandler,
    UpdateMemberHandler,
    EnsureAccountHandler,
    ListMembersHandler,
    MeHandler,
    PurgeExpiredCredentialsHandler,
    MembershipOffers,
    AnswerInvitationHandler,
    MyInvitationsHandler,
    RequestPasswordResetHandler,
    ConfirmPasswordResetHandler,
    ChangePasswordHandler,
    ReissueInvitationHandler,
    ErasePersonHandler,
  ],
  exports: [OperatorGate, AccountMail],
})
export class IdentityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuthThrottleMiddleware).forRoutes('*path');
  }
}
