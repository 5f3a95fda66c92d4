// Playwright's global setup. The end-to-end tests run the bundled Node programs (the central OMS
// and the station web host), as `npm start` does, so they are built from the current sources
// first. (The renderer they serve comes from `npm run build`.)
import { buildNodePrograms } from '../../scripts/build-node';

export default async function globalSetup(): Promise<void> {
  await buildNodePrograms();
}
