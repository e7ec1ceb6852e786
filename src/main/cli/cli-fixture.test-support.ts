/**
 * A small organization for the command tests: two accounts that share a name, an alias, a name with
 * terminal escapes.
 */
import type { OrganizationFixture } from '../../../tools/emulator/index';

/** The organization. */
export const cliFixture: OrganizationFixture = {
  accounts: [
    { id: '111111111111', name: 'management', email: 'aws+management@acme.example', roles: ['AdministratorAccess', 'ReadOnlyAccess'] },
    { id: '222222222222', name: 'payments-prod', email: 'aws+payments-prod@acme.example', roles: ['AdministratorAccess', 'ReadOnlyAccess'] },
    { id: '333333333333', name: 'payments-staging', email: 'aws+payments-staging@acme.example', roles: ['ReadOnlyAccess'] },
    { id: '444444444444', name: 'shared', email: 'aws+shared-a@acme.example', roles: ['ReadOnlyAccess'] },
    { id: '555555555555', name: 'shared', email: 'aws+shared-b@acme.example', roles: ['ReadOnlyAccess'] },
    { id: '666666666666', name: 'evil\u001b[31mred\rX', email: 'aws+evil@acme.example', roles: ['ReadOnlyAccess'] },
  ],
};
