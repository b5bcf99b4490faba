import {
  VersionedNodeType,
  type INodeTypeBaseDescription,
  type IVersionedNodeType,
} from 'n8n-workflow';
import { EnrouteV1 } from './v1/EnrouteV1.node.ts';

/** Each version keeps its behaviour for the workflows saved with it; new behaviour is a new version. */
export class Enroute extends VersionedNodeType {
  constructor() {
    const baseDescription: INodeTypeBaseDescription = {
      displayName: 'Enroute',
      name: 'enroute',
      icon: { light: 'file:enroute.svg', dark: 'file:enroute.dark.svg' },
      group: ['transform'],
      subtitle: '={{ $parameter["operation"] }}',
      description: 'Prepare Enroute’s reminders and booking messages, and record their delivery',
      defaultVersion: 1,
    };
    const nodeVersions: IVersionedNodeType['nodeVersions'] = {
      1: new EnrouteV1(baseDescription),
    };
    super(nodeVersions, baseDescription);
  }
}
