import { shallowRef, type ShallowRef } from 'vue';
import type { Client } from '@urql/vue';
import { graphql } from '../gql';
import type { ViewerQuery } from '../gql/graphql';

export type Viewer = NonNullable<ViewerQuery['me']>;

const ViewerDocument = graphql(`
  query Viewer {
    me { kind email role districtId }
  }
`);

const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) { user { id email role districtId } expiresAt }
  }
`);

const LogoutDocument = graphql(`
  mutation Logout { logout }
`);

/** The signed-in admin, shared by the router guard and the layout. */
export const viewer: ShallowRef<Viewer | null> = shallowRef(null);
let loaded: Promise<Viewer | null> | null = null;

export function loadViewer(client: Client, force = false): Promise<Viewer | null> {
  if (!loaded || force) {
    loaded = client
      .query(ViewerDocument, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((r) => {
        viewer.value = r.data?.me && r.data.me.kind === 'ADMIN' ? r.data.me : null;
        return viewer.value;
      })
      .catch(() => (viewer.value = null));
  }
  return loaded;
}

export async function signIn(client: Client, email: string, password: string): Promise<string | null> {
  const result = await client.mutation(LoginDocument, { email, password }).toPromise();
  if (result.error) return result.error.graphQLErrors[0]?.message ?? 'Could not sign in. Try again.';
  return null;
}

export async function signOut(client: Client): Promise<void> {
  await client.mutation(LogoutDocument, {}).toPromise();
  viewer.value = null;
  loaded = null;
}

export function forgetViewer(): void {
  viewer.value = null;
  loaded = null;
}

/** What the signed-in admin may do in the dashboard (the API enforces the same). */
export function canWrite(v: Viewer | null): boolean {
  return v?.role === 'PLATFORM_ADMIN' || v?.role === 'DISTRICT_ADMIN';
}
