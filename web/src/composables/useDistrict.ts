import { inject, provide, type ComputedRef, type InjectionKey } from 'vue';
import type { DistrictHeaderQuery } from '../gql/graphql';

export type DistrictHeader = DistrictHeaderQuery['district'];
const KEY: InjectionKey<ComputedRef<DistrictHeader | undefined>> = Symbol('district');

export function provideDistrict(district: ComputedRef<DistrictHeader | undefined>): void {
  provide(KEY, district);
}

/** The district of the current /districts/:id page (loaded by DistrictLayout). */
export function useDistrict(): ComputedRef<DistrictHeader | undefined> {
  const d = inject(KEY);
  if (!d) throw new Error('useDistrict() outside DistrictLayout');
  return d;
}
