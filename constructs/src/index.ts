// Hand-written constructs.
export * from './enums';
export * from './offering';
export * from './project';
export * from './ordered-resource';

// Bindings generated from the provider's schema (scripts/generate-bindings.js, into ./generated),
// one namespace per resource and data source type, as a prebuilt provider exports them.
//
// `offering` and `project` are also exported under these names in TypeScript and JavaScript
// (`import { offering, project } from '@mercato/cdktf'`): scripts/build.js adds them to
// lib/index.js and lib/index.d.ts after jsii has compiled. jsii refuses a submodule `offering`
// beside the class `Offering` (Java packages and .NET namespaces would collide with the class on
// case-insensitive file systems), so in the jsii assembly, and in Python, Java, Go and .NET, they
// are `mercatoOffering` and `mercatoProject`, after their Terraform types.
export * as provider from './generated/provider';
export * as organization from './generated/organization';
export * as category from './generated/category';
export * as mercatoOffering from './generated/offering';
export * as offeringVersion from './generated/offering-version';
export * as plan from './generated/plan';
export * as mercatoProject from './generated/project';
export * as resource from './generated/resource';
export * as quota from './generated/quota';
export * as dataMercatoCategory from './generated/data-mercato-category';
export * as dataMercatoCostEstimate from './generated/data-mercato-cost-estimate';
export * as dataMercatoInvoice from './generated/data-mercato-invoice';
export * as dataMercatoOffering from './generated/data-mercato-offering';
export * as dataMercatoOfferings from './generated/data-mercato-offerings';
export * as dataMercatoOrganization from './generated/data-mercato-organization';
export * as dataMercatoProject from './generated/data-mercato-project';
export * as dataMercatoResource from './generated/data-mercato-resource';
