// JSON schemas (2020-12) for the config of each component type csops uses, written from the fields
// HubSpot's documentation requires (app configuration, app card reference, settings, app functions).
// HubSpot keeps the real schemas server-side; these stand in for them when validating offline.
const scopes = {
  type: 'array',
  items: { type: 'string', pattern: '^[a-z][a-z0-9_.-]*$' },
  uniqueItems: true,
};

export const COMPONENT_SCHEMAS = {
  APPLICATION: {
    type: 'object',
    required: ['name', 'distribution', 'auth'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 200 },
      description: { type: 'string', maxLength: 8192 },
      distribution: { enum: ['private', 'marketplace'] },
      auth: {
        type: 'object',
        required: ['type', 'requiredScopes'],
        additionalProperties: false,
        properties: {
          type: { enum: ['static', 'oauth'] },
          requiredScopes: { ...scopes, minItems: 1 },
          optionalScopes: scopes,
          conditionallyRequiredScopes: scopes,
          redirectUrls: { type: 'array', items: { type: 'string', format: 'uri' } },
        },
      },
      permittedUrls: {
        type: 'object',
        additionalProperties: false,
        properties: {
          fetch: { type: 'array', items: { type: 'string' } },
          iframe: { type: 'array', items: { type: 'string' } },
          img: { type: 'array', items: { type: 'string' } },
        },
      },
      support: { type: 'object' },
    },
    // App functions exist only for static auth with private distribution (2026.03).
    if: { properties: { distribution: { const: 'marketplace' } } },
    then: { properties: { auth: { properties: { type: { const: 'oauth' } } } } },
  },
  CARD: {
    type: 'object',
    required: ['name', 'location', 'entrypoint', 'objectTypes'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 1 },
      description: { type: 'string' },
      location: {
        enum: ['crm.record.tab', 'crm.record.sidebar', 'crm.preview', 'helpdesk.sidebar'],
      },
      entrypoint: { type: 'string', pattern: '^/app/cards/[^/]+\\.(tsx|jsx)$' },
      objectTypes: {
        type: 'array',
        minItems: 1,
        items: { enum: ['contacts', 'companies', 'deals', 'tickets'] },
      },
    },
  },
  SETTINGS: {
    type: 'object',
    required: ['entrypoint'],
    additionalProperties: false,
    properties: { entrypoint: { type: 'string', pattern: '^/app/settings/[^/]+\\.(tsx|jsx)$' } },
  },
  APP_FUNCTION: {
    type: 'object',
    required: ['entrypoint'],
    additionalProperties: false,
    properties: {
      entrypoint: { type: 'string', pattern: '^/app/functions/[^/]+\\.js$' },
      secretKeys: { type: 'array', items: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' } },
      endpoint: { type: 'object' },
    },
  },
  // https://developers.hubspot.com/docs/apps/developer-platform/add-features/custom-workflow-actions
  WORKFLOW_ACTION: {
    type: 'object',
    required: ['actionUrl', 'supportedClients', 'labels', 'objectTypes'],
    additionalProperties: false,
    properties: {
      actionUrl: { type: 'string', pattern: '^https://[^\\s{}]+$' },
      isPublished: { type: 'boolean' },
      supportedClients: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['client'],
          properties: { client: { enum: ['WORKFLOWS', 'AGENTS'] } },
        },
      },
      objectTypes: { type: 'array', items: { type: 'string' } },
      inputFields: { type: 'array', items: { type: 'object', required: ['typeDefinition'] } },
      outputFields: { type: 'array', items: { type: 'object', required: ['typeDefinition'] } },
      labels: {
        type: 'object',
        minProperties: 1,
        additionalProperties: {
          type: 'object',
          required: ['actionName'],
          properties: { actionName: { type: 'string', minLength: 1 } },
        },
      },
    },
  },
} as const;
