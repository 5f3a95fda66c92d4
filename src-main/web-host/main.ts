// `npm run station:web`: the station's main-process code under plain Node, serving the built
// renderer and the station API on 127.0.0.1.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStation } from '../station';
import { loadStationConfig } from '../station-config';
import { startWebHost } from './web-host';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = resolve(
  process.env.STATION_RENDERER_DIR ?? resolve(here, '../../out/renderer'),
);
const port = Number(process.env.STATION_PORT ?? 5317);

const config = loadStationConfig(process.env, process.env.npm_package_version ?? '0.0.0');
const station = createStation(config, { transport: 'http' });
await station.start();
const host = await startWebHost({ station, rendererDir, port });
console.log(`Packing station (web host) at ${host.url}  — central OMS ${config.centralUrl}`);

async function stop() {
  await host.close();
  await station.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
