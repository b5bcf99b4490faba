import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import {
  NodeHelpers,
  Workflow,
  type IDataObject,
  type INodeType,
  type INodeTypes,
  type IVersionedNodeType,
} from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateFiles } from '../workflows/templates.ts';
import {
  removeUserFolder,
  startFlowEnvironment,
  statusChange,
  template,
} from '../flows/environment.ts';

/**
 * The built package as n8n's server loads a community package: `PackageDirectoryLoader` (the
 * loader n8n uses for installed packages) reads the `n8n` section of package.json and requires
 * each file from dist/, with nothing but n8n-workflow provided.
 */
const packageDir = fileURLToPath(new URL('../../../n8n-nodes/', import.meta.url));
const require = createRequire(import.meta.url);
type Loader = {
  packageName: string;
  loadAll(): Promise<void>;
  nodeTypes: Record<string, { type: INodeType | IVersionedNodeType }>;
  credentialTypes: Record<string, { type: { name: string; displayName: string } }>;
};
let loader: Loader;

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: packageDir, stdio: 'pipe' });
  const { PackageDirectoryLoader } = await import('n8n-core');
  loader = new PackageDirectoryLoader(packageDir) as unknown as Loader;
  await loader.loadAll();
}, 120_000);

afterAll(() => removeUserFolder());

/** n8n's node types as a server with this package installed has them. */
function installedNodeTypes(): INodeTypes {
  const known = JSON.parse(
    readFileSync(require.resolve('n8n-nodes-base/dist/known/nodes.json'), 'utf8'),
  ) as Record<string, { className: string; sourcePath: string }>;
  const byName = (type: string): INodeType | IVersionedNodeType => {
    const [packageName, name = ''] = type.split('.');
    if (packageName === 'n8n-nodes-enroute') {
      const found = loader.nodeTypes[name]?.type;
      if (!found) throw new Error(`${type} is not in the package`);
      return found;
    }
    const entry = known[name];
    if (packageName !== 'n8n-nodes-base' || !entry) throw new Error(`${type} is not installed`);
    const file = require.resolve(`n8n-nodes-base/${entry.sourcePath}`);
    const NodeClass = (require(file) as Record<string, new () => INodeType>)[entry.className]!;
    return new NodeClass();
  };
  return {
    getByName: byName,
    getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(byName(type), version),
    getKnownTypes: (): IDataObject => ({}),
  };
}

describe('the built package, loaded by n8n', () => {
  it('lists the Enroute nodes and credentials under the package name', () => {
    expect(loader.packageName).toBe('n8n-nodes-enroute');
    expect(Object.keys(loader.nodeTypes).sort()).toEqual(['enroute', 'enrouteTrigger']);
    expect(
      Object.values(loader.credentialTypes)
        .map(({ type }) => `${type.name}: ${type.displayName}`)
        .sort(),
    ).toEqual(['enrouteApi: Enroute API', 'enrouteWebhookApi: Enroute Webhook API']);
    const enroute = loader.nodeTypes.enroute!.type as IVersionedNodeType;
    expect(enroute.description.defaultVersion).toBe(1);
    expect(enroute.getNodeType(1).description.displayName).toBe('Enroute');
    const trigger = loader.nodeTypes.enrouteTrigger!.type as INodeType;
    expect(trigger.description.webhooks?.[0]).toMatchObject({ httpMethod: 'POST' });
  });

  it('serves each node’s icons from files that exist in the package, for every version', () => {
    const descriptions = Object.values(loader.nodeTypes).flatMap(({ type }) =>
      'nodeVersions' in type
        ? Object.values(type.nodeVersions).map((version) => version.description)
        : [type.description],
    );
    expect(descriptions).toHaveLength(2);
    for (const { name, iconUrl } of descriptions) {
      const urls = iconUrl as { light: string; dark: string } | undefined;
      expect(urls, name).toBeDefined();
      for (const url of [urls!.light, urls!.dark]) {
        const file = url.replace(/^icons\/n8n-nodes-enroute\//, '');
        expect(file, `${name}: ${url}`).toMatch(/^dist\//);
        expect(readFileSync(`${packageDir}${file}`, 'utf8')).toContain('<svg');
      }
    }
  });

  it.each(Object.keys(templateFiles))(
    'workflows/%s opens with the nodes such a server has, every parameter known',
    (file) => {
      const json = JSON.parse(
        readFileSync(new URL(`../../../n8n-nodes/workflows/${file}`, import.meta.url), 'utf8'),
      ) as { nodes: Workflow['nodes'][string][]; connections: Workflow['connectionsBySourceNode'] };
      const nodeTypes = installedNodeTypes();
      const workflow = new Workflow({
        nodes: json.nodes,
        connections: json.connections,
        active: false,
        nodeTypes,
      });
      for (const node of Object.values(workflow.nodes)) {
        const type = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
        const resolved = NodeHelpers.getNodeParameters(
          type.description.properties,
          node.parameters,
          true,
          false,
          node,
          type.description,
        );
        expect(resolved, `${file}: ${node.name}`).not.toBeNull();
        for (const name of Object.keys(node.parameters)) {
          expect(
            type.description.properties.some((property) => property.name === name),
            `${file}: ${node.name} has no parameter ${name}`,
          ).toBe(true);
        }
      }
    },
  );

  it('runs the traveling flow with the built nodes against the plugin: prepared, sent and recorded as with the sources', async () => {
    const env = await startFlowEnvironment({
      'n8n-nodes-enroute.enroute': loader.nodeTypes.enroute!.type,
      'n8n-nodes-enroute.enrouteTrigger': loader.nodeTypes.enrouteTrigger!.type,
    });
    try {
      const booking = await env.plugin.booking('built', 1, { status: 'traveling' });
      const event = statusChange(booking, 'scheduled', 'traveling');
      const run = await env.engine.run(template('traveling.json'), [{ json: event }], 'webhook');
      expect(run.status).toBe('success');
      expect(env.smtp.received.map((mail) => mail.subject)).toEqual(['Sam Fixer is on the way']);
      expect(env.twilio.messages).toHaveLength(1);
      expect(
        (await env.plugin.notifications(booking)).map((n) => `${n.channel}:${n.state}`).sort(),
      ).toEqual(['email:sent', 'sms:sent']);
    } finally {
      await env.close();
    }
  });
});
