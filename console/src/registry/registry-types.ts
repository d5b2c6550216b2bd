/**
 * The registry's shapes, by the names `@mercato/api` gives its answers (server/src/registry). The
 * generated types mark every property optional, so lists are read with `?? []`.
 */
import type { ResponseBody } from '@mercato/api';

type Item<List> = NonNullable<List> extends (infer T)[] ? T : never;

export type ModuleDetail = ResponseBody<'/api/v1/modules/{namespace}/{name}/{system}'>;
export type ModuleList = ResponseBody<'/api/v1/modules'>;
export type ModuleVersionSummary = Item<ModuleDetail['versions']>;
type ModuleContents = NonNullable<ModuleDetail['latest']>;
export type ModuleInput = Item<ModuleContents['inputs']>;
export type ModuleOutput = Item<ModuleContents['outputs']>;

export type ProviderList = ResponseBody<'/api/v1/terraform-providers'>;
export type TerraformProvider = ResponseBody<'/api/v1/terraform-providers/{id}'>;
export type ProviderVersionList = ResponseBody<'/api/v1/terraform-provider-versions'>;
export type ProviderVersion = Item<ProviderVersionList['items']>;
