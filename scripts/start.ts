import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { startEmbeddedEngine } from '../engine';
import { loadConfig, ConfigError } from '../config/schema';
import { consoleLogger, type Logger } from '../config/log';
import { deployResources, type DeployReport } from '../deploy/deploy';
import { startSimulators } from '../simulators/app';
import { startWorkers } from '../workers';
import { startUi } from '../ui/start';
import { startEmbeddedNcaLayer, type NcaLayerStandIn } from '../simulators/ncalayer';

const REPO_ROOT = path.resolve(__dirname, '..');

export interface RunningSystem {
  engineUrl: string;
  simulatorsUrl: string;
  uiUrl: string;
  /** The staff identity provider: the embedded one unless OIDC_ISSUER_URL is set. */
  issuerUrl: string;
  /** What was deployed at start, and what was not (`refused`, `kept`): a bad diagram does not stop the rest. */
  deployment: DeployReport;
  /** The NCALayer stand-in and its test keys (embedded default only). */
  ncalayer?: NcaLayerStandIn;
  stop(): Promise<void>;
}

/**
 * The whole system on the embedded engine, in one process: engine, state-system simulators, the
 * deployment of every diagram and form, the job workers and the web app. Each part talks to the
 * others over HTTP exactly as it would in production.
 */
export async function startSystem(
  env: NodeJS.ProcessEnv = process.env,
  /** Folder with the bpmn/ and forms/ to deploy; the repository by default (tests pass a copy). */
  opts: { resourcesDir?: string; log?: Logger } = {},
): Promise<RunningSystem> {
  const config = loadConfig(env);
  const log = opts.log ?? consoleLogger('system', config.log.level);
  // The engine answers only its own services: they get the token made for this run (unless one is
  // configured) as the password of the SDK's BASIC strategy, which the engine accepts like a bearer token.
  const engineToken = config.engine.token ?? randomBytes(24).toString('hex');
  const { maxMessageBytes, feelTimeoutMs, maxQueuedCommands } = config.engine;
  const engine = await startEmbeddedEngine({
    dataDir: path.resolve(config.engine.dataDir),
    port: config.engine.port,
    host: config.engine.host,
    token: engineToken,
    limits: { maxMessageBytes, feelTimeoutMs, maxQueuedCommands },
    log: (m) => log.info(`[engine] ${m}`),
  });
  const simulators = await startSimulators({
    port: config.simulators.port,
    host: config.simulators.host,
  });
  // The simulated antimonopoly body answers through the web app's inbound channel, with a token
  // made for this run unless one is configured.
  const inboundToken = config.inbound.token ?? randomBytes(24).toString('hex');
  // Every later part reaches the engine and the simulators at the addresses they really got.
  // EDS on the embedded default: the NCALayer stand-in with its test CA, unless real roots are configured.
  const ncalayer = config.eds.trustedRoots
    ? undefined
    : await startEmbeddedNcaLayer({
        dir: path.resolve(config.engine.dataDir, 'eds'),
        port: config.eds.standInPort,
      });
  const childEnv: NodeJS.ProcessEnv = {
    ...env,
    ...ncalayer?.env,
    ZEEBE_REST_ADDRESS: engine.address,
    CAMUNDA_AUTH_STRATEGY: 'BASIC',
    CAMUNDA_BASIC_AUTH_USERNAME: 'engine',
    CAMUNDA_BASIC_AUTH_PASSWORD: engineToken,
    GATEWAY_BASE_URL: simulators.url,
    INBOUND_TOKEN: inboundToken,
  };
  const childConfig = loadConfig(childEnv);
  // Each diagram and form is deployed on its own: one with a lint error is reported (file, element,
  // reason) and skipped, its last good version keeps running, and everything else starts.
  const report = await deployResources({
    dir: opts.resourcesDir ?? REPO_ROOT,
    config: childConfig,
    address: engine.address,
    log: (l) => log.info(l),
  });
  for (const p of report.refused)
    log.error(`not deployed: ${p.file} ${p.elementId || '-'}: ${p.message} (${p.rule})`);
  for (const k of report.kept)
    log.error(
      k.runningVersion === undefined
        ? `${k.file}: process ${k.processId} was never deployed and cannot start until the file is fixed`
        : `${k.file}: process ${k.processId} keeps running its last good version ${k.runningVersion}`,
    );
  const workers = await startWorkers({
    config: childConfig,
    log: consoleLogger('workers', config.log.level),
  });
  const ui = await startUi(childEnv);
  simulators.connectAntimonopolyCallback(`${ui.url}/inbound/antimonopoly-answers`, inboundToken);
  log.info(`deployed ${report.processes.length} processes and ${report.forms.length} forms`);
  return {
    engineUrl: engine.address,
    simulatorsUrl: simulators.url,
    uiUrl: ui.url,
    issuerUrl: ui.issuer,
    deployment: report,
    ncalayer: ncalayer?.standIn,
    stop: async () => {
      await ui.close();
      await ncalayer?.standIn.close();
      await workers.stop();
      await simulators.close();
      await engine.close();
    },
  };
}

if (require.main === module) {
  startSystem().then(
    (sys) => {
      console.log('');
      console.log(`  web app (designer, worklist, operations, portal): ${sys.uiUrl}`);
      console.log(`  engine, Camunda 8.8 REST API:                     ${sys.engineUrl}/v2`);
      console.log(`  state-system simulators:                          ${sys.simulatorsUrl}`);
      console.log(`  staff sign-in (OpenID Connect provider):          ${sys.issuerUrl}`);
      console.log(
        '    seeded staff (fire.clerk, police.head, operator, designer, ...): README, "Signing in"',
      );
      console.log(`  antimonopoly body (answers service D letters):    ${sys.simulatorsUrl}/antimonopoly/`);
      if (sys.ncalayer)
        console.log(`  NCALayer stand-in (test keys, see docs/roles.md):  ${sys.ncalayer.url}`);
      console.log('  system ready; Ctrl+C stops it');
      const stop = () => void sys.stop().then(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    },
    (err) => {
      if (err instanceof ConfigError) {
        console.error(err.message);
        process.exit(2);
      }
      console.error(`system failed to start: ${err instanceof Error ? err.message : String(err)}`);
      if (err?.problems)
        for (const p of err.problems) console.error(`  ${p.file ?? ''} ${p.elementId}: ${p.message}`);
      process.exit(1);
    },
  );
}
