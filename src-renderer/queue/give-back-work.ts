// A packer who signs out gives back what this station still holds: its orders return to every
// station's queue at once (not only after the central OMS's timeout), and what was picked
// becomes a put-back task for whoever signs in next. Work is per station, not per packer, so
// leaving it held would hand an unknown batch to the next packer.
import type { WorkDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { saveWork } from '../sync/station-writes';
import { isHeldWork, releaseWork } from './put-back-rules';

export async function giveBackHeldWork(
  db: StationDatabase,
  stationId: string,
  at = new Date().toISOString(),
): Promise<WorkDoc[]> {
  const docs = await db.work.find({ selector: { stationId } }).exec();
  const held = docs.map((d) => d.toJSON() as WorkDoc).filter(isHeldWork);
  return Promise.all(
    held.map((work) => saveWork(db, releaseWork(work, { by: 'station', at, note: null }))),
  );
}
