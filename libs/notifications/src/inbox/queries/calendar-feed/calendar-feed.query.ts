import { Query } from '@nestjs/cqrs';

// Anonymous (calendar apps send no bearer token): the city comes from the path, the person from the token.
export class CalendarFeedQuery extends Query<string> {
  constructor(
    readonly citySlug: string,
    readonly token: string | undefined,
  ) {
    super();
  }
}
