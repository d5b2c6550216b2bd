/**
 * Bundles a provider entry (default provider/src/main.ts) into one executable CommonJS file
 * (default provider/dist/terraform-provider-mercato.js), with its lazily loaded packages in a
 * `node_modules/` folder beside it. Answers the absolute path of the executable.
 */
export function build(entry?: string, outfile?: string): Promise<string>;
/** Bundles `entry` with every package it uses into one CommonJS file (the script of a single executable). */
export function bundleAll(entry: string, outfile: string): Promise<string>;
