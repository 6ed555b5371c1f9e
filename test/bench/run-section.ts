/**
 * One section of `npm run bench`, in a process of its own: handler modules bind to the first local cloud
 * of a process (see infra/local/function-runner.ts), and each section starts its own cloud.
 * Usage: tsx test/bench/run-section.ts <section> <output file>
 */
import { writeFileSync } from 'node:fs';
import { benchApi } from './api-latency';
import { benchCampaign } from './campaign-send';
import { benchOverview } from './contact-overview';
import { benchBoard } from './deal-board';
import { benchDealBoardWeb } from './deal-board-web';
import { benchBundles } from './lambda-bundles';
import { benchStacks } from './stack-sizes';
import { benchWeb } from './web-app';
import { benchWebhooks } from './webhook-burst';

const sections: Record<string, () => Promise<string>> = {
  bundles: benchBundles,
  stacks: benchStacks,
  api: benchApi,
  overview: benchOverview,
  board: benchBoard,
  web: benchWeb,
  'deal-board-web': benchDealBoardWeb,
  webhooks: benchWebhooks,
  campaign: benchCampaign,
};

const [name = '', output] = process.argv.slice(2);
const section = sections[name];
if (!section || !output) {
  console.error(`usage: run-section.ts <${Object.keys(sections).join('|')}> <output file>`);
  process.exit(2);
}
writeFileSync(output, await section());
process.exit(0);
