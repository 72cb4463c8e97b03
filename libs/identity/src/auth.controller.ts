import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, Public } from '@rl/web';
import { AuthErrors, InvitationErrors, PasswordResetErrors } from './domain/identity.errors';
import { SessionView, TokenPairView } from './auth/session.view';
import { AcceptInvitationCommand } from './commands/accept-invitation/accept-invitation.command';
import { AcceptInvitationDto } from './commands/accept-invitation/accept-invitation.dto';
import { LoginCommand } from './commands/login/login.command';
import { LoginDto } from './commands/login/login.dto';
import { LogoutCommand } from './commands/logout/logout.command';
import { RefreshSessionCommand } from './commands/refresh-session/refresh-session.command';
import { RefreshTokenDto } from './commands/refresh-session/refresh-session.dto';
import {
  ConfirmPasswordResetCommand,
  ConfirmPasswordResetDto,
} from './commands/confirm-password-reset/confirm-password-reset.command';
import {
  RequestPasswordResetCommand,
  RequestPasswordResetDto,
} from './commands/request-password-reset/request-password-reset.command';

@ApiTags('auth')
// Every POST here is throttled per account and address by AuthThrottleMiddleware (identity.module).
@ApiErrors(AuthErrors.TOO_MANY_ATTEMPTS)
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly commands: CommandBus) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with e-mail address and password' })
  @ApiOkResponse({ type: SessionView })
  @ApiErrors(AuthErrors.INVALID_CREDENTIALS)
  login(@Body() body: LoginDto): Promise<SessionView> {
    return this.commands.execute(new LoginCommand(body.email, body.password));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for new tokens (rotation)' })
  @ApiOkResponse({ type: TokenPairView })
  @ApiErrors(AuthErrors.INVALID_REFRESH_TOKEN, AuthErrors.REFRESH_TOKEN_REUSED)
  refresh(@Body() body: RefreshTokenDto): Promise<TokenPairView> {
    return this.commands.execute(new RefreshSessionCommand(body.refreshToken));
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of a refresh token' })
  @ApiNoContentResponse({
    description: 'The session of this refresh token is ended (its access tokens stop working too)',
  })
  async logout(@Body() body: RefreshTokenDto): Promise<void> {
    await this.commands.execute(new LogoutCommand(body.refreshToken));
  }

  @Post('accept-invite')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Choose the password of a new account with the token of its invitation e-mail' })
  @ApiErrors(InvitationErrors.INVALID, InvitationErrors.ACCOUNT_ALREADY_ACTIVE)
  @ApiOkResponse({ type: SessionView, description: 'The password is set and the new member is logged in' })
  acceptInvite(@Body() body: AcceptInvitationDto): Promise<SessionView> {
    return this.commands.execute(new AcceptInvitationCommand(body.token, body.password));
  }

  @Post('password-reset')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for a password-reset e-mail',
    description: 'The same answer whether or not the address has an account; the token goes only by e-mail.',
  })
  @ApiAcceptedResponse({ description: 'If the address has an active account, a reset e-mail is on its way' })
  async requestPasswordReset(@Body() body: RequestPasswordResetDto): Promise<void> {
    await this.commands.execute(new RequestPasswordResetCommand(body.email));
  }

  @Post('password-reset/confirm')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a new password with the token of a password-reset e-mail',
    description: 'The token works once and expires; every session of the account ends.',
  })
  @ApiNoContentResponse({ description: 'The password is set; log in with it' })
  @ApiErrors(PasswordResetErrors.INVALID)
  async confirmPasswordReset(@Body() body: ConfirmPasswordResetDto): Promise<void> {
    await this.commands.execute(new ConfirmPasswordResetCommand(body.token, body.password));
  }
}
