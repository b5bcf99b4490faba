import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ICredentialsHelper,
  NodeHelpers,
  Workflow,
  createRunExecutionData,
  type ICredentialDataDecryptedObject,
  type ICredentialType,
  type IDataObject,
  type INode,
  type IHttpRequestOptions,
  type INodeExecutionData,
  type INodeType,
  type INodeTypes,
  type IRequestOptionsSimplified,
  type IRun,
  type IVersionedNodeType,
  type IWorkflowBase,
  type IWorkflowExecuteAdditionalData,
  type WorkflowExecuteMode,
  type ExecuteWorkflowData,
  type ExecuteWorkflowOptions,
  type IExecuteWorkflowInfo,
} from 'n8n-workflow';
import { EnrouteApi } from '../../../n8n-nodes/credentials/EnrouteApi.credentials.ts';
import { EnrouteWebhookApi } from '../../../n8n-nodes/credentials/EnrouteWebhookApi.credentials.ts';
import { Enroute } from '../../../n8n-nodes/nodes/Enroute/Enroute.node.ts';
import { EnrouteTrigger } from '../../../n8n-nodes/nodes/EnrouteTrigger/EnrouteTrigger.node.ts';

// n8n keeps its instance settings (encryption key, …) in a user folder: a scratch one here.
const userFolder = mkdtempSync(path.join(tmpdir(), 'enroute-n8n-'));
process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
export function removeUserFolder() {
  rmSync(userFolder, { recursive: true, force: true });
}

const require = createRequire(import.meta.url);
type NodeTypeClass = new () => INodeType | IVersionedNodeType;
type CredentialClass = new () => ICredentialType;

function fromNodesBase<T>(file: string, exportName: string): T {
  return (require(`n8n-nodes-base/dist/${file}`) as Record<string, T>)[exportName] as T;
}

/** The node types a workflow here may use: n8n's own, by the names n8n gives them, and ours. */
const nodeClasses: Record<string, NodeTypeClass> = {
  'n8n-nodes-base.scheduleTrigger': fromNodesBase(
    'nodes/Schedule/ScheduleTrigger.node.js',
    'ScheduleTrigger',
  ),
  'n8n-nodes-base.splitInBatches': fromNodesBase(
    'nodes/SplitInBatches/SplitInBatches.node.js',
    'SplitInBatches',
  ),
  'n8n-nodes-base.emailSend': fromNodesBase('nodes/EmailSend/EmailSend.node.js', 'EmailSend'),
  'n8n-nodes-base.twilio': fromNodesBase('nodes/Twilio/Twilio.node.js', 'Twilio'),
  'n8n-nodes-base.sms77': fromNodesBase('nodes/Sms77/Sms77.node.js', 'Sms77'),
  'n8n-nodes-base.httpRequest': fromNodesBase(
    'nodes/HttpRequest/HttpRequest.node.js',
    'HttpRequest',
  ),
  'n8n-nodes-base.executeWorkflow': fromNodesBase(
    'nodes/ExecuteWorkflow/ExecuteWorkflow/ExecuteWorkflow.node.js',
    'ExecuteWorkflow',
  ),
  'n8n-nodes-base.executeWorkflowTrigger': fromNodesBase(
    'nodes/ExecuteWorkflow/ExecuteWorkflowTrigger/ExecuteWorkflowTrigger.node.js',
    'ExecuteWorkflowTrigger',
  ),
  'n8n-nodes-base.if': fromNodesBase('nodes/If/If.node.js', 'If'),
  'n8n-nodes-base.webhook': fromNodesBase('nodes/Webhook/Webhook.node.js', 'Webhook'),
  'n8n-nodes-base.sendGrid': fromNodesBase('nodes/SendGrid/SendGrid.node.js', 'SendGrid'),
  'n8n-nodes-base.set': fromNodesBase('nodes/Set/Set.node.js', 'Set'),
  'n8n-nodes-base.noOp': fromNodesBase('nodes/NoOp/NoOp.node.js', 'NoOp'),
  'n8n-nodes-enroute.enroute': Enroute,
  'n8n-nodes-enroute.enrouteTrigger': EnrouteTrigger,
};

const credentialClasses: Record<string, CredentialClass> = {
  twilioApi: fromNodesBase('credentials/TwilioApi.credentials.js', 'TwilioApi'),
  smtp: fromNodesBase('credentials/Smtp.credentials.js', 'Smtp'),
  sms77Api: fromNodesBase('credentials/Sms77Api.credentials.js', 'Sms77Api'),
  httpHeaderAuth: fromNodesBase('credentials/HttpHeaderAuth.credentials.js', 'HttpHeaderAuth'),
  sendGridApi: fromNodesBase('credentials/SendGridApi.credentials.js', 'SendGridApi'),
  enrouteApi: EnrouteApi,
  enrouteWebhookApi: EnrouteWebhookApi,
};

class NodeTypes implements INodeTypes {
  private readonly instances: Map<string, INodeType | IVersionedNodeType>;

  /** `loaded`: node types to use instead of the sources, e.g. the package as n8n loaded it. */
  constructor(loaded: Record<string, INodeType | IVersionedNodeType> = {}) {
    this.instances = new Map(Object.entries(loaded));
  }

  getByName(type: string) {
    let instance = this.instances.get(type);
    if (!instance) {
      const NodeClass = nodeClasses[type];
      if (!NodeClass) throw new Error(`node type ${type} is not available in this test engine`);
      instance = new NodeClass();
      this.instances.set(type, instance);
    }
    return instance;
  }

  getByNameAndVersion(type: string, version?: number): INodeType {
    return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
  }

  getKnownTypes(): IDataObject {
    return {};
  }
}

/**
 * Hands nodes their credentials and signs their requests the way n8n's server does. The network
 * of the test: requests to a provider's public origin go to its local stand-in instead.
 */
class TestCredentialsHelper extends ICredentialsHelper {
  private readonly credentials: Record<string, ICredentialDataDecryptedObject>;
  private readonly redirects: Record<string, string>;

  constructor(
    credentials: Record<string, ICredentialDataDecryptedObject>,
    redirects: Record<string, string>,
  ) {
    super();
    this.credentials = credentials;
    this.redirects = redirects;
  }

  async authenticate(
    credentials: ICredentialDataDecryptedObject,
    typeName: string,
    requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
    workflow?: Workflow,
    node?: INode,
  ): Promise<IHttpRequestOptions> {
    const options = { ...requestOptions } as IHttpRequestOptions & { uri?: string };
    const CredentialClass = credentialClasses[typeName];
    const authenticate = CredentialClass ? new CredentialClass().authenticate : undefined;
    if (typeof authenticate === 'function') {
      Object.assign(options, await authenticate(credentials, options));
    } else if (authenticate && workflow && node) {
      const resolve = (value: unknown) =>
        String(
          workflow.expression.getParameterValue(
            value as string,
            null,
            0,
            0,
            node.name,
            [],
            'internal',
            {
              $credentials: credentials,
            } as never,
          ),
        );
      const { headers, qs, auth } = authenticate.properties as {
        headers?: Record<string, unknown>;
        qs?: Record<string, unknown>;
        auth?: { username: unknown; password: unknown };
      };
      for (const [name, value] of Object.entries(headers ?? {})) {
        options.headers = { ...options.headers, [resolve(name)]: resolve(value) };
      }
      for (const [name, value] of Object.entries(qs ?? {})) {
        options.qs = { ...options.qs, [name]: resolve(value) };
      }
      if (auth)
        options.auth = { username: resolve(auth.username), password: resolve(auth.password) };
    }
    for (const [origin, local] of Object.entries(this.redirects)) {
      if (options.url?.startsWith(origin)) options.url = local + options.url.slice(origin.length);
      if (options.uri?.startsWith(origin)) options.uri = local + options.uri.slice(origin.length);
    }
    return options;
  }

  async preAuthentication() {
    return undefined;
  }

  async runPreAuthentication() {
    return undefined;
  }

  getParentTypes(): string[] {
    return [];
  }

  isCredentialUsableByNode(): boolean {
    return true;
  }

  async getDecrypted(_additionalData: unknown, _nodeCredentials: unknown, type: string) {
    const found = this.credentials[type];
    if (!found) throw new Error(`no ${type} credentials given to the test engine`);
    return found;
  }

  async getCredentials(): Promise<never> {
    throw new Error('not used by these workflows');
  }

  async updateCredentials() {}

  async updateCredentialsOauthTokenData() {}

  getCredentialsProperties() {
    return [];
  }
}

export type EngineOptions = {
  credentials: Record<string, ICredentialDataDecryptedObject>;
  /** Public origin → local stand-in, e.g. https://api.twilio.com → http://127.0.0.1:4010 */
  redirects?: Record<string, string>;
  /** Node types by full name, in place of the package's sources. */
  nodeTypes?: Record<string, INodeType | IVersionedNodeType>;
};

export type WorkflowJson = Pick<IWorkflowBase, 'nodes' | 'connections'> &
  Partial<Pick<IWorkflowBase, 'settings' | 'staticData' | 'name' | 'id'>>;

let executionCounter = 0;

const SUB_WORKFLOW_TRIGGER = 'n8n-nodes-base.executeWorkflowTrigger';

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

export function createEngine(options: EngineOptions) {
  const nodeTypes = new NodeTypes(options.nodeTypes);
  const redirects = { ...options.redirects };
  const credentialsHelper = new TestCredentialsHelper(options.credentials, redirects);

  async function additionalDataFor(executionId: string) {
    const { ExecutionLifecycleHooks } = await import('n8n-core');
    const hooks = new ExecutionLifecycleHooks('trigger', executionId, {} as never);
    const finished = deferred<IRun>();
    hooks.addHandler('workflowExecuteAfter', (run) => finished.resolve(run));
    const additionalData = {
      credentialsHelper,
      hooks,
      executionId,
      currentNodeExecutionIndex: 0,
      restApiUrl: 'http://127.0.0.1/rest',
      instanceBaseUrl: 'http://127.0.0.1/',
      formBaseUrl: 'http://127.0.0.1/form',
      formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
      formTestBaseUrl: 'http://127.0.0.1/form-test',
      webhookBaseUrl: 'http://127.0.0.1/webhook',
      webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
      webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
      mcpBaseUrl: 'http://127.0.0.1/mcp',
      mcpTestBaseUrl: 'http://127.0.0.1/mcp-test',
      variables: {},
      logAiEvent: () => {},
      executeWorkflow: (
        workflowInfo: IExecuteWorkflowInfo,
        _parentData: IWorkflowExecuteAdditionalData,
        executeOptions: ExecuteWorkflowOptions,
      ) => executeSubWorkflow(workflowInfo, executeOptions),
      getRunExecutionData: async () => undefined,
      getRuntimeCredential: async () => undefined,
      startRunnerTask: async () => {
        throw new Error('the Code node is not used here');
      },
    } as unknown as IWorkflowExecuteAdditionalData;
    return { additionalData, finished: finished.promise };
  }

  function workflowOf(json: WorkflowJson) {
    return new Workflow({
      id: json.id ?? 'enroute-test',
      name: json.name ?? 'Enroute test',
      nodes: json.nodes,
      connections: json.connections,
      active: false,
      nodeTypes,
      settings: json.settings,
      staticData: json.staticData,
    });
  }

  /** Workflows run here, by id: what an Execute Workflow node finds "in the database". */
  const saved = new Map<string, WorkflowJson>();
  /** Executions started by Execute Workflow nodes that the caller did not wait for. */
  const background = new Set<Promise<IRun>>();
  const subRuns: IRun[] = [];

  /** What n8n's server does for an Execute Workflow node: runs the workflow from its trigger. */
  async function executeSubWorkflow(
    workflowInfo: IExecuteWorkflowInfo,
    executeOptions: ExecuteWorkflowOptions,
  ): Promise<ExecuteWorkflowData> {
    const json = workflowInfo.code ?? (workflowInfo.id ? saved.get(workflowInfo.id) : undefined);
    if (!json) throw new Error(`no workflow ${workflowInfo.id ?? '(inline)'} in the test engine`);
    const trigger = json.nodes.find((node) => node.type === SUB_WORKFLOW_TRIGGER);
    if (!trigger) throw new Error(`workflow ${json.id} cannot be called by another workflow`);
    const executionId = String(++executionCounter);
    const execution = runFrom(
      json,
      trigger,
      executeOptions.inputData ?? [{ json: {} }],
      executeOptions.executionMode ?? 'integrated',
      executionId,
    ).then((subRun) => {
      subRuns.push(subRun);
      return subRun;
    });
    if (executeOptions.doNotWaitToFinish) {
      background.add(execution);
      void execution.finally(() => background.delete(execution));
      return { executionId, data: [null] };
    }
    const subRun = await execution;
    const last = subRun.data.resultData.lastNodeExecuted;
    const output = last ? subRun.data.resultData.runData[last]?.at(-1)?.data?.main : undefined;
    return { executionId, data: output ?? [null] };
  }

  async function runFrom(
    json: WorkflowJson,
    startNode: INode,
    startItems: INodeExecutionData[],
    mode: WorkflowExecuteMode,
    executionId: string,
  ): Promise<IRun> {
    const { WorkflowExecute } = await import('n8n-core');
    const workflow = workflowOf(json);
    const { additionalData, finished } = await additionalDataFor(executionId);
    const runExecutionData = createRunExecutionData({
      executionData: {
        nodeExecutionStack: [{ node: startNode, data: { main: [startItems] }, source: null }],
      },
    });
    const execution = new WorkflowExecute(additionalData, mode, runExecutionData);
    await execution.processRunExecutionData(workflow);
    return await finished;
  }

  /**
   * Runs a workflow as n8n does when its trigger fires with these items (the first trigger that
   * is not the one for calls from other workflows), and resolves once it and every execution it
   * started without waiting have finished; those are in `subRuns`.
   */
  async function run(
    json: WorkflowJson,
    startItems: INodeExecutionData[],
    mode: WorkflowExecuteMode = 'trigger',
  ): Promise<IRun & { subRuns: IRun[] }> {
    if (json.id) saved.set(json.id, json);
    const startNode = json.nodes.find(
      (node) =>
        node.type !== SUB_WORKFLOW_TRIGGER &&
        nodeTypes
          .getByNameAndVersion(node.type, node.typeVersion)
          .description.group.includes('trigger'),
    );
    if (!startNode) throw new Error('the workflow has no trigger');
    const subRunsBefore = subRuns.length;
    const result = await runFrom(json, startNode, startItems, mode, String(++executionCounter));
    while (background.size > 0) await Promise.allSettled([...background]);
    return Object.assign(result, { subRuns: subRuns.slice(subRunsBefore) });
  }

  /** Another provider: its credentials, and its public origin sent to its local stand-in. */
  function addProvider(
    credentials: Record<string, ICredentialDataDecryptedObject>,
    redirect?: { origin: string; local: string },
  ) {
    Object.assign(options.credentials, credentials);
    if (redirect) redirects[redirect.origin] = redirect.local;
  }

  return { run, workflowOf, nodeTypes, additionalDataFor, addProvider };
}

export type Engine = ReturnType<typeof createEngine>;

/** The items one node emitted on one output during a run (first run of the node). */
export function outputOf(run: IRun, nodeName: string, output = 0): INodeExecutionData[] {
  return run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[output] ?? [];
}
