import { resolve } from 'node:path';
import { z } from 'zod';
import { loadPostnlSetting, type PostnlSetting } from './carriers/postnl/postnl-config';

const Env = z.object({
  CENTRAL_URL: z
    .url({ message: 'CENTRAL_URL must be an http(s) URL' })
    .default('http://127.0.0.1:8080'),
  STATION_DATA_DIR: z.string().default('data/station'),
  STATION_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  STATION_ENROLMENT_CODE: z.string().min(6).optional(),
});

export interface StationConfig {
  centralUrl: string;
  dataDir: string;
  pollIntervalMs: number;
  appVersion: string;
  /** Enrol automatically at start when not enrolled yet (demo set-up, provisioning scripts). */
  enrolmentCode: string | undefined;
  /** PostNL's barcode API (POSTNL_* variables); unset, PostNL cartons get own-carrier numbers. */
  postnl: PostnlSetting;
}

export function loadStationConfig(env: NodeJS.ProcessEnv, appVersion: string): StationConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Station configuration: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return {
    centralUrl: parsed.data.CENTRAL_URL,
    dataDir: resolve(parsed.data.STATION_DATA_DIR),
    pollIntervalMs: parsed.data.STATION_POLL_MS,
    appVersion,
    enrolmentCode: parsed.data.STATION_ENROLMENT_CODE,
    postnl: loadPostnlSetting(env),
  };
}
