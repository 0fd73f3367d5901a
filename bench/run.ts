import { benchEngine } from './engine';
import { benchFeel } from './feel';
import { benchHistory } from './history';
import { benchLegalClock } from './legal-clock';
import { benchScale } from './scale';

/** `npm run bench`: every benchmark, figures printed side by side with their targets. */
async function main(): Promise<void> {
  const results = [
    await benchLegalClock(),
    await benchEngine(),
    await benchFeel(),
    await benchHistory(),
    await benchScale(),
  ];
  for (const r of results) {
    console.log(`\n${r.name}`);
    for (const [k, v] of Object.entries(r.figures)) console.log(`  ${k.padEnd(60)} ${v}`);
  }
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
