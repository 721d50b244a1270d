import { ObjectSerializer as AssociationsSerializer } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/ObjectSerializer.js';
import { ObjectSerializer as ObjectsSerializer } from '@hubspot/api-client/lib/codegen/crm/objects/models/ObjectSerializer.js';
import { ObjectSerializer as OwnersSerializer } from '@hubspot/api-client/lib/codegen/crm/owners/models/ObjectSerializer.js';
import { ObjectSerializer as PropertiesSerializer } from '@hubspot/api-client/lib/codegen/crm/properties/models/ObjectSerializer.js';
import { ObjectSerializer as SchemasSerializer } from '@hubspot/api-client/lib/codegen/crm/schemas/models/ObjectSerializer.js';
import { ObjectSerializer as UsersSerializer } from '@hubspot/api-client/lib/codegen/settings/users/models/ObjectSerializer.js';

interface Serializer {
  serialize(data: unknown, type: string, format: string): unknown;
}

/**
 * Responses are built as @hubspot/api-client model objects (so the compiler holds their shape) and
 * turned into JSON by the client's own serializers, which apply the wire names (`_from` → `from`)
 * and date formats exactly as the client expects to read them back.
 */
export const API = {
  objects: ObjectsSerializer as Serializer,
  associations: AssociationsSerializer as Serializer,
  properties: PropertiesSerializer as Serializer,
  schemas: SchemasSerializer as Serializer,
  owners: OwnersSerializer as Serializer,
  users: UsersSerializer as Serializer,
};

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A reply whose body is `model`, serialised as the client's `modelName` in the given API. */
export function modelReply<T>(status: number, api: Serializer, modelName: string, model: T): Reply {
  return { status, body: api.serialize(model, modelName, '') };
}

export function noContent(): Reply {
  return { status: 204 };
}
