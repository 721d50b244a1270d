import type { CollectionResponsePublicOwnerForwardPaging } from '@hubspot/api-client/lib/codegen/crm/owners/models/CollectionResponsePublicOwnerForwardPaging.js';
import type { PublicOwner } from '@hubspot/api-client/lib/codegen/crm/owners/models/PublicOwner.js';
import { PublicOwnerTypeEnum } from '@hubspot/api-client/lib/codegen/crm/owners/models/PublicOwner.js';
import type { CollectionResponsePublicPermissionSetNoPaging } from '@hubspot/api-client/lib/codegen/settings/users/models/CollectionResponsePublicPermissionSetNoPaging.js';
import type { CollectionResponsePublicTeamNoPaging } from '@hubspot/api-client/lib/codegen/settings/users/models/CollectionResponsePublicTeamNoPaging.js';
import type { CollectionResponsePublicUserForwardPaging } from '@hubspot/api-client/lib/codegen/settings/users/models/CollectionResponsePublicUserForwardPaging.js';
import type { PublicUser } from '@hubspot/api-client/lib/codegen/settings/users/models/PublicUser.js';
import { notFound } from '../errors.js';
import { boolParam, intParam } from '../http/input.js';
import type { Router } from '../http/router.js';
import type { CrmStore } from '../store/store.js';
import type { OwnerDef, UserDef } from '../store/types.js';
import { API, modelReply } from '../wire.js';
import { date } from './common.js';

function toOwner(o: OwnerDef): PublicOwner {
  return {
    id: o.id,
    userId: o.userId,
    userIdIncludingInactive: o.userId,
    email: o.email,
    firstName: o.firstName,
    lastName: o.lastName,
    type: PublicOwnerTypeEnum.Person,
    teams: [{ id: o.team.id, name: o.team.name, primary: true }],
    archived: o.archived,
    createdAt: date(o.createdAt),
    updatedAt: date(o.updatedAt),
  };
}

function toUser(u: UserDef): PublicUser {
  return {
    id: u.id,
    email: u.email,
    firstName: u.firstName,
    lastName: u.lastName,
    roleId: u.roleId,
    roleIds: u.roleId ? [u.roleId] : [],
    primaryTeamId: u.primaryTeamId,
    secondaryTeamIds: [],
    superAdmin: u.superAdmin,
  };
}

function pageOf<T>(items: T[], after: string | null, limit: number): { items: T[]; next?: string } {
  const start = after ? Number(after) || 0 : 0;
  return {
    items: items.slice(start, start + limit),
    next: start + limit < items.length ? String(start + limit) : undefined,
  };
}

export function registerPeopleRoutes(router: Router, store: CrmStore): void {
  router.add('GET', '/crm/v3/owners', (ctx) => {
    const archived = boolParam(ctx.query, 'archived');
    const email = ctx.query.get('email')?.toLowerCase();
    const owners = store
      .ownerList()
      .filter((o) => o.archived === archived && (!email || o.email.toLowerCase() === email));
    const p = pageOf(owners, ctx.query.get('after'), intParam(ctx.query, 'limit', 100, 500));
    const model: CollectionResponsePublicOwnerForwardPaging = {
      results: p.items.map(toOwner),
      paging: p.next ? { next: { after: p.next } } : undefined,
    };
    return modelReply(200, API.owners, 'CollectionResponsePublicOwnerForwardPaging', model);
  });

  router.add('GET', '/crm/v3/owners/{ownerId}', (ctx) => {
    const byUser = ctx.query.get('idProperty') === 'userId';
    const id = ctx.params.ownerId!;
    const owner = store.ownerList().find((o) => (byUser ? String(o.userId) === id : o.id === id));
    if (!owner) throw notFound(`Owner ${id} does not exist`);
    return modelReply(200, API.owners, 'PublicOwner', toOwner(owner));
  });

  router.add('GET', '/settings/v3/users/roles', () => {
    const model: CollectionResponsePublicPermissionSetNoPaging = { results: store.roleList() };
    return modelReply(200, API.users, 'CollectionResponsePublicPermissionSetNoPaging', model);
  });

  router.add('GET', '/settings/v3/users/teams', () => {
    const teams = new Map<string, { id: string; name: string; userIds: string[] }>();
    for (const o of store.ownerList()) {
      const t = teams.get(o.team.id) ?? { id: o.team.id, name: o.team.name, userIds: [] };
      t.userIds.push(String(o.userId));
      teams.set(t.id, t);
    }
    const model: CollectionResponsePublicTeamNoPaging = {
      results: [...teams.values()].map((t) => ({ ...t, secondaryUserIds: [] })),
    };
    return modelReply(200, API.users, 'CollectionResponsePublicTeamNoPaging', model);
  });

  router.add('GET', '/settings/v3/users', (ctx) => {
    const p = pageOf(
      store.userList(),
      ctx.query.get('after'),
      intParam(ctx.query, 'limit', 100, 100),
    );
    const model: CollectionResponsePublicUserForwardPaging = {
      results: p.items.map(toUser),
      paging: p.next ? { next: { after: p.next } } : undefined,
    };
    return modelReply(200, API.users, 'CollectionResponsePublicUserForwardPaging', model);
  });

  router.add('GET', '/settings/v3/users/{userId}', (ctx) => {
    const byEmail = ctx.query.get('idProperty') === 'EMAIL';
    const id = ctx.params.userId!;
    const user = store
      .userList()
      .find((u) => (byEmail ? u.email.toLowerCase() === id.toLowerCase() : u.id === id));
    if (!user) throw notFound(`User ${id} does not exist`);
    return modelReply(200, API.users, 'PublicUser', toUser(user));
  });
}
