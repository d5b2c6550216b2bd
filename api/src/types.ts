/**
 * Names for the shapes of the generated `paths` (src/generated/openapi.ts, from the OpenAPI
 * document): the body a request sends and the one its success answers with, and each kind's
 * object as `GET /api/v1/<kind>/{id}` answers it.
 */
import type { paths } from './generated/openapi';

export type { paths } from './generated/openapi';

type Method = 'get' | 'post' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Json<Content> = Content extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body of the success answer (200 or 201) of `M P`. */
export type ResponseBody<P extends keyof paths, M extends Method = 'get'> =
  Operation<P, M> extends { responses: infer Responses } ? Json<Responses[Extract<keyof Responses, 200 | 201>]> : never;

/** The JSON body `M P` takes. */
export type RequestBody<P extends keyof paths, M extends 'post' | 'patch'> =
  Operation<P, M> extends { requestBody?: infer Body } ? Json<NonNullable<Body>> : never;

/** The query parameters `GET P` takes. */
export type QueryOf<P extends keyof paths> = NonNullable<Operation<P, 'get'>['parameters']['query']>;

export type Organization = ResponseBody<'/api/v1/organizations/{id}'>;
export type Project = ResponseBody<'/api/v1/projects/{id}'>;
export type User = ResponseBody<'/api/v1/users/{id}'>;
export type Category = ResponseBody<'/api/v1/categories/{id}'>;
export type Offering = ResponseBody<'/api/v1/offerings/{id}'>;
export type OfferingVersion = ResponseBody<'/api/v1/offering-versions/{id}'>;
export type Plan = ResponseBody<'/api/v1/plans/{id}'>;
export type Order = ResponseBody<'/api/v1/orders/{id}'>;
export type Resource = ResponseBody<'/api/v1/resources/{id}'>;
export type Event = NonNullable<ResponseBody<'/api/v1/events'>['items']>[number];
export type TerraformProvider = ResponseBody<'/api/v1/terraform-providers/{id}'>;
export type TerraformProviderVersion = ResponseBody<'/api/v1/terraform-provider-versions/{id}'>;
