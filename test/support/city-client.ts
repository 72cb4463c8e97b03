import TestAgent from 'supertest/lib/agent';
import { ApiHarness, Session, TestCity } from './api-harness';

type Request = ReturnType<TestAgent['get']>;

// Requests to one city's routes (`/v1/cities/:city/<path>`) as one member, with their access token.
export interface CityClient {
  get(path: string): Request;
  post(path: string): Request;
  put(path: string): Request;
  patch(path: string): Request;
  delete(path: string): Request;
}

export function cityClient(api: ApiHarness, city: TestCity, session: Session): CityClient {
  const url = (path: string) => `/v1/cities/${city.slug}/${path}`;
  const bearer = { type: 'bearer' } as const;
  return {
    get: (path) => api.http.get(url(path)).auth(session.accessToken, bearer),
    post: (path) => api.http.post(url(path)).auth(session.accessToken, bearer),
    put: (path) => api.http.put(url(path)).auth(session.accessToken, bearer),
    patch: (path) => api.http.patch(url(path)).auth(session.accessToken, bearer),
    delete: (path) => api.http.delete(url(path)).auth(session.accessToken, bearer),
  };
}
