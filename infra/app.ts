/**
 * The CDK app (`cdk.json` runs it): both stacks of one stage, checked by cdk-nag's AwsSolutions and
 * Serverless packs. Any finding that is neither fixed nor acknowledged with a reason fails synth.
 */
import { App, Validations } from 'aws-cdk-lib';
import { nagPacks } from './constructs/nag';
import { createSeedCrm } from './stacks/seed-crm';

const app = new App();
Validations.of(app).addPlugins(...nagPacks(app));
createSeedCrm(app, { stage: app.node.tryGetContext('stage') ?? 'dev' });
