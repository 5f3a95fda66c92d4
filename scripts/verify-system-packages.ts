// Proves that the system packages the tests need work on this machine, not only that their files
// exist: a throwaway PostgreSQL cluster answers a query (also through PgBouncer in transaction
// mode), nginx accepts a configuration, Chromium renders a page headless, and
// cupsd accepts the exact configuration the tests generate and takes a raw queue. Run by
// scripts/system-packages.sh after it installed what was missing; each failure says what is
// wrong and which package it comes from, and the script exits 1.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { CHROMIUM_ARGS, systemChromium } from '../test/setup/chromium';
import { startPostgresCluster } from '../test/setup/postgres-cluster';
import { startPgBouncer } from '../test/setup/postgres-replica';
import { CUPSD, startPrivateCupsd, writePrivateCupsdConfig } from '../test/support/private-cupsd';

interface Check {
  name: string;
  debianPackage: string;
  run(): Promise<string>;
}

function output(command: string, args: string[], env?: NodeJS.ProcessEnv): string {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    timeout: 60_000,
    env: env ? { ...process.env, ...env } : process.env,
  });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) {
    const said = `${result.stderr}\n${result.stdout}`.trim();
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${said}`);
  }
  return `${result.stdout}${result.stderr}`.trim();
}

const checks: Check[] = [
  {
    name: 'PostgreSQL server (initdb, pg_ctl, a query through psql)',
    debianPackage: 'postgresql',
    async run() {
      const cluster = await startPostgresCluster();
      try {
        const answer = output('psql', [cluster.url, '-At', '-c', 'select version()']);
        return answer.split(' on ')[0] ?? answer;
      } finally {
        cluster.stop();
      }
    },
  },
  {
    name: 'Chromium (renders a page headless)',
    debianPackage: 'chromium',
    async run() {
      if (!systemChromium) throw new Error('/usr/bin/chromium is not installed');
      const version = output(systemChromium, ['--version']).split('\n')[0] ?? '';
      const dom = output(systemChromium, [
        ...CHROMIUM_ARGS,
        '--dump-dom',
        'data:text/html,<p id=probe>rendered</p>',
      ]);
      if (!dom.includes('rendered')) throw new Error(`the page did not render: ${dom}`);
      return version;
    },
  },
  {
    name: "CUPS (cupsd -t on the tests' config, a private scheduler with a raw queue)",
    debianPackage: 'cups cups-client',
    async run() {
      if (!existsSync(CUPSD)) throw new Error(`${CUPSD} is not installed`);
      const config = writePrivateCupsdConfig();
      try {
        output(CUPSD, ['-t', ...config.configArgs]);
      } finally {
        rmSync(config.root, { recursive: true, force: true });
      }
      // Starting a scheduler needs root, as the CUPS tests do; elsewhere the config check is all.
      if (process.getuid?.() !== 0) return 'config accepted (not root: scheduler not started)';
      const cupsd = await startPrivateCupsd();
      try {
        const queue = cupsd.run('lpadmin', [
          '-p',
          'verify',
          '-E',
          '-v',
          'socket://127.0.0.1:9',
          '-m',
          'raw',
        ]);
        if (queue.status !== 0) throw new Error(`lpadmin: ${queue.stderr.trim()}`);
        const status = cupsd.run('lpstat', ['-p', 'verify']);
        if (!/verify/.test(status.stdout)) throw new Error(`lpstat: ${status.stderr.trim()}`);
        return 'scheduler started, raw queue added';
      } finally {
        await cupsd.stop();
      }
    },
  },
  {
    name: 'PgBouncer (transaction pooling in front of a throwaway cluster, a query through it)',
    debianPackage: 'pgbouncer',
    async run() {
      const cluster = await startPostgresCluster();
      try {
        const bouncer = await startPgBouncer(cluster.port);
        try {
          const answer = output('psql', [bouncer.urlFor(cluster.url), '-At', '-c', 'select 1']);
          if (answer !== '1') throw new Error(`select 1 through PgBouncer answered ${answer}`);
          return output('/usr/sbin/pgbouncer', ['--version']).split('\n')[0] ?? 'pgbouncer';
        } finally {
          await bouncer.stop();
        }
      } finally {
        await cluster.stop();
      }
    },
  },
  {
    name: "nginx (the benchmarks' load balancer; its configuration test)",
    debianPackage: 'nginx',
    async run() {
      return output('/usr/sbin/nginx', ['-v']);
    },
  },
  {
    name: 'DejaVu font (screenshots)',
    debianPackage: 'fonts-dejavu-core',
    async run() {
      const font = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
      if (!existsSync(font)) throw new Error(`${font} is missing`);
      return font;
    },
  },
];

let failed = 0;
for (const check of checks) {
  try {
    console.log(`ok   ${check.name}: ${await check.run()}`);
  } catch (error) {
    failed += 1;
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`FAIL ${check.name}\n     ${reason.replace(/\n/g, '\n     ')}`);
    console.error(`     (Debian package: ${check.debianPackage})`);
  }
}
if (failed > 0) {
  console.error(`${failed} of ${checks.length} system checks failed: the tests cannot run here.`);
  process.exit(1);
}
