import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

export class EnrouteWebhookApi implements ICredentialType {
  name = 'enrouteWebhookApi';

  displayName = 'Enroute Webhook API';

  icon: Icon = {
    light: 'file:../nodes/Enroute/enroute.svg',
    dark: 'file:../nodes/Enroute/enroute.dark.svg',
  };

  documentationUrl = 'https://github.com/enroute-oss/enroute/tree/main/n8n-nodes#credentials';

  properties: INodeProperties[] = [
    {
      displayName: 'Signing Secret',
      name: 'secret',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      required: true,
      description:
        'The signing secret in the Enroute plugin settings; booking events signed with another secret are refused',
    },
  ];
}
