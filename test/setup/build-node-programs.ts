// Playwright's global setup. The end-to-end tests run the bundled Node programs (the central OMS
// and the station web host), as `npm start` does, so they are built from the current sources
// first, and the back office the central OMS serves. (The station renderer comes from
// `npm run build`.)
import { buildBackoffice } from '../../scripts/build-backoffice';
import { buildNodePrograms } from '../../scripts/build-node';

export default async function globalSetup(): Promise<void> {
  await Promise.all([buildNodePrograms(), buildBackoffice()]);
}
