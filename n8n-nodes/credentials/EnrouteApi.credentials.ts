import type {
  IAuthenticateGeneric,
  Icon,
  ICredentialTestRequest,
  ICredentialType,
  INodeProperties,
} from 'n8n-workflow';

export class EnrouteApi implements ICredentialType {
  name = 'enrouteApi';

  displayName = 'Enroute API';

  icon: Icon = {
    light: 'file:../nodes/Enroute/enroute.svg',
    dark: 'file:../nodes/Enroute/enroute.dark.svg',
  };

  documentationUrl = 'https://github.com/enroute-oss/enroute/tree/main/n8n-nodes#credentials';

  properties: INodeProperties[] = [
    {
      displayName: 'Strapi URL',
      name: 'url',
      type: 'string',
      default: '',
      placeholder: 'https://cms.example.com',
      required: true,
      description: 'The address of the Strapi server with the Enroute plugin',
    },
    {
      displayName: 'API Token',
      name: 'apiToken',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      required: true,
      description: 'A Strapi API token allowed to use the Enroute messaging routes',
    },
  ];

  /** The Enroute node's own test (testedBy) tells a bad token from a missing plugin; this one is the fallback. */
  test: ICredentialTestRequest = {
    request: {
      baseURL: '={{$credentials.url.replace(/\\/+$/, "")}}',
      url: '/api/enroute/messaging/settings',
    },
  };

  authenticate: IAuthenticateGeneric = {
    type: 'generic',
    properties: {
      headers: { Authorization: '=Bearer {{$credentials.apiToken}}' },
    },
  };
}
