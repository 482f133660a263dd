declare module 'virtual:sufler-default-pack' {
  import type { Pack } from '../model';

  const pack: Pack;
  export default pack;
  /** sha256 of the compiled pack JSON: changes whenever anything in templates/ changes. */
  export const contentHash: string;
}
