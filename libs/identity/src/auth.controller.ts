import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '@rl/web';
import { SessionView, TokenPairView } from './auth/session.view';
import { AcceptInvitationCommand } from './commands/accept-invitation/accept-invitation.command';
import { AcceptInvitationDto } from './commands/accept-invitation/accept-invitation.dto';
import { LoginCommand } from './commands/login/login.command';
import { LoginDto } from './commands/login/login.dto';
import { LogoutCommand } from './commands/logout/logout.command';
import { RefreshSessionCommand } from './commands/refresh-session/refresh-session.command';
import { RefreshTokenDto } from './commands/refresh-session/refresh-session.dto';

@ApiTags('auth')
// Every POST here is throttled per account and address by AuthThrottleMiddleware (identity.module).
@ApiTooManyRequestsResponse({ description: 'AUTH.TOO_MANY_ATTEMPTS (Retry-After says when to retry)' })
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly commands: CommandBus) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: SessionView })
  @ApiUnauthorizedResponse({ description: 'AUTH.INVALID_CREDENTIALS' })
  login(@Body() body: LoginDto): Promise<SessionView> {
    return this.commands.execute(new LoginCommand(body.email, body.password));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairView })
  @ApiUnauthorizedResponse({
    description: 'AUTH.INVALID_REFRESH_TOKEN or AUTH.REFRESH_TOKEN_REUSED (the session is revoked)',
  })
  refresh(@Body() body: RefreshTokenDto): Promise<TokenPairView> {
    return this.commands.execute(new RefreshSessionCommand(body.refreshToken));
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'The session of this refresh token is ended (its access tokens stop working too)',
  })
  async logout(@Body() body: RefreshTokenDto): Promise<void> {
    await this.commands.execute(new LogoutCommand(body.refreshToken));
  }

  @Post('accept-invite')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: SessionView, description: 'The password is set and the new member is logged in' })
  acceptInvite(@Body() body: AcceptInvitationDto): Promise<SessionView> {
    return this.commands.execute(new AcceptInvitationCommand(body.token, body.password));
  }
}
