import type { Reference } from './catalogue/references.ts';

declare global {
  namespace App {
    interface Locals {
      /** The numbered sources of the agreement whose body is being rendered, for `<Cite>`. */
      citeSources?: ReadonlyMap<string, Reference>;
    }
  }
}
