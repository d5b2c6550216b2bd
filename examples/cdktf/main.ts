/**
 * The example CDKTF app: `cdktf synth` (cdktf.json at the repository root) or
 * `npx tsx examples/cdktf/main.ts` writes cdktf.out/stacks/{publisher,consumer}/cdk.tf.json.
 */
import { App } from 'cdktf';
import { ConsumerStack, PublisherStack } from './stacks';

const app = new App();
new PublisherStack(app, 'publisher');
new ConsumerStack(app, 'consumer');
app.synth();
