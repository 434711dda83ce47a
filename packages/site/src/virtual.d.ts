declare module 'virtual:runsheet/site' {
  import type {SiteModuleSettings} from './integration/virtual-site.js'

  /** The key the pages read the site with, from `loadedSite` (`lib/site-store.ts`). */
  export const key: string
  export const settings: SiteModuleSettings
}
