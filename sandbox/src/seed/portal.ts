import { STANDARD_OBJECT_TYPES } from '../crm/object-types.js';
import { standardGroup, standardProperties } from '../crm/standard-properties.js';
import type { CrmStore } from '../store/store.js';
import type { Change, OwnerDef, RoleDef, UserDef } from '../store/types.js';

/** The people of the demo portal: CSMs and AEs routing assigns, and a CS Ops lead who administers csops. */
export const DEMO_ROLES: RoleDef[] = [
  { id: '1001', name: 'CS Ops Admin', requiresBillingWrite: false },
  { id: '1002', name: 'Customer Success Manager', requiresBillingWrite: false },
  { id: '1003', name: 'Account Executive', requiresBillingWrite: false },
];

const CS_TEAM = { id: '501', name: 'Customer Success' };
const SALES_TEAM = { id: '502', name: 'Sales' };

const PEOPLE: {
  first: string;
  last: string;
  team: typeof CS_TEAM;
  roleId: string;
  superAdmin: boolean;
}[] = [
  { first: 'Morgan', last: 'Reyes', team: CS_TEAM, roleId: '1001', superAdmin: true },
  { first: 'Priya', last: 'Natarajan', team: CS_TEAM, roleId: '1002', superAdmin: false },
  { first: 'Tomás', last: 'Alvarez', team: CS_TEAM, roleId: '1002', superAdmin: false },
  { first: 'Hannah', last: 'Becker', team: CS_TEAM, roleId: '1002', superAdmin: false },
  { first: 'Kwame', last: 'Mensah', team: CS_TEAM, roleId: '1002', superAdmin: false },
  { first: 'Olivia', last: 'Chen', team: SALES_TEAM, roleId: '1003', superAdmin: false },
  { first: 'Marcus', last: 'Webb', team: SALES_TEAM, roleId: '1003', superAdmin: false },
  { first: 'Sofia', last: 'Lindqvist', team: SALES_TEAM, roleId: '1003', superAdmin: false },
];

export interface DemoPerson {
  ownerId: string;
  userId: string;
  name: string;
  email: string;
  team: 'Customer Success' | 'Sales';
  superAdmin: boolean;
}

export const DEMO_PEOPLE: DemoPerson[] = PEOPLE.map((p, i) => ({
  ownerId: String(8_100_001 + i),
  userId: String(6_200_001 + i),
  name: `${p.first} ${p.last}`,
  email: `${p.first
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '')}.${p.last.toLowerCase()}@csops-demo.example`,
  team: p.team.name as DemoPerson['team'],
  superAdmin: p.superAdmin,
}));

/** CSMs carry accounts; the CS Ops lead (first person) carries none. */
export const DEMO_CSMS = DEMO_PEOPLE.filter((p, i) => p.team === 'Customer Success' && i > 0);
export const DEMO_AES = DEMO_PEOPLE.filter((p) => p.team === 'Sales');
/** A user who may manage csops settings, and one who may not. */
export const DEMO_SETTINGS_ADMIN = DEMO_PEOPLE[0]!;
export const DEMO_NON_ADMIN = DEMO_PEOPLE[5]!;

/** What any portal has before csops is installed: HubSpot's own properties, owners and users. */
export function seedBasePortal(store: CrmStore, at: string): void {
  const changes: Change[] = [];
  for (const type of STANDARD_OBJECT_TYPES) {
    const group = standardGroup(type.name);
    if (group) changes.push({ k: 'group', t: type.objectTypeId, g: group });
    for (const p of standardProperties(type.name, at))
      changes.push({ k: 'prop', t: type.objectTypeId, p });
  }
  for (const r of DEMO_ROLES) changes.push({ k: 'role', r });
  PEOPLE.forEach((p, i) => {
    const person = DEMO_PEOPLE[i]!;
    const owner: OwnerDef = {
      id: person.ownerId,
      userId: Number(person.userId),
      email: person.email,
      firstName: p.first,
      lastName: p.last,
      team: p.team,
      createdAt: at,
      updatedAt: at,
      archived: false,
    };
    const user: UserDef = {
      id: person.userId,
      email: person.email,
      firstName: p.first,
      lastName: p.last,
      roleId: p.roleId,
      primaryTeamId: p.team.id,
      superAdmin: p.superAdmin,
    };
    changes.push({ k: 'owner', o: owner }, { k: 'user', u: user });
  });
  store.commit(changes);
}
