import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { databaseLocation } from '../../adapters/db/connect';
import { loadConfig } from '../../config/schema';
import { REPO_ROOT } from './support';

// js-yaml arrives with the lint tool chain (no type declarations).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require('js-yaml') as { load(text: string): any; loadAll(text: string): any[] };
const read = (path: string) => readFileSync(join(REPO_ROOT, 'deploy/helm', path), 'utf8');
const docs = (path: string) => yaml.loadAll(read(path)).filter(Boolean);

describe('Kubernetes deployment', () => {
  it('runs Camunda with 3 brokers, 3 partitions replicated 3 times, and Elasticsearch', () => {
    const values = yaml.load(read('values-camunda.yaml'));
    expect(values.orchestration).toMatchObject({
      clusterSize: '3',
      partitionCount: '3',
      replicationFactor: '3',
    });
    expect(values.elasticsearch.enabled).toBe(true);
  });

  it('runs 3 worker replicas with resource limits, configured from the ConfigMap and the Secret', () => {
    const [workers] = docs('ours/workers.yaml');
    expect(workers.kind).toBe('Deployment');
    expect(workers.spec.replicas).toBe(3);
    const container = workers.spec.template.spec.containers[0];
    expect(container.resources.limits).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
    expect(container.envFrom).toEqual([
      { configMapRef: { name: 'kz-permits-config' } },
      { secretRef: { name: 'kz-permits-credentials' } },
    ]);
  });

  it('serves the web app from 2 replicas behind a Service', () => {
    const [deployment, service] = docs('ours/ui.yaml');
    expect(deployment.spec.replicas).toBe(2);
    expect(service.kind).toBe('Service');
    expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
  });

  it('keeps the simulators out of the production set', () => {
    const production = yaml.load(read('ours/kustomization.yaml'));
    const dev = yaml.load(read('ours/dev/kustomization.yaml'));
    expect(production.resources).not.toContain('simulators.yaml');
    expect(dev.resources).toEqual(['..', 'simulators.yaml']);
  });

  it('the ConfigMap plus the credentials Secret is valid configuration for the workers', () => {
    const [configMap] = docs('ours/config.yaml');
    const secret = { CAMUNDA_BASIC_AUTH_USERNAME: 'workers', CAMUNDA_BASIC_AUTH_PASSWORD: 'from-secret' };
    const config = loadConfig({ ...configMap.data, ...secret }, { service: 'workers' });
    expect(config.camunda).toMatchObject({
      authStrategy: 'BASIC',
      grpcAddress: expect.stringMatching(/^grpc:\/\//),
    });
  });

  it('signs staff in through the chart’s Keycloak with our realm, and the web app is configured for it', () => {
    const values = yaml.load(read('values-camunda.yaml'));
    expect(values.identityKeycloak.enabled).toBe(true);
    expect(values.identityKeycloak.keycloakConfigCli).toMatchObject({
      enabled: true,
      existingConfigmap: 'kz-permits-keycloak-realm',
      extraEnvVarsSecret: 'kz-permits-credentials',
    });
    const [configMap] = docs('ours/config.yaml');
    const secret = {
      CAMUNDA_BASIC_AUTH_USERNAME: 'ui',
      CAMUNDA_BASIC_AUTH_PASSWORD: 'from-secret',
      UI_SESSION_SECRET: 's'.repeat(32),
      OIDC_CLIENT_SECRET: 'c'.repeat(24),
    };
    const config = loadConfig({ ...configMap.data, ...secret }, { service: 'ui' });
    expect(config.oidc).toMatchObject({
      issuerUrl: expect.stringMatching(/^https:\/\/.+\/realms\/kz-permits$/),
      clientId: 'kz-permits-web',
      redirectUri: expect.stringMatching(/^https:\/\/.+\/auth\/callback$/),
    });
    expect(() =>
      loadConfig({ ...configMap.data, ...secret, OIDC_CLIENT_SECRET: '' }, { service: 'ui' }),
    ).toThrow(/OIDC_CLIENT_SECRET/);
  });

  it('keeps files in an S3 bucket from the ConfigMap and the Secret, with no ReadWriteMany volume, and runs the build output', () => {
    const [configMap] = docs('ours/config.yaml');
    const secret = {
      CAMUNDA_BASIC_AUTH_USERNAME: 'workers',
      CAMUNDA_BASIC_AUTH_PASSWORD: 'from-secret',
      S3_ACCESS_KEY_ID: 'access',
      S3_SECRET_ACCESS_KEY: 'secret',
    };
    const config = loadConfig({ ...configMap.data, ...secret }, { service: 'workers' });
    expect(config.blobs).toMatchObject({
      kind: 's3',
      s3: { bucket: 'kz-permits-files', accessKeyId: 'access' },
    });
    const production = yaml.load(read('ours/kustomization.yaml'));
    const manifests = [...production.resources, 'dev/simulators.yaml'].flatMap((f: string) =>
      docs(`ours/${f}`),
    );
    expect(JSON.stringify(manifests)).not.toMatch(/ReadWriteMany|persistentVolumeClaim/);
    const commands = manifests
      .filter((m: any) => m.kind === 'Deployment')
      .map((m: any) => m.spec.template.spec.containers[0].command);
    expect(commands).toEqual(
      expect.arrayContaining([
        ['node', 'dist/workers/start.js'],
        ['node', 'dist/ui/start.js'],
        ['node', 'dist/simulators/start.js'],
      ]),
    );
    expect(commands).toHaveLength(3);
  });

  describe('the application database', () => {
    const fromSecret = {
      name: 'DATABASE_URL',
      valueFrom: { secretKeyRef: { name: 'kz-permits-credentials', key: 'DATABASE_URL' } },
    };
    const pods = () =>
      ['ui', 'workers'].map((name) => ({ name, pod: docs(`ours/${name}.yaml`)[0].spec.template.spec }));

    it('migrates an external PostgreSQL with a Job running the compiled migrate command, DATABASE_URL from the Secret', () => {
      const production = yaml.load(read('ours/kustomization.yaml'));
      expect(production.resources).toContain('db-migrate.yaml');
      const [job] = docs('ours/db-migrate.yaml');
      expect(job.kind).toBe('Job');
      const container = job.spec.template.spec.containers[0];
      expect(container.command).toEqual(['node', 'dist/scripts/db-migrate.js']);
      expect(container.env).toContainEqual(fromSecret);
      expect(job.spec.template.spec.restartPolicy).toBe('Never');
      // No database server among our manifests: production's PostgreSQL is outside this set.
      const manifests = production.resources.flatMap((f: string) => docs(`ours/${f}`));
      expect(JSON.stringify(manifests)).not.toMatch(/image":"postgres|StatefulSet/);
    });

    it('starts the web app and the workers only once the schema is current, on the DATABASE_URL of the Secret', () => {
      for (const { name, pod } of pods()) {
        const [init] = pod.initContainers ?? [];
        expect({ name, command: init?.command }).toEqual({
          name,
          command: ['node', 'dist/scripts/db-migrate.js', '--wait', expect.stringMatching(/^\d+$/)],
        });
        expect({ name, env: init.env }).toEqual({ name, env: expect.arrayContaining([fromSecret]) });
        // Named explicitly (not only through envFrom): a Secret without it stops the pod from
        // starting instead of letting it keep records inside its container.
        expect({ name, env: pod.containers[0].env }).toEqual({
          name,
          env: expect.arrayContaining([fromSecret]),
        });
      }
      const [configMap] = docs('ours/config.yaml');
      const secret = {
        CAMUNDA_BASIC_AUTH_USERNAME: 'workers',
        CAMUNDA_BASIC_AUTH_PASSWORD: 'from-secret',
        DATABASE_URL: 'postgres://kzpermits:pw@postgres.example.kz:5432/kz_permits',
      };
      const config = loadConfig({ ...configMap.data, ...secret }, { service: 'workers' });
      expect(databaseLocation(config)).toEqual({ dialect: 'postgres', url: secret.DATABASE_URL });
      expect(configMap.data).not.toHaveProperty('DATABASE_URL');
    });
  });

  it('pins no client to a web-app replica: sessions and prepared signatures are in the database', () => {
    const [, service] = docs('ours/ui.yaml');
    expect(service.spec.sessionAffinity ?? 'None').toBe('None');
  });
});
